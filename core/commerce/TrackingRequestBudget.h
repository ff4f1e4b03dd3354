// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::commerce {

/// A token bucket for one tracking provider's API: `burst` requests at once, refilled at `perSecond`, so that a
/// refresh pass never sends more than the provider documents; and a pause (after a 429 with Retry-After) during
/// which nothing may be sent. Times are epoch milliseconds passed in by the caller (no clock of its own). A plain
/// value owned by the refresher of one account; not thread-safe.
class TrackingRequestBudget final {
public:
    struct Limits {
        double burst = 1; ///< requests that may go out back to back
        double perSecond = 1; ///< sustained rate
    };

    /// The documented limits of "easypost", "aftership" or "shippo" (conservative defaults for anything else).
    static Limits documentedLimits(const QString &provider);

    /// A full bucket at `nowMs`.
    TrackingRequestBudget(Limits limits, qint64 nowMs);

    /// Requests that may be sent at `nowMs` (0 while paused).
    int available(qint64 nowMs);
    /// Takes one request; false (and nothing taken) when none is available.
    bool tryTake(qint64 nowMs);
    /// Nothing may be sent before `untilMs` (a later pause wins over an earlier one).
    void pauseUntil(qint64 untilMs);
    bool isPaused(qint64 nowMs) const { return nowMs < m_pausedUntilMs; }
    qint64 pausedUntil() const { return m_pausedUntilMs; }
    const Limits &limits() const { return m_limits; }

private:
    void refill(qint64 nowMs);

    Limits m_limits;
    double m_tokens = 0;
    qint64 m_refilledAtMs = 0;
    qint64 m_pausedUntilMs = 0;
};

} // namespace waybill::commerce
