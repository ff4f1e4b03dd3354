// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryCredentialStore.h"

#include "CredentialJob.h"

#include <QPointer>
#include <QTimer>

namespace waybill::security {

MemoryCredentialStore::MemoryCredentialStore(QHash<QString, QString> secrets)
    : m_secrets(std::move(secrets))
{
}

CredentialJob *MemoryCredentialStore::answer(QObject *parent, const QString &secret)
{
    auto *job = new CredentialJob(parent);
    QTimer::singleShot(0, job, [job = QPointer(job), secret] {
        if (job) {
            job->succeed(secret);
        }
    });
    return job;
}

CredentialJob *MemoryCredentialStore::read(const QString &accountId, QObject *parent)
{
    return answer(parent, m_secrets.value(accountId));
}

CredentialJob *MemoryCredentialStore::write(const QString &accountId, const QString &secret, QObject *parent)
{
    m_secrets.insert(accountId, secret);
    return answer(parent, QString());
}

CredentialJob *MemoryCredentialStore::remove(const QString &accountId, QObject *parent)
{
    m_secrets.remove(accountId);
    return answer(parent, QString());
}

} // namespace waybill::security
