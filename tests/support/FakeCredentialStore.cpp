// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeCredentialStore.h"

#include "security/CredentialJob.h"

#include <QPointer>
#include <QTimer>

namespace waybill::testing {

security::CredentialJob *FakeCredentialStore::answer(QObject *parent, const QString &secret)
{
    auto *job = new security::CredentialJob(parent);
    QTimer::singleShot(0, job, [job = QPointer(job), secret, failing = m_failing] {
        if (!job) {
            return;
        }
        if (failing) {
            job->fail(QStringLiteral("The test keychain is locked."));
        } else {
            job->succeed(secret);
        }
    });
    return job;
}

security::CredentialJob *FakeCredentialStore::read(const QString &accountId, QObject *parent)
{
    return answer(parent, m_secrets.value(accountId));
}

security::CredentialJob *FakeCredentialStore::write(const QString &accountId, const QString &secret, QObject *parent)
{
    if (!m_failing) {
        m_secrets.insert(accountId, secret);
        ++m_writes;
    }
    return answer(parent, QString());
}

security::CredentialJob *FakeCredentialStore::remove(const QString &accountId, QObject *parent)
{
    if (!m_failing) {
        m_secrets.remove(accountId);
    }
    return answer(parent, QString());
}

} // namespace waybill::testing
