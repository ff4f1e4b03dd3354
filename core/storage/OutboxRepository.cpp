// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxRepository.h"

#include "Database.h"
#include "MessageRepository.h"
#include "SqlQuery.h"
#include "TransactionGuard.h"

namespace waybill::storage {

namespace {

const QString Columns = QStringLiteral(
    "id, message_id, channel, state, attempts, next_attempt_at, last_error, account, email_message_id, "
    "coalesce(message_type, '')");

OutboxItem readRow(const SqlQuery &q)
{
    return { q.int64(0), q.int64(1), q.text(2), q.text(3), int(q.int64(4)), q.int64(5), q.text(6), q.text(7), q.text(8),
        q.text(9) };
}

} // namespace

OutboxRepository::OutboxRepository(const Database &database)
    : m_database(database)
{
}

qint64 OutboxRepository::enqueue(
    qint64 messageId, const QString &channel, const QString &account, qint64 now, const QString &messageType) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO outbox (message_id, channel, account, state, next_attempt_at, created_at, "
                       "message_type) VALUES (?, ?, ?, 'pending', ?, ?, nullif(?, ''))"));
    q.bind(messageId).bind(channel).bind(account).bind(now).bind(now).bind(messageType).exec();
    return q.lastInsertId();
}

qint64 OutboxRepository::queueText(qint64 conversationId, const QString &channel, const QString &account,
    const QString &author, const QString &text, qint64 now) const
{
    domain::Message message;
    message.conversationId = conversationId;
    message.direction = domain::Message::Direction::Outbound;
    message.author = author;
    message.bodyText = text;
    message.createdAt = now;
    message.delivery = domain::Message::Delivery::Queued;
    message.account = account;
    const qint64 messageId = MessageRepository(m_database).insert(message);
    enqueue(messageId, channel, account, now);
    return messageId;
}

std::optional<OutboxItem> OutboxRepository::claimNext(const QString &account, qint64 now) const
{
    const QList<OutboxItem> due = dueFor(account, now, 1);
    if (due.isEmpty()) {
        return std::nullopt;
    }
    TransactionGuard transaction(m_database);
    if (!claim(due.first().id, QString())) {
        return std::nullopt;
    }
    transaction.commit();
    return due.first();
}

std::optional<OutboxItem> OutboxRepository::forMessage(qint64 messageId) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM outbox WHERE message_id = ?"));
    q.bind(messageId).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return readRow(q);
}

QList<OutboxItem> OutboxRepository::due(qint64 now, int limit) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? "
                             "ORDER BY next_attempt_at, id LIMIT ?"));
    q.bind(now).bind(limit).exec();
    QList<OutboxItem> items;
    while (q.next()) {
        items.append(readRow(q));
    }
    return items;
}

int OutboxRepository::pendingCount() const
{
    SqlQuery q(m_database, QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')"));
    q.exec();
    return q.next() ? int(q.int64(0)) : 0;
}

QList<OutboxItem> OutboxRepository::dueFor(const QString &account, qint64 now, int limit) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM outbox WHERE state = 'pending' AND account = ? AND next_attempt_at <= ? "
                             "ORDER BY next_attempt_at, id LIMIT ?"));
    q.bind(account).bind(now).bind(limit).exec();
    QList<OutboxItem> items;
    while (q.next()) {
        items.append(readRow(q));
    }
    return items;
}

bool OutboxRepository::claim(qint64 id, const QString &emailMessageId) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE outbox SET state = 'sending', attempts = attempts + 1, "
                       "email_message_id = CASE WHEN email_message_id = '' THEN ? ELSE email_message_id END "
                       "WHERE id = ? AND state = 'pending'"));
    q.bind(emailMessageId).bind(id).exec();
    return q.rowsAffected() == 1;
}

void OutboxRepository::markDone(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE outbox SET state = 'done', last_error = '' WHERE id = ?"));
    q.bind(id).exec();
}

void OutboxRepository::retryLater(qint64 id, qint64 nextAttemptAt, const QString &error) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?"));
    q.bind(nextAttemptAt).bind(error).bind(id).exec();
}

void OutboxRepository::markFailed(qint64 id, const QString &error) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?"));
    q.bind(error).bind(id).exec();
}

int OutboxRepository::recoverInterrupted(const QString &account) const
{
    SqlQuery q(
        m_database, QStringLiteral("UPDATE outbox SET state = 'pending' WHERE state = 'sending' AND account = ?"));
    q.bind(account).exec();
    return q.rowsAffected();
}

QList<OutboxItem> OutboxRepository::interrupted(const QString &account) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM outbox WHERE state = 'sending' AND account = ? ORDER BY id"));
    q.bind(account).exec();
    QList<OutboxItem> items;
    while (q.next()) {
        items.append(readRow(q));
    }
    return items;
}

bool OutboxRepository::requeue(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE outbox SET state = 'pending' WHERE id = ? AND state = 'sending'"));
    q.bind(id).exec();
    return q.rowsAffected() == 1;
}

std::optional<OutboxItem> OutboxRepository::find(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM outbox WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return readRow(q);
}

bool OutboxRepository::hasEmailMessageId(const QString &emailMessageId) const
{
    if (emailMessageId.isEmpty()) {
        return false;
    }
    SqlQuery q(m_database, QStringLiteral("SELECT 1 FROM outbox WHERE email_message_id = ? LIMIT 1"));
    q.bind(emailMessageId).exec();
    return q.next();
}

} // namespace waybill::storage
