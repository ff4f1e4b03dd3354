// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageRepository.h"

#include "Database.h"
#include "SearchIndex.h"
#include "SqlQuery.h"

#include <QHash>

namespace waybill::storage {

using domain::Message;

namespace {

const QString Columns = QStringLiteral(
    "id, conversation_id, direction, author, agent_id, body_text, body_html, created_at, delivery, error, account, "
    "coalesce(external_id, ''), message_id, thread_reason, is_auto_reply");

Message readRow(const SqlQuery &q)
{
    Message m;
    m.id = q.int64(0);
    m.conversationId = q.int64(1);
    m.direction = Message::directionFromKey(q.text(2));
    m.author = q.text(3);
    m.agentId = q.int64(4);
    m.bodyText = q.text(5);
    m.bodyHtml = q.text(6);
    m.createdAt = q.int64(7);
    m.delivery = Message::deliveryFromKey(q.text(8));
    m.error = q.text(9);
    m.account = q.text(10);
    m.externalId = q.text(11);
    m.emailMessageId = q.text(12);
    m.threadReason = q.text(13);
    m.isAutoReply = q.int64(14) != 0;
    return m;
}

} // namespace

MessageRepository::MessageRepository(const Database &database)
    : m_database(database)
{
}

QList<Message> MessageRepository::forConversation(qint64 conversationId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM messages WHERE conversation_id = ? ORDER BY created_at, id"));
    q.bind(conversationId).exec();
    QList<Message> messages;
    QHash<qint64, qsizetype> byId;
    while (q.next()) {
        byId.insert(q.int64(0), messages.size());
        messages.append(readRow(q));
    }
    SqlQuery a(m_database,
        QStringLiteral("SELECT a.message_id, a.id, a.filename, a.mime_type, a.size_bytes, a.sha256 "
                       "FROM attachments a JOIN messages m ON m.id = a.message_id "
                       "WHERE m.conversation_id = ? ORDER BY a.id"));
    a.bind(conversationId).exec();
    while (a.next()) {
        const auto it = byId.constFind(a.int64(0));
        if (it != byId.cend()) {
            messages[*it].attachments.append({ a.int64(1), a.text(2), a.text(3), a.int64(4), a.text(5) });
        }
    }
    return messages;
}

std::optional<Message> MessageRepository::find(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM messages WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return readRow(q);
}

qint64 MessageRepository::insert(const Message &m) const
{
    const qint64 id = insertUnindexed(m);
    SearchIndex(m_database).indexMessage(id, m.bodyText);
    return id;
}

qint64 MessageRepository::insertUnindexed(const Message &m) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO messages (conversation_id, direction, author, agent_id, body_text, body_html, "
                       "created_at, delivery, error, account, external_id, message_id, thread_reason, is_auto_reply) "
                       "VALUES (?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(m.conversationId)
        .bind(Message::directionKey(m.direction))
        .bind(m.author)
        .bindOptional(m.agentId)
        .bindUtf8Text(m.bodyText)
        .bindUtf8Text(m.bodyHtml)
        .bind(m.createdAt)
        .bind(Message::deliveryKey(m.delivery))
        .bind(m.error)
        .bind(m.account)
        .bind(m.externalId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(m.externalId))
        .bind(m.emailMessageId)
        .bind(m.threadReason)
        .bind(m.isAutoReply ? 1 : 0)
        .exec();
    const qint64 id = q.lastInsertId();
    for (const domain::Attachment &attachment : m.attachments) {
        SqlQuery &a = m_database.prepared(
            QStringLiteral("INSERT INTO attachments (message_id, filename, mime_type, size_bytes, "
                           "sha256) VALUES (?, ?, ?, ?, ?)"));
        a.bind(id)
            .bind(attachment.filename)
            .bind(attachment.mimeType)
            .bind(attachment.sizeBytes)
            .bind(attachment.sha256)
            .exec();
    }
    return id;
}

void MessageRepository::setDelivery(qint64 id, Message::Delivery delivery, const QString &error) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE messages SET delivery = ?, error = ? WHERE id = ?"));
    q.bind(Message::deliveryKey(delivery)).bind(error).bind(id).exec();
}

} // namespace waybill::storage
