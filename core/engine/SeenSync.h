// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/MailAction.h"
#include "storage/MessageLocationRepository.h"

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// \Seen in both directions, as storage decisions (the IMAP side is ImapMailboxSync::setSeen and its
/// flagsChanged and seenStored signals, wired by Engine and EmailInbound):
/// - an agent opened a conversation → takeUnseen() gives the server places of its unseen inbound mail and records
///   them as seen, so each is flagged once; in the same transaction each flag update is written to mail_actions,
///   so that it survives a restart until the server confirmed it (stored()); pendingFlags() lists what is still
///   waiting when an account starts, retryLater() counts a failed attempt;
/// - the server says a message is \Seen (read in another client, or fetched already read) → the conversation
///   stops being unread once every inbound message in it is seen.
/// A plain class over the engine's write connection, on the engine thread; it opens no transaction of its own
/// except in takeUnseen(), serverFlags() and stored(), so record() can join the caller's.
class SeenSync final {
public:
    explicit SeenSync(const storage::Database &database);

    /// The places to flag \Seen for the conversation's unseen inbound messages; they are recorded as seen here and
    /// as \Seen updates waiting for the server (due at `now`).
    QList<storage::MessageLocation> takeUnseen(qint64 conversationId, qint64 now) const;
    /// The \Seen updates of `account` still waiting for the server (after a restart, or a failed attempt).
    QList<storage::MailAction> pendingFlags(const QString &account) const;
    /// The server confirmed \Seen on these UIDs: they no longer wait.
    void stored(const QString &account, const QString &mailbox, quint32 uidValidity, const QList<quint32> &uids) const;
    /// An attempt to reach `mailbox` failed; its waiting updates are tried again at `nextAttemptAt`.
    void retryLater(const QString &account, const QString &mailbox, qint64 nextAttemptAt, const QString &error) const;
    /// `mailbox` now has UIDVALIDITY `current` (0: it is no longer synced): updates for other UIDVALIDITYs are
    /// dropped, as their UIDs name nothing.
    void forgetOutdated(const QString &account, const QString &mailbox, quint32 current) const;
    /// Records where a fetched message is stored (in the caller's transaction). Returns true when this made its
    /// conversation read (the message came \Seen and so had everything else in it).
    bool record(const storage::MessageLocation &location, qint64 conversationId) const;
    /// The server reported a message's flags; returns the conversation if it just became read.
    std::optional<qint64> serverFlags(
        const QString &account, const QString &mailbox, quint32 uidValidity, quint32 uid, bool seen) const;

private:
    bool markReadIfAllSeen(qint64 conversationId) const;

    const storage::Database &m_database;
};

} // namespace waybill::engine
