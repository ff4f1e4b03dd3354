// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// One reply waiting to be delivered by its channel.
struct OutboxItem {
    qint64 id = 0;
    qint64 messageId = 0;
    QString channel;
    QString state; ///< pending, sending, done, failed
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
    QString account; ///< the account that sends it; empty when no account receives the conversation
    QString emailMessageId; ///< chosen before the first attempt and kept for every retry
    /// Channel "amazon": the Messaging API type it is sent as; empty (NULL) means unexpectedProblem.
    QString messageType;
};

/// The outbox: replies written together with their message row, delivered later by the engine. A row is claimed
/// (pending → sending) before the channel is called, so a crash leaves it visible for recovery rather than lost.
class OutboxRepository final {
public:
    explicit OutboxRepository(const Database &database);

    /// `messageType` (channel "amazon" only): the Messaging API type; empty stores NULL (unexpectedProblem).
    qint64 enqueue(qint64 messageId, const QString &channel, const QString &account, qint64 now,
        const QString &messageType = {}) const;
    /// Writes `text` as a queued outbound message of the conversation from `author`, sent on `channel` by
    /// `account`, and its outbox row; returns the message id. Call inside the caller's transaction.
    qint64 queueText(qint64 conversationId, const QString &channel, const QString &account, const QString &author,
        const QString &text, qint64 now) const;
    std::optional<OutboxItem> forMessage(qint64 messageId) const;
    /// Pending rows due at `now`, oldest first.
    QList<OutboxItem> due(qint64 now, int limit) const;
    int pendingCount() const;
    /// Pending rows of one account due at `now`, oldest first.
    QList<OutboxItem> dueFor(const QString &account, qint64 now, int limit) const;
    /// pending → sending, counting the attempt and fixing the Message-ID on the first one; false if someone else
    /// claimed it first.
    bool claim(qint64 id, const QString &emailMessageId) const;
    /// The oldest row of `account` due at `now`, claimed (pending → sending) in its own transaction; std::nullopt when
    /// none is due or someone else claimed it first. For channels without a Message-ID (SMS, marketplaces).
    std::optional<OutboxItem> claimNext(const QString &account, qint64 now) const;
    void markDone(qint64 id) const;
    /// Back to pending, to be tried again at `nextAttemptAt`.
    void retryLater(qint64 id, qint64 nextAttemptAt, const QString &error) const;
    void markFailed(qint64 id, const QString &error) const;
    /// Rows left in "sending" by a process that stopped mid-send go back to pending (same Message-ID).
    int recoverInterrupted(const QString &account) const;
    /// The rows of one account left in "sending" (call before claiming anything), oldest first.
    QList<OutboxItem> interrupted(const QString &account) const;
    /// One interrupted row back to pending (same Message-ID), due at once; false if it is not "sending".
    bool requeue(qint64 id) const;
    std::optional<OutboxItem> find(qint64 id) const;
    /// A reply of ours went out (or is going out) with this Message-ID (without angle brackets).
    bool hasEmailMessageId(const QString &emailMessageId) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
