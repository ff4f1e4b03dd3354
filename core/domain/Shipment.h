// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingStatus.h"

#include <QList>
#include <QString>

namespace waybill::domain {

/// One scan or status change reported by the carrier.
struct TrackingEvent {
    qint64 id = 0;
    qint64 occurredAt = 0;
    TrackingStatus status = TrackingStatus::Unknown;
    QString location;
    QString message;
};

/// A parcel of an order with its carrier tracking. Times are epoch seconds; 0 means not known.
struct Shipment {
    qint64 id = 0;
    qint64 orderId = 0;
    QString carrier;
    QString service;
    QString trackingNumber;
    TrackingStatus status = TrackingStatus::Unknown;
    qint64 shippedAt = 0;
    qint64 expectedAt = 0;
    qint64 deliveredAt = 0;
    QList<TrackingEvent> events; ///< oldest first
    QString externalId {}; ///< the store's fulfillment id, or empty
    qint64 lateAfter = 0; ///< the carrier's date or the p90 of past deliveries (DeliveryEstimator); 0: expectedAt
    bool expectedEstimated = false; ///< expectedAt was estimated from past deliveries, not given by the carrier
    QString destinationRegion {}; ///< the region transit times are learned for ("US West", "Western Europe")

    /// Past its late threshold (lateAfter, else expectedAt) at `now` without being delivered or returned.
    bool isLate(qint64 now) const
    {
        const qint64 threshold = lateAfter > 0 ? lateAfter : expectedAt;
        return threshold > 0 && threshold < now && !isFinal(status);
    }
};

} // namespace waybill::domain
