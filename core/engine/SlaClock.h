// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Channel.h"
#include "domain/SlaPolicy.h"

#include <QString>

namespace waybill::engine {

/// Deadline arithmetic for the two clocks of a conversation: the marketplace's (wall-clock hours, e.g. Amazon's
/// 24 h) and the company SLA (business hours of the policy). Pure functions of the policy; thread-safe.
class SlaClock final {
public:
    explicit SlaClock(domain::SlaPolicy policy = {});

    const domain::SlaPolicy &policy() const { return m_policy; }

    /// The marketplace deadline for a customer message received at `receivedAt`, or 0 for channels without one.
    qint64 marketDeadline(domain::Channel channel, qint64 receivedAt) const;
    /// The SLA deadline: `receivedAt` plus the policy's first-response time counted in business hours.
    qint64 slaDeadline(qint64 receivedAt) const;
    /// `start` plus `seconds` of business time.
    qint64 addBusinessSeconds(qint64 start, qint64 seconds) const;
    /// Business seconds from `from` to `to` (negative when `to` is earlier).
    qint64 businessSecondsBetween(qint64 from, qint64 to) const;
    /// Deadlines before this instant are at risk at `now`.
    qint64 riskHorizon(qint64 now) const { return now + m_policy.atRiskWithinSeconds; }

    /// "3h 20m", "45m", "overdue 2h 5m" for a number of seconds left.
    static QString formatRemaining(qint64 seconds);

private:
    domain::SlaPolicy m_policy;
};

} // namespace waybill::engine
