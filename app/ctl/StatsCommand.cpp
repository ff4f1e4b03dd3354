// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatsCommand.h"

#include "demo/DemoGenerator.h"
#include "domain/InboxView.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/Database.h"
#include "storage/ViewCounterRepository.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace waybill::ctl {

QString StatsCommand::name() const
{
    return QStringLiteral("stats");
}

QString StatsCommand::summary() const
{
    return QStringLiteral("Print the number of conversations in every view.");
}

void StatsCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    parser.addOption(
        { QStringLiteral("agent"), QStringLiteral("Whose \"Mine\" to count (e-mail)."), QStringLiteral("EMAIL") });
}

int StatsCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const auto database = openExisting(parser);
    const QString email = parser.isSet(QStringLiteral("agent")) ? parser.value(QStringLiteral("agent"))
                                                                : demo::DemoGenerator::defaultAgentEmail();
    const auto agent = storage::AgentRepository(*database).findByEmail(email);
    if (!agent && parser.isSet(QStringLiteral("agent"))) {
        err << "waybillctl stats: no agent with the e-mail " << email << Qt::endl;
        return 1;
    }
    const engine::SlaClock sla;
    const auto counts = storage::ViewCounterRepository(*database).counts(
        agent ? agent->id : 0, sla.riskHorizon(QDateTime::currentSecsSinceEpoch()));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json;
        for (const domain::InboxView &view : domain::InboxView::all()) {
            json.insert(view.key(), counts.value(view.key()));
        }
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const domain::InboxView &view : domain::InboxView::all()) {
        out << QStringLiteral("%1 %2\n").arg(view.displayName(), -22).arg(counts.value(view.key()), 9);
    }
    return 0;
}

} // namespace waybill::ctl
