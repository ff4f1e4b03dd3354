// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingCommand.h"

#include "commerce/TrackingPayloadParser.h"
#include "domain/TrackingStatus.h"
#include "engine/TrackingApplier.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QFile>

namespace waybill::ctl {

namespace {

constexpr qint64 MaxPayloadBytes = 16 * 1024 * 1024;

} // namespace

QString TrackingCommand::name() const
{
    return QStringLiteral("tracking");
}

QString TrackingCommand::summary() const
{
    return QStringLiteral("Apply a tracking provider's payload (file or - for standard input) to the shipments.");
}

void TrackingCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("apply"), QStringLiteral("apply"));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The payload, or - for standard input."));
    parser.addOption({ QStringLiteral("provider"),
        QStringLiteral("easypost, aftership, shippo, fedex, usps or canadapost (default: recognised from the "
                       "payload)."),
        QStringLiteral("NAME") });
}

int TrackingCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || args.at(0) != QLatin1String("apply")) {
        err << "waybillctl tracking: say what to apply, e.g. waybillctl tracking apply webhook.json" << Qt::endl;
        return 2;
    }
    QFile file;
    bool opened = false;
    if (args.at(1) == QLatin1String("-")) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(args.at(1));
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        err << "waybillctl tracking: cannot read " << args.at(1) << ": " << file.errorString() << Qt::endl;
        return 1;
    }
    const QByteArray body = file.read(MaxPayloadBytes + 1);
    const commerce::TrackingParseResult parsed
        = commerce::TrackingPayloadParser::parse(body, parser.value(QStringLiteral("provider")));
    if (!parsed.ok()) {
        err << "waybillctl tracking: "
            << (parsed.error.isEmpty() ? QStringLiteral("no parcel in the payload") : parsed.error) << Qt::endl;
        return 1;
    }
    const auto database = openExisting(parser);
    const engine::TrackingApplier::Report report
        = engine::TrackingApplier::apply(*database, parsed, QDateTime::currentSecsSinceEpoch());
    for (const auto &[number, result] : report.applied) {
        out << parsed.provider << ": " << number << " → " << domain::trackingStatusDisplayName(result.status) << ", "
            << result.newEvents << (result.newEvents == 1 ? " new event" : " new events") << " (shipment "
            << result.shipmentId;
        if (!result.conversations.isEmpty()) {
            out << ", " << result.conversations.size() << " conversation(s) updated";
        }
        out << ")" << Qt::endl;
    }
    for (const QString &number : report.unknown) {
        out << parsed.provider << ": " << number << " is not a shipment in this workspace" << Qt::endl;
    }
    const engine::RulesPass::Report &rules = report.rules;
    for (qsizetype i = 0; i < rules.results.size(); ++i) {
        if (rules.results.at(i).applied) {
            out << "rule " << rules.decisions.at(i).ruleName << ", order " << rules.decisions.at(i).orderNumber << ": "
                << rules.results.at(i).outcome << Qt::endl;
        }
    }
    for (const QString &itemError : parsed.itemErrors) {
        err << "waybillctl tracking: " << itemError << Qt::endl;
    }
    return report.unknown.size() == parsed.updates.size() ? 1 : 0;
}

} // namespace waybill::ctl
