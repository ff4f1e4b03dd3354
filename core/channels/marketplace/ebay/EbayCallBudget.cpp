// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayCallBudget.h"

#include <algorithm>

namespace waybill::channels::marketplace {

EbayCallBudget::EbayCallBudget(int limit, qint64 windowMs)
    : m_limit(std::max(1, limit))
    , m_windowMs(std::max<qint64>(1, windowMs))
{
}

void EbayCallBudget::forget(qint64 nowMs)
{
    while (!m_taken.empty() && m_taken.front() + m_windowMs <= nowMs) {
        m_taken.pop_front();
    }
}

int EbayCallBudget::used(qint64 nowMs) const
{
    return int(std::count_if(
        m_taken.begin(), m_taken.end(), [&](qint64 taken) { return taken + m_windowMs > nowMs && taken <= nowMs; }));
}

bool EbayCallBudget::tryTake(qint64 nowMs)
{
    if (isPaused(nowMs)) {
        return false;
    }
    forget(nowMs);
    if (int(m_taken.size()) >= m_limit) {
        return false;
    }
    m_taken.push_back(nowMs);
    return true;
}

qint64 EbayCallBudget::nextAllowedAt(qint64 nowMs) const
{
    qint64 at = std::max(nowMs, m_pausedUntilMs);
    // The calls still counted at `at`; the oldest of the surplus frees the last slot needed.
    std::deque<qint64> counted;
    for (const qint64 taken : m_taken) {
        if (taken + m_windowMs > at) {
            counted.push_back(taken);
        }
    }
    if (int(counted.size()) >= m_limit) {
        at = std::max(at, counted.at(counted.size() - std::size_t(m_limit)) + m_windowMs);
    }
    return at;
}

void EbayCallBudget::record(qint64 atMs)
{
    m_taken.insert(std::upper_bound(m_taken.begin(), m_taken.end(), atMs), atMs); // kept oldest first
}

void EbayCallBudget::pauseUntil(qint64 untilMs)
{
    m_pausedUntilMs = std::max(m_pausedUntilMs, untilMs);
}

} // namespace waybill::channels::marketplace
