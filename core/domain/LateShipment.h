// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingStatus.h"

#include <QString>

namespace waybill::domain {

/// An undelivered shipment a supervisor should look at, with what the late-shipments list shows: the order, the
/// customer, the carrier, the last tracking event, the expected and late dates, the conversation about the order
/// (0: none yet) and the risk score (commerce::ShipmentRisk). Times are epoch seconds; 0 means not known.
struct LateShipment {
    qint64 shipmentId = 0;
    qint64 orderId = 0;
    QString orderNumber;
    qint64 orderTotalCents = 0;
    QString currency;
    qint64 customerId = 0;
    QString customerName;
    QString carrier;
    QString trackingNumber;
    TrackingStatus status = TrackingStatus::Unknown;
    qint64 shippedAt = 0;
    qint64 expectedAt = 0;
    qint64 lateAfter = 0;
    qint64 lastEventAt = 0;
    QString lastEvent; ///< the last event's message, else its location; empty without events
    qint64 conversationId = 0; ///< the most recently active conversation linked to the order
    bool customerWrote = false; ///< an inbound message in a conversation linked to the order
    int riskScore = 0;
};

} // namespace waybill::domain
