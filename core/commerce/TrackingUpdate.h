// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Shipment.h"
#include "domain/TrackingStatus.h"

#include <QList>
#include <QString>

namespace waybill::commerce {

/// What a tracking provider or carrier said about one parcel, mapped to Waybill's normalised statuses. A plain
/// value produced by the tracking parsers and applied to a shipment by storage::TrackingRepository. Times are UTC
/// epoch seconds; 0 means not given.
struct TrackingUpdate {
    QString provider; ///< "easypost", "aftership", "shippo", "fedex", "usps", "canada_post"
    QString carrier; ///< Waybill's carrier key ("usps") when known, else the provider's own name for it
    QString trackingNumber;
    QString service; ///< "First-Class Package Service", when given
    domain::TrackingStatus status = domain::TrackingStatus::Unknown;
    QString statusText; ///< the provider's own words for the current status
    qint64 expectedAt = 0; ///< expected delivery; a date without a time is the end of that day (UTC)
    qint64 deliveredAt = 0;
    QList<domain::TrackingEvent> events; ///< oldest first; `id` is always 0
};

} // namespace waybill::commerce
