// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CredentialStore.h"

namespace waybill::security {

/// The production CredentialStore over QtKeychain: the Secret Service (GNOME Keyring, KWallet) on Linux, the
/// Keychain on macOS, the Credential Manager on Windows. Without a keychain it fails with a clear message and
/// never falls back to storing secrets in plain text.
class KeychainCredentialStore final : public CredentialStore {
public:
    /// `service` groups Waybill's entries in the keychain.
    explicit KeychainCredentialStore(QString service = QStringLiteral("Waybill"));

    CredentialJob *read(const QString &accountId, QObject *parent) override;
    CredentialJob *write(const QString &accountId, const QString &secret, QObject *parent) override;
    CredentialJob *remove(const QString &accountId, QObject *parent) override;

private:
    QString m_service;
};

} // namespace waybill::security
