// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

namespace {

QList<domain::Agent> readAgents(SqlQuery &q)
{
    QList<domain::Agent> agents;
    while (q.next()) {
        agents.append({ q.int64(0), q.text(1), q.text(2), q.int64(3), domain::agentRoleFromName(q.text(4)) });
    }
    return agents;
}

} // namespace

AgentRepository::AgentRepository(const Database &database)
    : m_database(database)
{
}

QList<domain::Agent> AgentRepository::agents() const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id, name, email, team_id, role FROM agents ORDER BY name"));
    q.exec();
    return readAgents(q);
}

QList<domain::Team> AgentRepository::teams() const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id, name FROM teams ORDER BY name"));
    q.exec();
    QList<domain::Team> teams;
    while (q.next()) {
        teams.append({ q.int64(0), q.text(1) });
    }
    return teams;
}

std::optional<domain::Agent> AgentRepository::find(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id, name, email, team_id, role FROM agents WHERE id = ?"));
    q.bind(id).exec();
    const auto agents = readAgents(q);
    return agents.isEmpty() ? std::nullopt : std::optional(agents.first());
}

std::optional<domain::Agent> AgentRepository::findByEmail(const QString &email) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id, name, email, team_id, role FROM agents WHERE email = ?"));
    q.bind(email.toLower()).exec();
    const auto agents = readAgents(q);
    return agents.isEmpty() ? std::nullopt : std::optional(agents.first());
}

void AgentRepository::setRole(qint64 agentId, domain::AgentRole role) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("UPDATE agents SET role = ? WHERE id = ?"));
    q.bind(domain::agentRoleName(role)).bind(agentId).exec();
}

qint64 AgentRepository::insertTeam(const QString &name) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("INSERT INTO teams (name) VALUES (?)"));
    q.bind(name).exec();
    return q.lastInsertId();
}

qint64 AgentRepository::insertAgent(const domain::Agent &agent) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO agents (name, email, team_id, role) VALUES (?, ?, ?, ?)"));
    q.bind(agent.name)
        .bind(agent.email.toLower())
        .bindOptional(agent.teamId)
        .bind(domain::agentRoleName(agent.role))
        .exec();
    return q.lastInsertId();
}

} // namespace waybill::storage
