// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Deadline arithmetic: business hours across nights and weekends (and a daylight-saving change), the marketplaces'
// wall-clock deadlines, and how remaining time is written for people.
#include "engine/SlaClock.h"

#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>

using waybill::domain::Channel;
using waybill::domain::SlaPolicy;
using waybill::engine::SlaClock;

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;

/// 2026-03-02 is a Monday.
qint64 at(int day, int hour, int minute = 0, const QTimeZone &zone = QTimeZone::utc())
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute), zone).toSecsSinceEpoch();
}

} // namespace

TEST(SlaClockTest, EightBusinessHoursAcrossNightsAndWeekends)
{
    const SlaClock clock;
    EXPECT_EQ(clock.slaDeadline(at(2, 10)), at(3, 10)); // Monday 10:00 → Tuesday 10:00
    EXPECT_EQ(clock.slaDeadline(at(2, 8)), at(2, 17)); // before opening: the whole Monday
    EXPECT_EQ(clock.slaDeadline(at(3, 20)), at(4, 17)); // Tuesday evening → Wednesday closing
    EXPECT_EQ(clock.slaDeadline(at(6, 16)), at(9, 16)); // Friday 16:00 → Monday 16:00
    EXPECT_EQ(clock.slaDeadline(at(7, 12)), at(9, 17)); // Saturday → Monday closing
    EXPECT_EQ(clock.slaDeadline(at(8, 23, 59)), at(9, 17)); // Sunday night → Monday closing
    EXPECT_EQ(clock.slaDeadline(at(6, 17)), at(9, 17)); // Friday at closing time
}

TEST(SlaClockTest, AddingBusinessSeconds)
{
    const SlaClock clock;
    EXPECT_EQ(clock.addBusinessSeconds(at(2, 10), 0), at(2, 10));
    EXPECT_EQ(clock.addBusinessSeconds(at(7, 10), 0), at(9, 9)); // nothing counts before Monday opens
    EXPECT_EQ(clock.addBusinessSeconds(at(2, 16, 30), 30 * 60), at(2, 17));
    EXPECT_EQ(clock.addBusinessSeconds(at(2, 16, 30), 31 * 60), at(3, 9, 1));
    EXPECT_EQ(clock.addBusinessSeconds(at(2, 9), 5 * 8 * Hour), at(6, 17)); // a whole working week
    EXPECT_EQ(clock.addBusinessSeconds(at(2, 9), 5 * 8 * Hour + 1), at(9, 9) + 1);
}

TEST(SlaClockTest, BusinessSecondsBetween)
{
    const SlaClock clock;
    EXPECT_EQ(clock.businessSecondsBetween(at(2, 10), at(2, 12)), 2 * Hour);
    EXPECT_EQ(clock.businessSecondsBetween(at(2, 18), at(3, 8)), 0); // overnight
    EXPECT_EQ(clock.businessSecondsBetween(at(6, 16), at(9, 10)), 2 * Hour); // over the weekend
    EXPECT_EQ(clock.businessSecondsBetween(at(7, 0), at(9, 0)), 0); // the weekend itself
    EXPECT_EQ(clock.businessSecondsBetween(at(2, 0), at(9, 0)), 5 * 8 * Hour); // one week
    EXPECT_EQ(clock.businessSecondsBetween(at(3, 12), at(2, 12)), -8 * Hour);
    EXPECT_EQ(clock.businessSecondsBetween(at(2, 12), at(2, 12)), 0);
}

TEST(SlaClockTest, BetweenUndoesAddOverTwoWeeks)
{
    const SlaClock clock;
    for (qint64 start = at(2, 0); start < at(16, 0); start += 37 * 60 + 11) {
        for (qint64 seconds = 0; seconds <= 50 * Hour; seconds += 2 * Hour + 17 * 60) {
            const qint64 end = clock.addBusinessSeconds(start, seconds);
            ASSERT_GE(end, start);
            ASSERT_EQ(clock.businessSecondsBetween(start, end), seconds)
                << "start "
                << QDateTime::fromSecsSinceEpoch(start, QTimeZone::utc()).toString(Qt::ISODate).toStdString() << " + "
                << seconds << "s";
            ASSERT_EQ(clock.businessSecondsBetween(end, start), -seconds);
        }
    }
}

TEST(SlaClockTest, BusinessHoursInTheShopsTimeZone)
{
    const QTimeZone tokyo(QByteArrayLiteral("Asia/Tokyo"));
    if (!tokyo.isValid()) {
        GTEST_SKIP() << "no time zone data for Asia/Tokyo";
    }
    SlaPolicy policy;
    policy.timeZone = tokyo;
    const SlaClock clock(policy);
    // Monday 10:00 in Tokyo is Monday 01:00 UTC; the deadline is Tuesday 10:00 in Tokyo.
    EXPECT_EQ(clock.slaDeadline(at(2, 10, 0, tokyo)), at(3, 10, 0, tokyo));
    // Friday 18:00 in Tokyo is still Friday 09:00 UTC, but the Tokyo office has closed.
    EXPECT_EQ(clock.slaDeadline(at(6, 18, 0, tokyo)), at(9, 17, 0, tokyo));
}

TEST(SlaClockTest, DaylightSavingChangeOverTheWeekend)
{
    const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
    if (!berlin.isValid()) {
        GTEST_SKIP() << "no time zone data for Europe/Berlin";
    }
    SlaPolicy policy;
    policy.timeZone = berlin;
    const SlaClock clock(policy);
    // Clocks go forward on Sunday 29 March 2026; Friday 16:00 + 8 business hours is Monday 16:00 local time.
    EXPECT_EQ(clock.slaDeadline(at(27, 16, 0, berlin)), at(30, 16, 0, berlin));
    EXPECT_EQ(clock.businessSecondsBetween(at(27, 16, 0, berlin), at(30, 16, 0, berlin)), 8 * Hour);
}

TEST(SlaClockTest, MarketplaceDeadlinesAreWallClock)
{
    const SlaClock clock;
    const qint64 friday = at(6, 20);
    EXPECT_EQ(clock.marketDeadline(Channel::Amazon, friday), friday + Day); // Saturday evening, weekend or not
    EXPECT_EQ(clock.marketDeadline(Channel::Ebay, friday), friday + Day);
    EXPECT_EQ(clock.marketDeadline(Channel::Email, friday), 0);
    EXPECT_EQ(clock.marketDeadline(Channel::Sms, friday), 0);
    EXPECT_EQ(clock.marketDeadline(Channel::Chat, friday), 0);

    SlaPolicy policy;
    policy.amazonResponseSeconds = 12 * Hour;
    EXPECT_EQ(SlaClock(policy).marketDeadline(Channel::Amazon, friday), friday + 12 * Hour);
    EXPECT_EQ(clock.riskHorizon(friday), friday + 2 * Hour);
}

TEST(SlaClockTest, FormatRemaining)
{
    EXPECT_EQ(SlaClock::formatRemaining(0), QStringLiteral("0m"));
    EXPECT_EQ(SlaClock::formatRemaining(45 * 60 + 30), QStringLiteral("45m"));
    EXPECT_EQ(SlaClock::formatRemaining(3 * Hour + 20 * 60), QStringLiteral("3h 20m"));
    EXPECT_EQ(SlaClock::formatRemaining(Hour), QStringLiteral("1h 0m"));
    EXPECT_EQ(SlaClock::formatRemaining(2 * Day + 5 * Hour + 59 * 60), QStringLiteral("2d 5h"));
    EXPECT_EQ(SlaClock::formatRemaining(-(2 * Hour + 5 * 60)), QStringLiteral("overdue 2h 5m"));
    EXPECT_EQ(SlaClock::formatRemaining(-10 * 60), QStringLiteral("overdue 10m"));
    EXPECT_EQ(SlaClock::formatRemaining(-3 * Day), QStringLiteral("overdue 3d 0h"));
}
