// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageLocationRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

MessageLocationRepository::MessageLocationRepository(const Database &database)
    : m_database(database)
{
}

void MessageLocationRepository::record(const MessageLocation &location) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO message_locations (message_id, account, mailbox, uidvalidity, uid, seen) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, mailbox, uidvalidity, uid) "
                       "DO UPDATE SET message_id = excluded.message_id, seen = excluded.seen"));
    q.bind(location.messageId)
        .bind(location.account)
        .bind(location.mailbox)
        .bind(qint64(location.uidValidity))
        .bind(qint64(location.uid))
        .bind(location.seen ? 1 : 0)
        .exec();
}

QList<MessageLocation> MessageLocationRepository::unseenInbound(qint64 conversationId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT l.message_id, l.account, l.mailbox, l.uidvalidity, l.uid FROM message_locations l "
                       "JOIN messages m ON m.id = l.message_id "
                       "WHERE m.conversation_id = ? AND m.direction = 'in' AND l.seen = 0 "
                       "ORDER BY l.account, l.mailbox, l.uid"));
    q.bind(conversationId).exec();
    QList<MessageLocation> locations;
    while (q.next()) {
        locations.append({ q.int64(0), q.text(1), q.text(2), quint32(q.int64(3)), quint32(q.int64(4)), false });
    }
    return locations;
}

std::optional<qint64> MessageLocationRepository::setSeen(
    const QString &account, const QString &mailbox, quint32 uidValidity, quint32 uid, bool seen) const
{
    SqlQuery update(m_database,
        QStringLiteral("UPDATE message_locations SET seen = ? "
                       "WHERE account = ? AND mailbox = ? AND uidvalidity = ? AND uid = ?"));
    update.bind(seen ? 1 : 0).bind(account).bind(mailbox).bind(qint64(uidValidity)).bind(qint64(uid)).exec();
    SqlQuery q(m_database,
        QStringLiteral("SELECT m.conversation_id FROM message_locations l JOIN messages m ON m.id = l.message_id "
                       "WHERE l.account = ? AND l.mailbox = ? AND l.uidvalidity = ? AND l.uid = ?"));
    q.bind(account).bind(mailbox).bind(qint64(uidValidity)).bind(qint64(uid)).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return q.int64(0);
}

bool MessageLocationRepository::allInboundSeen(qint64 conversationId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT count(*) FROM messages m WHERE m.conversation_id = ? AND m.direction = 'in' "
                       "AND NOT EXISTS (SELECT 1 FROM message_locations l WHERE l.message_id = m.id AND l.seen = 1)"));
    q.bind(conversationId).exec();
    return q.next() && q.int64(0) == 0;
}

} // namespace waybill::storage
