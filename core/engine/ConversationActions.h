// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationStatus.h"
#include "domain/ConversationSummary.h"
#include "domain/Message.h"

#include <QString>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class SlaClock;

/// What an agent does to a conversation: assign, change status, tag, link an order, reply or write a note.
/// Every method runs in one transaction with its audit entry, checks the conversation's version (throwing
/// storage::StorageError Conflict if someone else changed it first) and returns the new version.
/// Lives on the thread that owns the database connection; not thread-safe.
class ConversationActions final {
public:
    using Clock = std::function<qint64()>;

    ConversationActions(const storage::Database &database, const SlaClock &sla, qint64 agentId, Clock now);

    int assign(qint64 conversationId, int version, qint64 agentId, qint64 teamId);
    /// `snoozedUntil` is required for Snoozed and ignored otherwise.
    int setStatus(qint64 conversationId, int version, domain::ConversationStatus status, qint64 snoozedUntil = 0);
    void addTag(qint64 conversationId, const QString &tag);
    void removeTag(qint64 conversationId, const QString &tag);
    /// Links the order (0 unlinks) and records the reason shown to agents.
    int linkOrder(qint64 conversationId, int version, qint64 orderId, const QString &reason);
    /// Writes an outbound message as queued plus its outbox row; the conversation waits on the customer and its
    /// deadlines are met. Returns the message id. Nothing is sent here: the channel's outbox worker does that.
    qint64 reply(qint64 conversationId, int version, const QString &text);
    /// Writes a message to the buyer of the conversation's Amazon order, sent through the Selling Partner API
    /// Messaging as `type` (one of AmazonMessagingClient::textMessageTypes(), which the agent chose among those
    /// Amazon allows for the order): queued plus an outbox row of channel "amazon" for the order's account, which
    /// that account's AmazonOutbound sends after asking Amazon again. Like reply() the conversation then waits on
    /// the customer. Throws StorageError Invalid when the conversation has no Amazon order, the type cannot carry
    /// text, the text is empty or too long for the type, or AmazonMessagePolicy blocks it (an external link).
    /// Returns the message id.
    qint64 messageOnAmazon(qint64 conversationId, int version, const QString &type, const QString &text);
    /// Writes an internal note (never sent). Returns the message id.
    qint64 addNote(qint64 conversationId, const QString &text);
    /// Records, from this conversation, whether its customer agreed to SMS and the channel they prefer (a channel
    /// key, "" for the channel they last wrote on). Each value that changes gets an audit entry on the conversation
    /// ("customer_sms_consent", "customer_channel"); nothing changes and nothing is audited when both are as stored.
    /// The conversation's version is not touched: these belong to the customer. Throws StorageError Invalid for an
    /// unknown channel key or a conversation without that customer. Returns whether anything changed.
    bool setContactPreferences(
        qint64 conversationId, qint64 customerId, bool smsConsent, const QString &preferredChannel);
    /// Marks read (on open) without touching the version.
    void markRead(qint64 conversationId);
    /// Moves one message (with its attachments and its Message-ID, so that replies to it follow) out of the
    /// conversation into a new one for the same customer and channel, with the same order link. Refuses the only
    /// message of a conversation. Audited on both; returns the new conversation's id.
    qint64 splitMessage(qint64 conversationId, int version, qint64 messageId);
    /// Moves every message, Message-ID and Thread-Index of `sourceId` into `targetId` (so later replies to the
    /// source land in the target), adds the source's tags (and its order when the target has none) to the target,
    /// then closes the source and tags it "merged". Audited on both; returns the target's new version.
    int merge(qint64 targetId, int targetVersion, qint64 sourceId, int sourceVersion);

private:
    void audit(qint64 conversationId, const QString &action, const QString &detail) const;
    QString receivingAccount(qint64 conversationId) const;
    /// Bumps the version if it is still `version`; throws Conflict (or NotFound) otherwise.
    void touch(qint64 conversationId, int version) const;
    qint64 writeMessage(
        qint64 conversationId, domain::Message::Direction direction, const QString &text, const QString &account = {});
    /// The conversation, still at `version`; throws NotFound, or Conflict saying "…; `kept`" (what the agent keeps).
    domain::ConversationSummary atVersion(qint64 conversationId, int version, const QString &kept) const;
    /// Writes `text` as a queued reply with its outbox row (`type`: the message type the channel sends it as, empty
    /// for its default); the reply answers the customer: both clocks stop, and an open conversation waits on them.
    qint64 queueReply(const domain::ConversationSummary &conversation, int version, const QString &text,
        const QString &channel, const QString &account, const QString &type = {});

    const storage::Database &m_database;
    const SlaClock &m_sla;
    qint64 m_agentId;
    Clock m_now;
};

} // namespace waybill::engine
