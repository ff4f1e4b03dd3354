// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>

namespace waybill::commerce {

class XmlElement;

/// Reads Canada Post web services tracking details (`tracking-detail`, English or French): pin, service-name,
/// expected-delivery-date (or changed-expected-date) and significant-events occurrences with event-identifier,
/// date, time and time-zone abbreviation, description, site and province. A `messages` document ("No Pin
/// History", code 004) becomes an error with Canada Post's description. Stateless; never throws.
class CanadaPostTrackingParser final {
public:
    static TrackingParseResult parse(const QByteArray &body);
    static TrackingParseResult parse(const XmlElement &root);
};

} // namespace waybill::commerce
