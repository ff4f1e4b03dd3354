// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/chat/ChatIncoming.h"

#include <QString>

#include <functional>
#include <optional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class Ingest;

/// Stores chat visitors' messages: each through the ingest pipeline (deduplicated on the session and the widget's
/// message id, so a message sent again after a reconnect is stored once), all messages of a session in one
/// conversation, and the session's row (chat_sessions) with what the visitor told about themselves, in one
/// transaction. The visitor is a customer with a "chat" identity (the session); an e-mail address they give finds
/// the customer who wrote from it by e-mail (or becomes an identity of the chat's customer), and so does a phone
/// number (E.164) for SMS; when the visitor wrote before saying who they are, the customer made for the chat joins
/// the known one. Two customers who both have other identities or orders are never merged. Used on the engine
/// thread with its write connection.
class ChatInbound final {
public:
    struct Stored {
        channels::chat::ChatStored outcome = channels::chat::ChatStored::Failed;
        qint64 conversationId = 0;
        qint64 messageId = 0;
    };
    /// A session's row.
    struct Session {
        qint64 conversationId = 0;
        QString email;
        qint64 lastSeenAt = 0;
    };

    ChatInbound(const storage::Database &database, Ingest &ingest, std::function<qint64()> now);

    /// Throws storage::StorageError when the database refuses; nothing is stored then.
    Stored store(const channels::chat::ChatIncoming &incoming);
    std::optional<Session> session(const QString &account, const QString &session) const;
    /// The session of a conversation's chat, empty when it has none.
    QString sessionOf(const QString &account, qint64 conversationId) const;
    /// The visitor's widget is (or was until now) connected.
    void touch(const QString &account, const QString &session) const;
    /// The "chat" identity of a session.
    static QString identityFor(const QString &account, const QString &session);

private:
    /// The customer the visitor is: an e-mail address or phone number they give that a known customer has makes
    /// the chat that customer's (adopting the chat's own customer when it was made for the chat only).
    void identify(const channels::chat::ChatIncoming &incoming) const;
    /// The customer has nothing but chat identities and no orders.
    bool isChatOnly(qint64 customerId) const;
    /// Moves the chat customer's identities and conversations to the owner and removes it.
    void adopt(qint64 chatCustomerId, qint64 ownerId, const QString &ownerName) const;

    const storage::Database &m_database;
    Ingest &m_ingest;
    std::function<qint64()> m_now;
};

} // namespace waybill::engine
