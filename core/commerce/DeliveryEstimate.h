// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::commerce {

/// What DeliveryEstimator expects of one shipment. Times are epoch seconds; 0 means not known.
struct DeliveryEstimate {
    qint64 expectedAt = 0; ///< the carrier's date, or shipped + p50 of past deliveries
    qint64 lateAfter = 0; ///< the carrier's date, or shipped + p90: undelivered after this, the shipment is late
    bool fromCarrier = false;
    int samples = 0; ///< deliveries the estimate was learned from (0 for the carrier's date)
    QString reason; ///< a sentence for people

    bool isLate(qint64 now, bool delivered) const { return !delivered && lateAfter > 0 && lateAfter < now; }
};

} // namespace waybill::commerce
