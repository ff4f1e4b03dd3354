// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackedShipment.h"

#include <QList>

#include <functional>

namespace waybill::commerce {

/// Decides which shipments a tracking refresh pass asks the provider about, and in which order. A shipment is asked
/// about again after an interval that shrinks as its expected delivery nears: every 12 h when p50 is more than three
/// days away (or unknown), every 6 h within three days, every 2 h from a day before p50 until p90, hourly once past
/// p90 (late); never once delivered or returned, and never without a tracking number. Pure: the clock (UTC epoch
/// seconds) is injected, and nothing is stored; thread-agnostic.
class TrackingRefreshPolicy final {
public:
    using Clock = std::function<qint64()>;

    static constexpr qint64 FarInterval = 12 * 3600;
    static constexpr qint64 ApproachingInterval = 6 * 3600;
    static constexpr qint64 NearInterval = 2 * 3600;
    static constexpr qint64 LateInterval = 3600;
    static constexpr qint64 NearWindow = 24 * 3600; ///< "near" starts this long before p50
    static constexpr qint64 ApproachingWindow = 3 * 24 * 3600;

    explicit TrackingRefreshPolicy(Clock clock);

    /// Seconds between two requests about `shipment` now, or -1 when it is never refreshed.
    qint64 interval(const TrackedShipment &shipment) const;
    /// Whether `shipment` should be asked about now (never checked counts as due).
    bool isDue(const TrackedShipment &shipment) const;
    /// The due shipments, most urgent first (late ones, then the longest overdue), at most `limit` of them (the
    /// requests the provider's budget allows in this pass; a negative limit means no limit).
    QList<TrackedShipment> due(const QList<TrackedShipment> &shipments, int limit) const;

private:
    Clock m_clock;
};

} // namespace waybill::commerce
