// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Message.h"

namespace waybill::domain {

QString Message::directionKey(Direction direction)
{
    switch (direction) {
    case Direction::Inbound:
        return QStringLiteral("in");
    case Direction::Outbound:
        return QStringLiteral("out");
    case Direction::Note:
        return QStringLiteral("note");
    }
    return {};
}

Message::Direction Message::directionFromKey(const QString &key)
{
    if (key == QLatin1String("out")) {
        return Direction::Outbound;
    }
    if (key == QLatin1String("note")) {
        return Direction::Note;
    }
    return Direction::Inbound;
}

QString Message::deliveryKey(Delivery delivery)
{
    switch (delivery) {
    case Delivery::Received:
        return QStringLiteral("received");
    case Delivery::Queued:
        return QStringLiteral("queued");
    case Delivery::Sent:
        return QStringLiteral("sent");
    case Delivery::Delivered:
        return QStringLiteral("delivered");
    case Delivery::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

Message::Delivery Message::deliveryFromKey(const QString &key)
{
    if (key == QLatin1String("queued")) {
        return Delivery::Queued;
    }
    if (key == QLatin1String("sent")) {
        return Delivery::Sent;
    }
    if (key == QLatin1String("delivered")) {
        return Delivery::Delivered;
    }
    if (key == QLatin1String("failed")) {
        return Delivery::Failed;
    }
    return Delivery::Received;
}

} // namespace waybill::domain
