// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>
#include <QJsonObject>

namespace waybill::commerce {

/// Reads AfterShip's documented Tracking object (tracking_number, slug, tag, subtag, expected_delivery and the
/// newer *_estimated_delivery_date objects, checkpoints with checkpoint_time, city/state/zip/country or location,
/// message, tag) as sent in the `tracking_update` webhook (`{"event", "msg": Tracking, "ts"}`) or returned by
/// GET /trackings (`{"meta": {"code"}, "data": {"tracking": Tracking}}`, or `data` = Tracking in newer API
/// versions). Stateless; never throws.
class AfterShipTrackingParser final {
public:
    static TrackingParseResult parse(const QByteArray &body);
    static bool recognises(const QJsonObject &object);
};

} // namespace waybill::commerce
