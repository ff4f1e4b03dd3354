// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// Where one received e-mail lives on its server, and whether it is \Seen there.
struct MessageLocation {
    qint64 messageId = 0;
    QString account;
    QString mailbox;
    quint32 uidValidity = 0;
    quint32 uid = 0;
    bool seen = false;
};

/// The message_locations table (migration 0004): written by EmailInbound in the transaction that stores the
/// message, read and updated by SeenSync. Plain class over the caller's connection; the caller owns transactions.
class MessageLocationRepository final {
public:
    explicit MessageLocationRepository(const Database &database);

    /// Records (or replaces) the message at that place on the server.
    void record(const MessageLocation &location) const;
    /// The places of a conversation's inbound messages not yet \Seen on the server.
    QList<MessageLocation> unseenInbound(qint64 conversationId) const;
    /// Records the server's \Seen state for one place; returns its message's conversation, if the place is known.
    std::optional<qint64> setSeen(
        const QString &account, const QString &mailbox, quint32 uidValidity, quint32 uid, bool seen) const;
    /// Every inbound message of the conversation is \Seen somewhere on its server (a message we never saw on a
    /// server, e.g. an imported one, counts as not seen).
    bool allInboundSeen(qint64 conversationId) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
