// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/MessageLocationRepository.h"

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// \Seen in both directions, as storage decisions (the IMAP side is ImapMailboxSync::setSeen and its
/// flagsChanged signal, wired by Engine and EmailInbound):
/// - an agent opened a conversation → takeUnseen() gives the server places of its unseen inbound mail and records
///   them as seen, so each is flagged once;
/// - the server says a message is \Seen (read in another client, or fetched already read) → the conversation
///   stops being unread once every inbound message in it is seen.
/// A plain class over the engine's write connection, on the engine thread; it opens no transaction of its own
/// except in takeUnseen() and serverFlags(), so record() can join the caller's.
class SeenSync final {
public:
    explicit SeenSync(const storage::Database &database);

    /// The places to flag \Seen for the conversation's unseen inbound messages; they are recorded as seen.
    QList<storage::MessageLocation> takeUnseen(qint64 conversationId) const;
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
