// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/TrackingStatus.h"

namespace waybill::commerce {

/// Which undelivered shipments are late or at risk, and how urgently a supervisor should look at each.
///
/// A shipment that is neither delivered nor returned is *at risk* when any of these holds at `now`:
///  - **late**: past its late date (`late_after`: the carrier's date, or shipped + the p90 transit days that
///    DeliveryEstimator learns from past deliveries);
///  - **stale**: past its expected date (`expected_at`: the carrier's date or the p50) with no tracking scan for
///    `staleDays` days (the shipping date counts as the last scan when there is none);
///  - **exception**: the carrier reports an exception, a failed delivery attempt, or a return to the sender.
///
/// score() adds up points (higher is more urgent):
///  - 10 per whole day past the late date, at most 100;
///  - 40 for an exception or a return to the sender, 25 for a failed attempt;
///  - 15 when stale;
///  - 1 per 10 units of the order's total (1 per $10, €10, …), at most 30;
///  - 30 when the customer already wrote about the order (an inbound message in a conversation linked to it).
/// Plain value type; no storage (storage::LateShipmentQuery selects the candidates in one query and scores them).
struct ShipmentRisk {
    static constexpr int DefaultStaleDays = 3;
    static constexpr qint64 Day = 86400;

    domain::TrackingStatus status = domain::TrackingStatus::Unknown;
    qint64 shippedAt = 0;
    qint64 expectedAt = 0; ///< 0: not known
    qint64 lateAfter = 0; ///< 0: not known (expectedAt then stands in, as in domain::Shipment::isLate)
    qint64 lastScanAt = 0; ///< 0: no events
    qint64 orderTotalCents = 0;
    bool customerWrote = false;

    bool isLate(qint64 now) const;
    bool isStale(qint64 now, int staleDays) const;
    bool isException() const;
    bool isAtRisk(qint64 now, int staleDays) const;
    /// The points above; 0 when the shipment is not at risk.
    int score(qint64 now, int staleDays) const;
};

} // namespace waybill::commerce
