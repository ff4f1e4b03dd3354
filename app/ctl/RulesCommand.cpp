// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RulesCommand.h"

#include "domain/Rule.h"
#include "engine/RulesPass.h"
#include "storage/Database.h"
#include "storage/RuleRepository.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace waybill::ctl {

namespace {

QString actions(const domain::Rule &rule)
{
    QStringList parts;
    if (rule.openConversation) {
        parts << QStringLiteral("open");
    }
    if (rule.assignAgentId) {
        parts << QStringLiteral("assign #%1").arg(rule.assignAgentId);
    }
    if (!rule.tag.isEmpty()) {
        parts << QStringLiteral("tag %1").arg(rule.tag);
    }
    if (rule.sends()) {
        parts << (rule.reviewRequest ? QStringLiteral("review request “%1”") : QStringLiteral("send “%1”"))
                     .arg(rule.templateName);
    }
    return parts.join(QStringLiteral(", "));
}

void printDecisions(const engine::RulesPass::Report &report, bool applied, QTextStream &out)
{
    for (qsizetype i = 0; i < report.decisions.size(); ++i) {
        const domain::RuleDecision &d = report.decisions.at(i);
        const bool deferred = d.kind == domain::RuleDecision::Kind::Deferred;
        out << (deferred ? "later  " : "fires  ") << d.ruleName << "\t" << d.orderNumber << "\t" << d.customerName
            << "\t" << d.reason;
        if (applied && i < report.results.size() && report.results.at(i).applied) {
            out << "\t→ " << report.results.at(i).outcome;
        } else if (!d.templateName.isEmpty()) {
            out << "\t→ " << (d.sends() ? QStringLiteral("by %1").arg(d.sendChannel) : QStringLiteral("no message"));
            if (!d.sendNote.isEmpty()) {
                out << " (" << d.sendNote << ")";
            }
            if (deferred) {
                out << ", after the quiet hours";
            }
        }
        out << "\n";
    }
}

} // namespace

QString RulesCommand::name() const
{
    return QStringLiteral("rules");
}

QString RulesCommand::summary() const
{
    return QStringLiteral("List the proactive rules, show what would fire now (dry-run), or run them.");
}

void RulesCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("list, dry-run, run, enable ID or disable ID"));
}

int RulesCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    const QString what = args.value(0);
    const auto now = [] { return QDateTime::currentSecsSinceEpoch(); };
    const auto database = openExisting(parser);
    const storage::RuleRepository rules(*database);
    if (what == QLatin1String("list") && args.size() == 1) {
        for (const domain::Rule &rule : rules.all()) {
            out << rule.id << "\t" << (rule.enabled ? "on " : "off") << "\t" << rule.name << "\t"
                << domain::ruleTriggerKey(rule.trigger);
            if (!rule.triggerState.isEmpty()) {
                out << " " << rule.triggerState;
            }
            if (rule.triggerAmount) {
                out << " " << rule.triggerAmount;
            }
            out << "\t" << actions(rule) << "\n";
        }
        return 0;
    }
    if ((what == QLatin1String("enable") || what == QLatin1String("disable")) && args.size() == 2) {
        bool ok = false;
        const qint64 id = args.at(1).toLongLong(&ok);
        if (!ok || !rules.find(id)) {
            err << "waybillctl rules: there is no rule " << args.at(1) << " (see waybillctl rules list)" << Qt::endl;
            return 1;
        }
        rules.setEnabled(id, what == QLatin1String("enable"), now());
        return 0;
    }
    if ((what == QLatin1String("dry-run") || what == QLatin1String("run")) && args.size() == 1) {
        QElapsedTimer timer;
        timer.start();
        const engine::RulesPass pass(*database, now);
        const bool apply = what == QLatin1String("run");
        const engine::RulesPass::Report report = apply ? pass.run() : pass.dryRun();
        printDecisions(report, apply, out);
        out << "Looked at " << report.shipments << " active shipments in " << timer.elapsed()
            << " ms: " << report.decisions.size() << (apply ? " decisions applied" : " would act");
        if (report.failed) {
            out << ", " << report.failed << " failed";
        }
        out << "." << Qt::endl;
        return report.failed ? 1 : 0;
    }
    err << "waybillctl rules: say list, dry-run, run, enable ID or disable ID" << Qt::endl;
    return 2;
}

} // namespace waybill::ctl
