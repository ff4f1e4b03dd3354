// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineModel.h"

#include "Formatting.h"
#include "commerce/CarrierDirectory.h"
#include "domain/TrackingStatus.h"
#include "domain/WorkflowStates.h"

#include <algorithm>

namespace waybill::models {

using domain::Message;
using Kind = TimelineEntry::Kind;

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TimelineEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.isMessage() ? entry.text : entry.title;
    case KindRole:
        return static_cast<int>(entry.kind);
    case TimestampRole:
        return entry.at;
    case TitleRole:
        return entry.title;
    case AuthorRole:
        return entry.author;
    case BodyTextRole:
        return entry.text;
    case BodyHtmlRole:
        return entry.html;
    case DeliveryRole:
        return static_cast<int>(entry.delivery);
    case ErrorRole:
        return entry.error;
    case AttachmentsRole: {
        QStringList names;
        for (const domain::Attachment &attachment : entry.attachments) {
            names << QStringLiteral("%1 (%2)").arg(attachment.filename, Formatting::fileSize(attachment.sizeBytes));
        }
        return names;
    }
    case MessageIdRole:
        return entry.messageId;
    case IsMessageRole:
        return entry.isMessage();
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(TimestampRole, "timestamp");
    names.insert(TitleRole, "title");
    names.insert(AuthorRole, "author");
    names.insert(BodyTextRole, "bodyText");
    names.insert(BodyHtmlRole, "bodyHtml");
    names.insert(DeliveryRole, "delivery");
    names.insert(ErrorRole, "error");
    names.insert(AttachmentsRole, "attachments");
    names.insert(MessageIdRole, "messageId");
    names.insert(IsMessageRole, "isMessage");
    return names;
}

void TimelineModel::setDetail(const domain::ConversationDetail &detail)
{
    beginResetModel();
    m_entries = build(detail);
    endResetModel();
}

void TimelineModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QList<TimelineEntry> TimelineModel::build(const domain::ConversationDetail &detail)
{
    QList<TimelineEntry> entries;
    if (detail.order) {
        const domain::Order &order = *detail.order;
        TimelineEntry placed;
        placed.kind = Kind::OrderPlaced;
        placed.at = order.placedAt;
        placed.title = tr("Order %1 placed").arg(order.number);
        placed.text = tr("%n item(s), %1", nullptr, static_cast<int>(order.lines.size()))
                          .arg(Formatting::money(order.totalCents, order.currency));
        entries << placed;
    }
    for (const domain::Shipment &shipment : detail.shipments) {
        const QString carrier = commerce::CarrierDirectory::displayName(shipment.carrier);
        if (shipment.shippedAt > 0) {
            TimelineEntry shipped;
            shipped.kind = Kind::Shipped;
            shipped.at = shipment.shippedAt;
            shipped.title = tr("Shipped with %1").arg(carrier);
            shipped.text = shipment.trackingNumber;
            entries << shipped;
        }
        for (const domain::TrackingEvent &event : shipment.events) {
            TimelineEntry scan;
            scan.kind = Kind::TrackingUpdate;
            scan.at = event.occurredAt;
            scan.title = tr("%1: %2").arg(carrier, domain::trackingStatusDisplayName(event.status));
            QStringList parts;
            if (!event.message.isEmpty()) {
                parts << event.message;
            }
            if (!event.location.isEmpty()) {
                parts << event.location;
            }
            scan.text = parts.join(QStringLiteral(" · "));
            entries << scan;
        }
    }
    for (const domain::ReturnRequest &request : detail.returns) {
        for (const domain::WorkflowStep &step : request.history) {
            TimelineEntry entry;
            entry.kind = Kind::ReturnStep;
            entry.at = step.occurredAt;
            entry.title = tr("Return: %1").arg(domain::ReturnState::displayName(step.state));
            entry.text = step.note;
            entries << entry;
        }
    }
    for (const domain::Claim &claim : detail.claims) {
        for (const domain::WorkflowStep &step : claim.history) {
            TimelineEntry entry;
            entry.kind = Kind::ClaimStep;
            entry.at = step.occurredAt;
            entry.title = tr("Claim (%1): %2").arg(claim.kind, domain::ClaimState::displayName(step.state));
            entry.text = step.note;
            entries << entry;
        }
    }
    for (const Message &message : detail.messages) {
        TimelineEntry entry;
        switch (message.direction) {
        case Message::Direction::Inbound:
            entry.kind = Kind::InboundMessage;
            break;
        case Message::Direction::Outbound:
            entry.kind = Kind::OutboundMessage;
            break;
        case Message::Direction::Note:
            entry.kind = Kind::Note;
            break;
        }
        entry.at = message.createdAt;
        entry.author = message.author;
        entry.title = message.direction == Message::Direction::Note ? tr("Internal note by %1").arg(message.author)
                                                                    : message.author;
        entry.text = message.bodyText;
        entry.html = message.bodyHtml;
        entry.messageId = message.id;
        entry.delivery = message.delivery;
        entry.error = message.error;
        entry.threadReason = message.threadReason;
        entry.isAutoReply = message.isAutoReply;
        entry.attachments = message.attachments;
        entries << entry;
    }
    for (const domain::AuditEntry &audit : detail.audit) {
        // Replies and notes are already on the timeline as messages.
        if (audit.action == QLatin1String("reply") || audit.action == QLatin1String("note")) {
            continue;
        }
        TimelineEntry entry;
        entry.kind = Kind::Audit;
        entry.at = audit.at;
        entry.author = audit.agentName;
        entry.title = audit.agentName.isEmpty() ? audit.detail : tr("%1 %2").arg(audit.agentName, audit.detail);
        entries << entry;
    }
    std::stable_sort(
        entries.begin(), entries.end(), [](const TimelineEntry &a, const TimelineEntry &b) { return a.at < b.at; });
    return entries;
}

QString TimelineModel::deliveryLabel(const TimelineEntry &entry)
{
    if (entry.kind != Kind::OutboundMessage) {
        return {};
    }
    switch (entry.delivery) {
    case Message::Delivery::Queued:
        return tr("Queued");
    case Message::Delivery::Sent:
        return tr("Sent");
    case Message::Delivery::Delivered:
        return tr("Delivered");
    case Message::Delivery::Failed:
        return entry.error.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(entry.error);
    case Message::Delivery::Received:
        break;
    }
    return {};
}

} // namespace waybill::models
