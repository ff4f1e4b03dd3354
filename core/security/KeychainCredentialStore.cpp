// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeychainCredentialStore.h"

#include "CredentialJob.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace waybill::security {

namespace {

QString explain(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return QCoreApplication::translate(
            "KeychainCredentialStore", "No password is stored for this account yet; enter it again.");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QCoreApplication::translate(
            "KeychainCredentialStore", "The keychain refused access to Waybill's password (%1).")
            .arg(job.errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    default:
        return QCoreApplication::translate("KeychainCredentialStore",
            "No keychain is available (%1). Waybill keeps passwords only in the "
            "system keychain: start your keyring (GNOME Keyring, KWallet) and try "
            "again.")
            .arg(job.errorString());
    }
}

/// Connects a QtKeychain job to a CredentialJob and starts it; the QtKeychain job deletes itself when done.
template <typename KeychainJob> CredentialJob *run(KeychainJob *keychainJob, QObject *parent, bool returnsSecret)
{
    auto *job = new CredentialJob(parent);
    keychainJob->setAutoDelete(true);
    QObject::connect(keychainJob, &QKeychain::Job::finished, job, [job, returnsSecret](QKeychain::Job *done) {
        if (done->error() != QKeychain::NoError) {
            job->fail(explain(*done));
            return;
        }
        if (returnsSecret) {
            job->succeed(static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
        } else {
            job->succeed();
        }
    });
    keychainJob->start();
    return job;
}

} // namespace

KeychainCredentialStore::KeychainCredentialStore(QString service)
    : m_service(std::move(service))
{
}

CredentialJob *KeychainCredentialStore::read(const QString &accountId, QObject *parent)
{
    auto *keychainJob = new QKeychain::ReadPasswordJob(m_service);
    keychainJob->setInsecureFallback(false);
    keychainJob->setKey(accountId);
    return run(keychainJob, parent, true);
}

CredentialJob *KeychainCredentialStore::write(const QString &accountId, const QString &secret, QObject *parent)
{
    auto *keychainJob = new QKeychain::WritePasswordJob(m_service);
    keychainJob->setInsecureFallback(false);
    keychainJob->setKey(accountId);
    keychainJob->setTextData(secret);
    return run(keychainJob, parent, false);
}

CredentialJob *KeychainCredentialStore::remove(const QString &accountId, QObject *parent)
{
    auto *keychainJob = new QKeychain::DeletePasswordJob(m_service);
    keychainJob->setInsecureFallback(false);
    keychainJob->setKey(accountId);
    return run(keychainJob, parent, false);
}

} // namespace waybill::security
