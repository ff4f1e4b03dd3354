// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/TrackingStatus.h"

#include <QString>

namespace waybill::commerce {

/// What the tracking refresh needs to know about one stored shipment: read by storage::TrackingRefreshRepository,
/// judged by TrackingRefreshPolicy. Times are UTC epoch seconds; 0 means not known (or never checked).
struct TrackedShipment {
    qint64 id = 0;
    QString trackingNumber;
    QString carrier; ///< Waybill's carrier key ("usps"), or empty
    domain::TrackingStatus status = domain::TrackingStatus::Unknown;
    qint64 expectedAt = 0; ///< the p50 date (carrier's or estimated)
    qint64 lateAfter = 0; ///< the p90 date (or the carrier's date); 0: expectedAt
    qint64 checkedAt = 0; ///< when a tracking provider was last asked about it
};

} // namespace waybill::commerce
