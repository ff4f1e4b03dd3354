// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentRole.h"

namespace waybill::domain {

QString agentRoleName(AgentRole role)
{
    switch (role) {
    case AgentRole::Supervisor:
        return QStringLiteral("supervisor");
    case AgentRole::Admin:
        return QStringLiteral("admin");
    case AgentRole::Agent:
        break;
    }
    return QStringLiteral("agent");
}

AgentRole agentRoleFromName(const QString &name)
{
    if (name == QLatin1String("supervisor")) {
        return AgentRole::Supervisor;
    }
    if (name == QLatin1String("admin")) {
        return AgentRole::Admin;
    }
    return AgentRole::Agent;
}

bool mayPerformOrderActions(AgentRole role)
{
    return role == AgentRole::Supervisor || role == AgentRole::Admin;
}

} // namespace waybill::domain
