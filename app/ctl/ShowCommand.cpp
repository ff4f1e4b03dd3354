// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShowCommand.h"

#include "DetailJson.h"
#include "commerce/CarrierDirectory.h"
#include "domain/WorkflowStates.h"
#include "storage/ConversationDetailReader.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QJsonDocument>

namespace waybill::ctl {

QString ShowCommand::name() const
{
    return QStringLiteral("show");
}

QString ShowCommand::summary() const
{
    return QStringLiteral("Print a conversation with its messages, customer, order, shipments, return and claim.");
}

void ShowCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The conversation's number."));
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
}

int ShowCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    bool ok = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&ok);
    if (!ok || id <= 0) {
        err << "waybillctl show: give a conversation number, e.g. waybillctl show 42" << Qt::endl;
        return 2;
    }
    const auto database = openExisting(parser);
    const auto detail = storage::ConversationDetailReader(*database).load(id);
    if (!detail) {
        err << "waybillctl show: there is no conversation " << id << Qt::endl;
        return 1;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(DetailJson::toJson(*detail)).toJson(QJsonDocument::Indented);
        return 0;
    }
    auto when = [](qint64 t) { return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm")); };
    const auto &c = detail->conversation;
    out << "#" << c.id << "  " << domain::channelDisplayName(c.channel) << "  " << domain::statusDisplayName(c.status)
        << "  " << (c.assigneeName.isEmpty() ? QStringLiteral("unassigned") : c.assigneeName) << "\n";
    out << (c.subject.isEmpty() ? c.preview : c.subject) << "\n";
    if (detail->customer) {
        out << "Customer: " << detail->customer->name;
        for (const auto &i : detail->customer->identities) {
            out << "  " << i.kind << ":" << i.value;
        }
        out << "\n";
    }
    if (detail->order) {
        out << "Order " << detail->order->number << " (" << detail->order->source << ")  total "
            << QString::number(double(detail->order->totalCents) / 100.0, 'f', 2) << " " << detail->order->currency
            << "  — " << c.linkReason << "\n";
    }
    for (const auto &s : detail->shipments) {
        out << "Shipment " << commerce::CarrierDirectory::displayName(s.carrier) << " " << s.trackingNumber << "  "
            << domain::trackingStatusDisplayName(s.status) << "\n";
    }
    for (const auto &r : detail->returns) {
        out << domain::ReturnState::displayName(r.state) << "\n";
    }
    for (const auto &cl : detail->claims) {
        out << "Claim (" << cl.kind << "): " << domain::ClaimState::displayName(cl.state) << "\n";
    }
    out << "\n";
    for (const auto &m : detail->messages) {
        const QString who
            = m.direction == domain::Message::Direction::Note ? QStringLiteral("note by ") + m.author : m.author;
        out << when(m.createdAt) << "  " << who << "  [" << domain::Message::deliveryKey(m.delivery) << "]\n"
            << m.bodyText << "\n\n";
    }
    return 0;
}

} // namespace waybill::ctl
