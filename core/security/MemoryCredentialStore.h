// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CredentialStore.h"

#include <QHash>

namespace waybill::security {

/// Secrets held in this object's memory only, never written anywhere: for a connection test with secrets typed into
/// a form before they are saved to the keychain (the token source then reads them through the usual interface).
/// Jobs finish from the event loop. Lives on one thread; forgets everything when destroyed.
class MemoryCredentialStore final : public CredentialStore {
public:
    MemoryCredentialStore() = default;
    explicit MemoryCredentialStore(QHash<QString, QString> secrets);

    CredentialJob *read(const QString &accountId, QObject *parent) override;
    CredentialJob *write(const QString &accountId, const QString &secret, QObject *parent) override;
    CredentialJob *remove(const QString &accountId, QObject *parent) override;

private:
    static CredentialJob *answer(QObject *parent, const QString &secret);

    QHash<QString, QString> m_secrets;
};

} // namespace waybill::security
