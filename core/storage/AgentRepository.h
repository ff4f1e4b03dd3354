// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Agent.h"
#include "domain/Team.h"

#include <QList>

#include <optional>

namespace waybill::storage {

class Database;

/// Agents (with their roles) and teams.
class AgentRepository final {
public:
    explicit AgentRepository(const Database &database);

    QList<domain::Agent> agents() const;
    QList<domain::Team> teams() const;
    std::optional<domain::Agent> find(qint64 id) const;
    std::optional<domain::Agent> findByEmail(const QString &email) const;
    qint64 insertTeam(const QString &name) const;
    qint64 insertAgent(const domain::Agent &agent) const;
    void setRole(qint64 agentId, domain::AgentRole role) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
