// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>

namespace waybill::commerce {

class XmlElement;

/// Reads USPS Web Tools TrackV2 replies (TrackFieldRequest): TrackResponse/TrackInfo with TrackSummary (newest
/// event), TrackDetail (older ones, newest first), StatusCategory and Expected/PredictedDeliveryDate. A TrackInfo
/// Error and the top-level Error document become errors with USPS's description. USPS gives event times in the
/// local time of the event's place without a zone: they are converted from the time zone of the event's state
/// (TrackingTime::usStateTimeZone); without a US state, the wall time is read as UTC. Stateless; never throws.
class UspsTrackingParser final {
public:
    static TrackingParseResult parse(const QByteArray &body);
    static TrackingParseResult parse(const XmlElement &root);
};

} // namespace waybill::commerce
