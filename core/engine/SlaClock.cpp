// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SlaClock.h"

#include <QCoreApplication>
#include <QDateTime>

namespace waybill::engine {

namespace {
constexpr qint64 Day = 24 * 3600;
}

SlaClock::SlaClock(domain::SlaPolicy policy)
    : m_policy(std::move(policy))
{
}

qint64 SlaClock::marketDeadline(domain::Channel channel, qint64 receivedAt) const
{
    switch (channel) {
    case domain::Channel::Amazon:
        return receivedAt + m_policy.amazonResponseSeconds;
    case domain::Channel::Ebay:
        return receivedAt + m_policy.ebayResponseSeconds;
    default:
        return 0;
    }
}

qint64 SlaClock::slaDeadline(qint64 receivedAt) const
{
    return addBusinessSeconds(receivedAt, m_policy.firstResponseBusinessSeconds);
}

qint64 SlaClock::addBusinessSeconds(qint64 start, qint64 seconds) const
{
    const int open = m_policy.businessDayStartMinutes * 60;
    const int close = m_policy.businessDayEndMinutes * 60;
    if (close <= open) {
        return start + seconds;
    }
    QDateTime cursor = QDateTime::fromSecsSinceEpoch(start, m_policy.timeZone);
    qint64 left = seconds;
    // Walks day by day; at most a few iterations per business day of the target.
    for (int guard = 0; guard < 3660; ++guard) {
        const QDate date = cursor.date();
        const bool workday = date.dayOfWeek() <= 5;
        const int secondOfDay = cursor.time().msecsSinceStartOfDay() / 1000;
        if (workday && secondOfDay < close) {
            const int from = std::max(secondOfDay, open);
            const qint64 available = close - from;
            if (left <= available) {
                return QDateTime(date, QTime::fromMSecsSinceStartOfDay(int((from + left) * 1000)), m_policy.timeZone)
                    .toSecsSinceEpoch();
            }
            left -= available;
        }
        cursor = QDateTime(date.addDays(1), QTime(0, 0), m_policy.timeZone);
    }
    return start + seconds;
}

qint64 SlaClock::businessSecondsBetween(qint64 from, qint64 to) const
{
    if (to < from) {
        return -businessSecondsBetween(to, from);
    }
    const int open = m_policy.businessDayStartMinutes * 60;
    const int close = m_policy.businessDayEndMinutes * 60;
    qint64 total = 0;
    QDateTime cursor = QDateTime::fromSecsSinceEpoch(from, m_policy.timeZone);
    const QDateTime end = QDateTime::fromSecsSinceEpoch(to, m_policy.timeZone);
    for (int guard = 0; guard < 3660 && cursor < end; ++guard) {
        const QDate date = cursor.date();
        const int startOfSpan = cursor.time().msecsSinceStartOfDay() / 1000;
        const int endOfSpan = date == end.date() ? end.time().msecsSinceStartOfDay() / 1000 : int(Day);
        if (date.dayOfWeek() <= 5) {
            total += std::max(0, std::min(endOfSpan, close) - std::max(startOfSpan, open));
        }
        cursor = QDateTime(date.addDays(1), QTime(0, 0), m_policy.timeZone);
    }
    return total;
}

QString SlaClock::formatRemaining(qint64 seconds)
{
    const bool overdue = seconds < 0;
    const qint64 s = overdue ? -seconds : seconds;
    const qint64 days = s / Day;
    const qint64 hours = (s % Day) / 3600;
    const qint64 minutes = (s % 3600) / 60;
    QString text;
    if (days > 0) {
        text = QCoreApplication::translate("SlaClock", "%1d %2h").arg(days).arg(hours);
    } else if (hours > 0) {
        text = QCoreApplication::translate("SlaClock", "%1h %2m").arg(hours).arg(minutes);
    } else {
        text = QCoreApplication::translate("SlaClock", "%1m").arg(minutes);
    }
    return overdue ? QCoreApplication::translate("SlaClock", "overdue %1").arg(text) : text;
}

} // namespace waybill::engine
