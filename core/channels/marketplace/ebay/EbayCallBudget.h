// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <deque>

namespace waybill::channels::marketplace {

/// The Trading API calls one seller's application may still make: at most `limit` calls in any rolling window of
/// `windowMs` (eBay: 75 messaging calls a minute), and a pause after eBay answered that the usage limit is reached,
/// during which nothing may be sent. A call taken at T counts until T + windowMs (excluded). Times are epoch
/// milliseconds passed in by the caller (no clock of its own) and are expected not to go back. A plain value owned
/// by the account's eBay client; not thread-safe.
class EbayCallBudget final {
public:
    static constexpr int DefaultLimit = 75;
    static constexpr qint64 DefaultWindowMs = 60 * 1000;

    explicit EbayCallBudget(int limit = DefaultLimit, qint64 windowMs = DefaultWindowMs);

    /// Takes one call at `nowMs`; false (and nothing taken) while paused or when the window is full.
    bool tryTake(qint64 nowMs);
    /// The first time at or after `nowMs` when tryTake() will succeed (`nowMs` itself when it would now).
    qint64 nextAllowedAt(qint64 nowMs) const;
    /// Counts a call made at `atMs` without asking (a retry of the HTTP layer after a server error): eBay counts
    /// it, so later calls wait for it too.
    void record(qint64 atMs);
    /// Nothing may be sent before `untilMs` (a later pause wins over an earlier one).
    void pauseUntil(qint64 untilMs);
    bool isPaused(qint64 nowMs) const { return nowMs < m_pausedUntilMs; }
    qint64 pausedUntil() const { return m_pausedUntilMs; }
    /// Calls counted in the window that ends at `nowMs`.
    int used(qint64 nowMs) const;
    int limit() const { return m_limit; }
    qint64 windowMs() const { return m_windowMs; }

private:
    void forget(qint64 nowMs);

    int m_limit;
    qint64 m_windowMs;
    std::deque<qint64> m_taken; ///< when each counted call was taken, oldest first
    qint64 m_pausedUntilMs = 0;
};

} // namespace waybill::channels::marketplace
