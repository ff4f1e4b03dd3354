// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace waybill::channels::chat {

/// A token bucket for one visitor: `burst` messages at once, then `perSecond` a second. The caller passes the
/// time (milliseconds, monotonic), so it has no clock of its own. Value type.
class ChatRateLimiter final {
public:
    ChatRateLimiter(double perSecond = 2.0, int burst = 10);

    /// Takes one token at `nowMs`; false when the visitor is over the limit (nothing taken).
    bool take(qint64 nowMs);
    /// Milliseconds from `nowMs` until the next token.
    qint64 waitMs(qint64 nowMs) const;

private:
    void refill(qint64 nowMs);

    double m_perSecond;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};

} // namespace waybill::channels::chat
