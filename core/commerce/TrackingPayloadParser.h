// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingParseResult.h"

#include <QByteArray>
#include <QString>

namespace waybill::commerce {

/// Picks the parser for a tracking webhook body or API reply and runs it: JSON from EasyPost (Tracker, Event),
/// AfterShip (`msg`/`meta`+`data`) or Shippo (`track_updated`, Track), XML from FedEx (TrackReply), USPS
/// (TrackResponse, Error) or Canada Post (tracking-detail, messages). When the caller knows the sender (the
/// webhook URL it arrived on names it), `provider` ("easypost", "aftership", "shippo", "fedex", "usps",
/// "canada_post") skips the guessing. Stateless; never throws.
class TrackingPayloadParser final {
public:
    static TrackingParseResult parse(const QByteArray &body, const QString &provider = {});
    /// The provider key the body looks like it came from, or an empty string.
    static QString sniff(const QByteArray &body);
};

} // namespace waybill::commerce
