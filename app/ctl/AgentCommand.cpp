// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AgentCommand.h"

#include "storage/AgentRepository.h"
#include "storage/Database.h"

namespace waybill::ctl {

QString AgentCommand::name() const
{
    return QStringLiteral("agent");
}

QString AgentCommand::summary() const
{
    return QStringLiteral("List agents, or set an agent's role (agent, supervisor, admin).");
}

void AgentCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, or role EMAIL ROLE."));
}

int AgentCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action == QLatin1String("list") && args.size() == 1) {
        const auto database = openExisting(parser);
        for (const domain::Agent &agent : storage::AgentRepository(*database).agents()) {
            out << agent.email << '\t' << domain::agentRoleName(agent.role) << '\t' << agent.name << Qt::endl;
        }
        return 0;
    }
    if (action == QLatin1String("role") && args.size() == 3) {
        const QString role = args.at(2);
        if (domain::agentRoleName(domain::agentRoleFromName(role)) != role) {
            err << "waybillctl agent: the role must be agent, supervisor or admin, not '" << role << "'" << Qt::endl;
            return 2;
        }
        const auto database = openExisting(parser);
        const storage::AgentRepository agents(*database);
        const auto agent = agents.findByEmail(args.at(1));
        if (!agent) {
            err << "waybillctl agent: there is no agent with the e-mail address " << args.at(1) << Qt::endl;
            return 1;
        }
        agents.setRole(agent->id, domain::agentRoleFromName(role));
        out << agent->name << " is now " << role << Qt::endl;
        return 0;
    }
    err << "waybillctl agent: use 'agent list' or 'agent role EMAIL agent|supervisor|admin'" << Qt::endl;
    return 2;
}

} // namespace waybill::ctl
