// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>
#include <QJsonObject>

namespace waybill::commerce {

/// Reads EasyPost's documented Tracker object (status, est_delivery_date, carrier_detail, tracking_details with
/// tracking_location) and what carries one: the webhook Event (`"object": "Event"`, `result` = Tracker, e.g.
/// `tracker.updated`), lists (`trackers`, `events`, and `payloads`, whose request_body is the posted Event) and a
/// Shipment's `tracker`. Stateless; never throws.
class EasyPostTrackingParser final {
public:
    static TrackingParseResult parse(const QByteArray &body);
    /// True when the object looks like an EasyPost Tracker, Event or list of them.
    static bool recognises(const QJsonObject &object);
};

} // namespace waybill::commerce
