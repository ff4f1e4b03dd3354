// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShipmentRisk.h"

#include <algorithm>

namespace waybill::commerce {

using domain::TrackingStatus;

bool ShipmentRisk::isLate(qint64 now) const
{
    const qint64 threshold = lateAfter > 0 ? lateAfter : expectedAt;
    return threshold > 0 && threshold < now && !domain::isFinal(status);
}

bool ShipmentRisk::isStale(qint64 now, int staleDays) const
{
    const qint64 lastSign = lastScanAt > 0 ? lastScanAt : shippedAt;
    return expectedAt > 0 && expectedAt < now && lastSign < now - staleDays * Day && !domain::isFinal(status);
}

bool ShipmentRisk::isException() const
{
    return status == TrackingStatus::Exception || status == TrackingStatus::FailedAttempt
        || status == TrackingStatus::ReturnToSender;
}

bool ShipmentRisk::isAtRisk(qint64 now, int staleDays) const
{
    if (status == TrackingStatus::Delivered) {
        return false;
    }
    return isLate(now) || isStale(now, staleDays) || isException();
}

int ShipmentRisk::score(qint64 now, int staleDays) const
{
    if (!isAtRisk(now, staleDays)) {
        return 0;
    }
    int points = 0;
    if (isLate(now)) {
        const qint64 threshold = lateAfter > 0 ? lateAfter : expectedAt;
        points += static_cast<int>(std::min<qint64>((now - threshold) / Day * 10, 100));
    }
    if (status == TrackingStatus::Exception || status == TrackingStatus::ReturnToSender) {
        points += 40;
    } else if (status == TrackingStatus::FailedAttempt) {
        points += 25;
    }
    if (isStale(now, staleDays)) {
        points += 15;
    }
    points += static_cast<int>(std::clamp<qint64>(orderTotalCents / 1000, 0, 30));
    if (customerWrote) {
        points += 30;
    }
    return points;
}

} // namespace waybill::commerce
