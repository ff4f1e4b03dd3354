// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatRateLimiter.h"

#include <algorithm>
#include <cmath>

namespace waybill::channels::chat {

ChatRateLimiter::ChatRateLimiter(double perSecond, int burst)
    : m_perSecond(perSecond)
    , m_burst(burst)
    , m_tokens(burst)
{
}

void ChatRateLimiter::refill(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs) {
        m_tokens = std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_perSecond / 1000.0);
    }
    if (nowMs > m_lastMs) {
        m_lastMs = nowMs;
    }
}

bool ChatRateLimiter::take(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens < 1.0) {
        return false;
    }
    m_tokens -= 1.0;
    return true;
}

qint64 ChatRateLimiter::waitMs(qint64 nowMs) const
{
    double tokens = m_tokens;
    if (m_lastMs >= 0 && nowMs > m_lastMs) {
        tokens = std::min(m_burst, tokens + double(nowMs - m_lastMs) * m_perSecond / 1000.0);
    }
    if (tokens >= 1.0) {
        return 0;
    }
    return qint64(std::ceil((1.0 - tokens) * 1000.0 / m_perSecond));
}

} // namespace waybill::channels::chat
