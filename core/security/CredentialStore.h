// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QObject;

namespace waybill::security {

class CredentialJob;

/// Where passwords and tokens live: the operating system's keychain, never settings or the database.
/// Asynchronous: each call returns a job (parented to `parent`) that finishes later. Used on one thread.
class CredentialStore {
public:
    virtual ~CredentialStore() = default;

    virtual CredentialJob *read(const QString &accountId, QObject *parent) = 0;
    virtual CredentialJob *write(const QString &accountId, const QString &secret, QObject *parent) = 0;
    virtual CredentialJob *remove(const QString &accountId, QObject *parent) = 0;
};

} // namespace waybill::security
