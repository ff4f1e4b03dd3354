// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLogRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

AuditLogRepository::AuditLogRepository(const Database &database)
    : m_database(database)
{
}

void AuditLogRepository::record(const domain::AuditEntry &entry) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO audit_log (at, agent_id, conversation_id, action, detail) "
                                             "VALUES (?, ?, ?, ?, ?)"));
    q.bind(entry.at)
        .bindOptional(entry.agentId)
        .bindOptional(entry.conversationId)
        .bind(entry.action)
        .bind(entry.detail)
        .exec();
}

QList<domain::AuditEntry> AuditLogRepository::forConversation(qint64 conversationId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT l.id, l.at, l.agent_id, coalesce(a.name, ''), l.conversation_id, "
                       "l.action, l.detail FROM audit_log l LEFT JOIN agents a ON a.id = l.agent_id "
                       "WHERE l.conversation_id = ? ORDER BY l.at, l.id"));
    q.bind(conversationId).exec();
    QList<domain::AuditEntry> entries;
    while (q.next()) {
        entries.append({ q.int64(0), q.int64(1), q.int64(2), q.text(3), q.int64(4), q.text(5), q.text(6) });
    }
    return entries;
}

} // namespace waybill::storage
