// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>

namespace waybill::commerce {

class XmlElement;

/// Reads FedEx Web Services Track replies (TrackReply, v7 and later, bare or in a SOAP envelope):
/// CompletedTrackDetails/TrackDetails with StatusDetail, Events (Timestamp, EventType, EventDescription,
/// Address), EstimatedDeliveryTimestamp and ActualDeliveryTimestamp. Error and failure notifications (invalid or
/// unknown numbers, codes 9040/9045/9080/6330, duplicate waybills) become errors with FedEx's own message.
/// Stateless; never throws.
class FedExTrackingParser final {
public:
    static TrackingParseResult parse(const QByteArray &body);
    static TrackingParseResult parse(const XmlElement &root);
};

} // namespace waybill::commerce
