// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>
#include <QJsonObject>

namespace waybill::commerce {

/// Reads AfterShip's documented Tracking object (tracking_number, slug, tag, subtag, expected_delivery and the
/// newer *_estimated_delivery_date objects, checkpoints with checkpoint_time, city/state/zip/country or location,
/// message, tag) as sent in the `tracking_update` webhook (`{"event", "msg": Tracking, "ts"}`), returned by
/// GET /trackings/{slug}/{number} (`{"meta": {"code"}, "data": {"tracking": Tracking}}`, or `data` = Tracking in newer
/// API versions) or listed by GET /trackings (`{"meta", "data": {"page", "count", "trackings": [Tracking, ...]}}`, one
/// update per tracking; unreadable ones are named in itemErrors). A `meta.code` outside 2xx is an error that quotes
/// `meta.message`. TrackingParsing::parseObject()'s 4 MB limit and Qt's JSON nesting limit apply. Stateless; never
/// throws.
class AfterShipTrackingParser final {
public:
    static TrackingParseResult parse(const QByteArray &body);
    static bool recognises(const QJsonObject &object);
};

} // namespace waybill::commerce
