// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingRequestBudget.h"

#include <algorithm>
#include <cmath>

namespace waybill::commerce {

TrackingRequestBudget::Limits TrackingRequestBudget::documentedLimits(const QString &provider)
{
    if (provider == QLatin1String("aftership")) {
        // AfterShip: 10 requests per second per organisation.
        return { 10, 10 };
    }
    if (provider == QLatin1String("shippo")) {
        // Shippo: Tracking GET, 500 per minute with a live token (50 with a test token, which then answers 429).
        return { 20, 500.0 / 60.0 };
    }
    if (provider == QLatin1String("easypost")) {
        // EasyPost publishes no fixed number (its limits follow load and answer 429); stay well below it.
        return { 5, 5 };
    }
    return { 1, 1 };
}

TrackingRequestBudget::TrackingRequestBudget(Limits limits, qint64 nowMs)
    : m_limits(limits)
    , m_tokens(limits.burst)
    , m_refilledAtMs(nowMs)
{
}

void TrackingRequestBudget::refill(qint64 nowMs)
{
    if (nowMs > m_refilledAtMs) {
        m_tokens = std::min(m_limits.burst, m_tokens + double(nowMs - m_refilledAtMs) * m_limits.perSecond / 1000.0);
        m_refilledAtMs = nowMs;
    }
}

int TrackingRequestBudget::available(qint64 nowMs)
{
    refill(nowMs);
    return isPaused(nowMs) ? 0 : int(std::floor(m_tokens));
}

bool TrackingRequestBudget::tryTake(qint64 nowMs)
{
    if (available(nowMs) < 1) {
        return false;
    }
    m_tokens -= 1;
    return true;
}

void TrackingRequestBudget::pauseUntil(qint64 untilMs)
{
    m_pausedUntilMs = std::max(m_pausedUntilMs, untilMs);
}

} // namespace waybill::commerce
