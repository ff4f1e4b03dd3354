// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>
#include <QJsonObject>

namespace waybill::commerce {

/// Reads Shippo's documented Track object (carrier, tracking_number, eta, servicelevel, tracking_status and
/// tracking_history entries with status, status_details, status_date, substatus and location) as returned by
/// GET /tracks/{carrier}/{number} or sent in the `track_updated` webhook (`{"event", "test", "data": Track}`).
/// Stateless; never throws.
class ShippoTrackingParser final {
public:
    static TrackingParseResult parse(const QByteArray &body);
    static bool recognises(const QJsonObject &object);
};

} // namespace waybill::commerce
