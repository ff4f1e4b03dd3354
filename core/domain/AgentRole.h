// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// What an agent may do beyond answering customers. Stored as its name ("agent", "supervisor", "admin").
enum class AgentRole {
    Agent,
    Supervisor,
    Admin,
};

/// The stored name of a role.
QString agentRoleName(AgentRole role);
/// The role a stored name means; unknown names are the least privileged role (Agent).
AgentRole agentRoleFromName(const QString &name);
/// Whether the role may refund, cancel or resend orders: supervisors and admins may, agents may not.
bool mayPerformOrderActions(AgentRole role);

} // namespace waybill::domain
