// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentPresenceRepository.h"

#include "SqlQuery.h"

namespace waybill::storage {

AgentPresenceRepository::AgentPresenceRepository(const Database &database)
    : m_database(database)
{
}

QString AgentPresenceRepository::chat()
{
    return QStringLiteral("chat");
}

void AgentPresenceRepository::renew(qint64 agentId, const QString &channel, qint64 until, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "INSERT INTO agent_presence (agent_id, channel, available_until, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (agent_id, channel) DO UPDATE SET available_until = excluded.available_until, "
            "updated_at = excluded.updated_at"));
    q.bind(agentId).bind(channel).bind(until).bind(now).exec();
}

bool AgentPresenceRepository::remove(qint64 agentId, const QString &channel) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM agent_presence WHERE agent_id = ? AND channel = ?"));
    q.bind(agentId).bind(channel).exec();
    return q.rowsAffected() > 0;
}

bool AgentPresenceRepository::anyAvailable(const QString &channel, qint64 now, qint64 exceptAgent) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT 1 FROM agent_presence WHERE channel = ? AND available_until > ? AND agent_id <> ? "
                       "LIMIT 1"));
    q.bind(channel).bind(now).bind(exceptAgent).exec();
    const bool found = q.next();
    q.finish();
    return found;
}

QList<AgentPresence> AgentPresenceRepository::available(const QString &channel, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT agent_id, channel, available_until, updated_at FROM agent_presence "
                       "WHERE channel = ? AND available_until > ? ORDER BY agent_id"));
    q.bind(channel).bind(now).exec();
    QList<AgentPresence> result;
    while (q.next()) {
        result.append({ q.int64(0), q.text(1), q.int64(2), q.int64(3) });
    }
    return result;
}

int AgentPresenceRepository::removeExpired(qint64 now) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM agent_presence WHERE available_until <= ?"));
    q.bind(now).exec();
    return q.rowsAffected();
}

} // namespace waybill::storage
