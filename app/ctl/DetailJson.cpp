// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DetailJson.h"

#include "domain/TrackingStatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace waybill::ctl {

namespace {

QJsonValue time(qint64 epoch)
{
    if (epoch == 0) {
        return QJsonValue::Null;
    }
    return QDateTime::fromSecsSinceEpoch(epoch, QTimeZone::utc()).toString(Qt::ISODate);
}

QJsonArray steps(const QList<domain::WorkflowStep> &history)
{
    QJsonArray array;
    for (const auto &step : history) {
        array.append(QJsonObject { { QStringLiteral("at"), time(step.occurredAt) },
            { QStringLiteral("state"), step.state }, { QStringLiteral("note"), step.note } });
    }
    return array;
}

} // namespace

QJsonObject DetailJson::toJson(const domain::ConversationDetail &d)
{
    const auto &c = d.conversation;
    QJsonObject json { { QStringLiteral("id"), c.id }, { QStringLiteral("channel"), domain::channelKey(c.channel) },
        { QStringLiteral("status"), domain::statusKey(c.status) }, { QStringLiteral("subject"), c.subject },
        { QStringLiteral("assignee"), c.assigneeName }, { QStringLiteral("unread"), c.unread },
        { QStringLiteral("last_activity"), time(c.lastActivity) },
        { QStringLiteral("marketplace_deadline"), time(c.marketDueAt) },
        { QStringLiteral("sla_deadline"), time(c.slaDueAt) }, { QStringLiteral("order_link_reason"), c.linkReason },
        { QStringLiteral("tags"), QJsonArray::fromStringList(c.tags) } };
    QJsonArray messages;
    for (const auto &m : d.messages) {
        QJsonArray attachments;
        for (const auto &a : m.attachments) {
            attachments.append(
                QJsonObject { { QStringLiteral("filename"), a.filename }, { QStringLiteral("mime_type"), a.mimeType },
                    { QStringLiteral("size"), a.sizeBytes }, { QStringLiteral("sha256"), a.sha256 } });
        }
        messages.append(QJsonObject { { QStringLiteral("id"), m.id },
            { QStringLiteral("direction"), domain::Message::directionKey(m.direction) },
            { QStringLiteral("author"), m.author }, { QStringLiteral("at"), time(m.createdAt) },
            { QStringLiteral("delivery"), domain::Message::deliveryKey(m.delivery) },
            { QStringLiteral("text"), m.bodyText }, { QStringLiteral("attachments"), attachments } });
    }
    json.insert(QStringLiteral("messages"), messages);
    if (d.customer) {
        QJsonArray identities;
        for (const auto &i : d.customer->identities) {
            identities.append(QJsonObject { { QStringLiteral("kind"), i.kind }, { QStringLiteral("value"), i.value } });
        }
        json.insert(QStringLiteral("customer"),
            QJsonObject { { QStringLiteral("id"), d.customer->id }, { QStringLiteral("name"), d.customer->name },
                { QStringLiteral("identities"), identities } });
    }
    if (d.order) {
        QJsonArray lines;
        for (const auto &l : d.order->lines) {
            lines.append(QJsonObject { { QStringLiteral("sku"), l.sku }, { QStringLiteral("title"), l.title },
                { QStringLiteral("quantity"), l.quantity }, { QStringLiteral("unit_price"), l.unitPriceCents } });
        }
        json.insert(QStringLiteral("order"),
            QJsonObject { { QStringLiteral("id"), d.order->id }, { QStringLiteral("source"), d.order->source },
                { QStringLiteral("number"), d.order->number }, { QStringLiteral("placed_at"), time(d.order->placedAt) },
                { QStringLiteral("currency"), d.order->currency }, { QStringLiteral("total"), d.order->totalCents },
                { QStringLiteral("lines"), lines } });
    }
    QJsonArray shipments;
    for (const auto &s : d.shipments) {
        QJsonArray events;
        for (const auto &e : s.events) {
            events.append(QJsonObject { { QStringLiteral("at"), time(e.occurredAt) },
                { QStringLiteral("status"), domain::trackingStatusKey(e.status) },
                { QStringLiteral("location"), e.location }, { QStringLiteral("message"), e.message } });
        }
        shipments.append(QJsonObject { { QStringLiteral("carrier"), s.carrier },
            { QStringLiteral("service"), s.service }, { QStringLiteral("tracking_number"), s.trackingNumber },
            { QStringLiteral("status"), domain::trackingStatusKey(s.status) },
            { QStringLiteral("expected_at"), time(s.expectedAt) },
            { QStringLiteral("delivered_at"), time(s.deliveredAt) }, { QStringLiteral("events"), events } });
    }
    json.insert(QStringLiteral("shipments"), shipments);
    QJsonArray returns;
    for (const auto &r : d.returns) {
        returns.append(QJsonObject { { QStringLiteral("state"), r.state }, { QStringLiteral("reason"), r.reason },
            { QStringLiteral("amount"), r.amountCents }, { QStringLiteral("history"), steps(r.history) } });
    }
    json.insert(QStringLiteral("returns"), returns);
    QJsonArray claims;
    for (const auto &cl : d.claims) {
        claims.append(QJsonObject { { QStringLiteral("kind"), cl.kind }, { QStringLiteral("state"), cl.state },
            { QStringLiteral("claim_number"), cl.claimNumber },
            { QStringLiteral("filing_deadline"), time(cl.filingDeadline) },
            { QStringLiteral("history"), steps(cl.history) } });
    }
    json.insert(QStringLiteral("claims"), claims);
    return json;
}

} // namespace waybill::ctl
