// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingRefreshPolicy.h"

#include <algorithm>
#include <utility>

namespace waybill::commerce {

namespace {

qint64 lateThreshold(const TrackedShipment &shipment)
{
    return shipment.lateAfter > 0 ? shipment.lateAfter : shipment.expectedAt;
}

} // namespace

TrackingRefreshPolicy::TrackingRefreshPolicy(Clock clock)
    : m_clock(std::move(clock))
{
}

qint64 TrackingRefreshPolicy::interval(const TrackedShipment &shipment) const
{
    if (domain::isFinal(shipment.status) || shipment.trackingNumber.trimmed().isEmpty()) {
        return -1;
    }
    const qint64 now = m_clock();
    const qint64 late = lateThreshold(shipment);
    if (late > 0 && now > late) {
        return LateInterval;
    }
    if (shipment.expectedAt <= 0) {
        return FarInterval;
    }
    // From a day before p50 until p90 the parcel is close: out for delivery, or a little behind.
    const qint64 ahead = shipment.expectedAt - now;
    if (ahead <= NearWindow) {
        return NearInterval;
    }
    return ahead <= ApproachingWindow ? ApproachingInterval : FarInterval;
}

bool TrackingRefreshPolicy::isDue(const TrackedShipment &shipment) const
{
    const qint64 every = interval(shipment);
    return every >= 0 && (shipment.checkedAt <= 0 || m_clock() - shipment.checkedAt >= every);
}

QList<TrackedShipment> TrackingRefreshPolicy::due(const QList<TrackedShipment> &shipments, int limit) const
{
    const qint64 now = m_clock();
    struct Candidate {
        TrackedShipment shipment;
        bool late = false;
        qint64 overdue = 0;
    };
    QList<Candidate> candidates;
    for (const TrackedShipment &shipment : shipments) {
        if (!isDue(shipment)) {
            continue;
        }
        const qint64 late = lateThreshold(shipment);
        const qint64 overdue
            = shipment.checkedAt <= 0 ? now : now - shipment.checkedAt - interval(shipment); // never checked first
        candidates.append({ shipment, late > 0 && now > late, overdue });
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        if (a.late != b.late) {
            return a.late;
        }
        return a.overdue > b.overdue;
    });
    QList<TrackedShipment> result;
    for (const Candidate &candidate : std::as_const(candidates)) {
        if (limit >= 0 && result.size() >= limit) {
            break;
        }
        result.append(candidate.shipment);
    }
    return result;
}

} // namespace waybill::commerce
