// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/CredentialStore.h"

#include <QHash>
#include <QString>

namespace waybill::testing {

/// A CredentialStore in memory for tests. Like the keychain it answers asynchronously (from the event loop);
/// a read of an unknown account succeeds with an empty secret. setFailing() makes every job fail.
class FakeCredentialStore final : public security::CredentialStore {
public:
    FakeCredentialStore() = default;

    security::CredentialJob *read(const QString &accountId, QObject *parent) override;
    security::CredentialJob *write(const QString &accountId, const QString &secret, QObject *parent) override;
    security::CredentialJob *remove(const QString &accountId, QObject *parent) override;

    QString secret(const QString &accountId) const { return m_secrets.value(accountId); }
    void setSecret(const QString &accountId, const QString &secret) { m_secrets.insert(accountId, secret); }
    void setFailing(bool failing) { m_failing = failing; }
    int writes() const { return m_writes; }

private:
    security::CredentialJob *answer(QObject *parent, const QString &secret);

    QHash<QString, QString> m_secrets;
    bool m_failing = false;
    int m_writes = 0;
};

} // namespace waybill::testing
