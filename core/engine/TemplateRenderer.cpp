// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateRenderer.h"

#include "commerce/CarrierDirectory.h"
#include "domain/TrackingStatus.h"
#include "domain/WorkflowStates.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace waybill::engine {

QStringList TemplateRenderer::placeholders()
{
    return { QStringLiteral("customer.first_name"), QStringLiteral("customer.name"), QStringLiteral("order.number"),
        QStringLiteral("shipment.carrier"), QStringLiteral("shipment.tracking_number"),
        QStringLiteral("shipment.tracking_url"), QStringLiteral("shipment.status"), QStringLiteral("shipment.eta"),
        QStringLiteral("return.status"), QStringLiteral("agent.name") };
}

TemplateRenderer::Result TemplateRenderer::render(
    const QString &templateText, const domain::ConversationDetail &detail, const QString &agentName)
{
    QHash<QString, QString> values;
    if (detail.customer) {
        const QString first = detail.customer->firstName.isEmpty() ? detail.customer->name.section(u' ', 0, 0)
                                                                   : detail.customer->firstName;
        values.insert(QStringLiteral("customer.first_name"), first);
        values.insert(QStringLiteral("customer.name"), detail.customer->name);
    }
    if (detail.order) {
        values.insert(QStringLiteral("order.number"), detail.order->number);
    }
    if (!detail.shipments.isEmpty()) {
        const domain::Shipment &shipment = detail.shipments.constLast();
        values.insert(QStringLiteral("shipment.carrier"), commerce::CarrierDirectory::displayName(shipment.carrier));
        values.insert(QStringLiteral("shipment.tracking_number"), shipment.trackingNumber);
        const QString url = commerce::CarrierDirectory::trackingUrl(shipment.carrier, shipment.trackingNumber);
        if (!url.isEmpty()) {
            values.insert(QStringLiteral("shipment.tracking_url"), url);
        }
        values.insert(QStringLiteral("shipment.status"), domain::trackingStatusDisplayName(shipment.status).toLower());
        if (shipment.expectedAt > 0 && shipment.status != domain::TrackingStatus::Delivered) {
            values.insert(QStringLiteral("shipment.eta"),
                QLocale().toString(QDateTime::fromSecsSinceEpoch(shipment.expectedAt).date(), QLocale::LongFormat));
        }
    }
    if (!detail.returns.isEmpty()) {
        values.insert(QStringLiteral("return.status"),
            domain::ReturnState::displayName(detail.returns.constLast().state).toLower());
    }
    if (!agentName.isEmpty()) {
        values.insert(QStringLiteral("agent.name"), agentName);
    }

    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([a-z_.]+)\\s*\\}\\}"));
    const QStringList known = placeholders();
    Result result;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(templateText);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result.text += QStringView(templateText).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        const auto value = values.constFind(name);
        if (value != values.cend()) {
            result.text += *value;
        } else {
            result.text += match.captured(0);
            QStringList &list = known.contains(name) ? result.missing : result.unknown;
            if (!list.contains(name)) {
                list << name;
            }
        }
        last = match.capturedEnd();
    }
    result.text += QStringView(templateText).mid(last);
    return result;
}

} // namespace waybill::engine
