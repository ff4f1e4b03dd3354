// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EmailAccount.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace waybill::channels {
class TransportFactory;
}
namespace waybill::channels::email {
class ImapMailboxSync;
struct ImapFetchedMessage;
} // namespace waybill::channels::email
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class Ingest;

/// Receives one e-mail account's mail: keeps each of its folders in sync over IMAP (IDLE or polling, reconnecting
/// after drops), parses every fetched message, stores it through the ingest pipeline and records the folder's
/// UIDVALIDITY and last stored UID in the same transaction, so that a crash or a dropped connection never loses
/// or duplicates a message. Mail too large or impossible to parse is quarantined and the sync goes on. Our own
/// replies (a Message-ID the outbox sent, e.g. a copy delivered to our own address) are skipped. Where each stored
/// message lives (folder, UIDVALIDITY, UID, \Seen) is recorded in the same transaction, for SeenSync: mail that
/// arrives \Seen, or becomes \Seen on the server, makes its conversation read once all of its mail is seen.
/// \Seen updates recorded by SeenSync (mail_actions) are deleted once the server confirms them, counted as failed
/// when the folder's connection drops, and asked again when the account starts (after a restart).
/// Lives on the engine thread with the write connection. stop() ends the work; failed() reports problems that
/// need the user (a rejected password), problem() those it is retrying by itself.
class EmailInbound final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmailInbound)

public:
    EmailInbound(const storage::Database &database, Ingest &ingest, channels::TransportFactory &transports,
        domain::EmailAccount account, QString secret, QObject *parent = nullptr);
    ~EmailInbound() override;

    /// Starts every folder; returns false (after emitting failed()) when the account's servers are misconfigured.
    bool start();
    void stop();
    /// Every folder has fetched everything the server had at least once.
    bool isSynced() const;
    const QString &accountId() const { return m_account.id; }
    /// Sets \Seen on the server for one message of one of this account's folders (applied when that folder's
    /// connection next can; ignored for a folder it does not sync or an outdated UIDVALIDITY).
    void setSeen(const QString &mailbox, quint32 uidValidity, quint32 uid);

Q_SIGNALS:
    /// Conversations that got new messages (for the inbox to refresh).
    void conversationsChanged(const QList<qint64> &conversationIds);
    void synced();
    void problem(const QString &message);
    void failed(const QString &message);

private:
    void store(const channels::email::ImapFetchedMessage &fetched, channels::email::ImapMailboxSync *sync);
    void resetFolder(const QString &mailbox, quint32 uidValidity);
    void resumeSeen();
    void onSeenStored(const QString &mailbox, quint32 uidValidity, const QList<quint32> &uids, bool seen);
    void retrySeenLater(const QString &mailbox, const QString &error, int retryInMs);
    void onFlagsChanged(const QString &mailbox, quint32 uidValidity, quint32 uid, const QStringList &flags);
    QString stateKey(const QString &mailbox, const QString &what) const;

    const storage::Database &m_database;
    Ingest &m_ingest;
    channels::TransportFactory &m_transports;
    domain::EmailAccount m_account;
    QString m_secret;
    std::vector<std::unique_ptr<channels::email::ImapMailboxSync>> m_folders;
    std::vector<bool> m_synced;
    QStringList m_mailboxes; ///< the folder each of m_folders syncs
    QSet<channels::email::ImapMailboxSync *> m_paused; ///< folders waiting after a storage failure
};

} // namespace waybill::engine
