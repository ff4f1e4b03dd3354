// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// EbayCallBudget: 75 calls in any rolling minute, a call counting until exactly one window later, and pauses.
#include "channels/marketplace/ebay/EbayCallBudget.h"

#include <gtest/gtest.h>

using waybill::channels::marketplace::EbayCallBudget;

namespace {

constexpr qint64 T0 = 1'764'900'000'000;

TEST(EbayCallBudgetTest, SeventyFiveCallsAMinute)
{
    EbayCallBudget budget;
    EXPECT_EQ(budget.limit(), 75);
    EXPECT_EQ(budget.windowMs(), 60'000);
    for (int i = 0; i < 75; ++i) {
        EXPECT_EQ(budget.nextAllowedAt(T0 + i), T0 + i);
        ASSERT_TRUE(budget.tryTake(T0 + i)) << i;
    }
    EXPECT_EQ(budget.used(T0 + 100), 75);
    EXPECT_FALSE(budget.tryTake(T0 + 100));
    EXPECT_EQ(budget.nextAllowedAt(T0 + 100), T0 + 60'000); // when the first call leaves the window
}

TEST(EbayCallBudgetTest, TheWindowBoundary)
{
    EbayCallBudget budget(2, 60'000);
    ASSERT_TRUE(budget.tryTake(T0));
    ASSERT_TRUE(budget.tryTake(T0 + 10'000));
    EXPECT_FALSE(budget.tryTake(T0 + 59'999)); // the first call still counts one millisecond before
    EXPECT_EQ(budget.used(T0 + 59'999), 2);
    EXPECT_EQ(budget.nextAllowedAt(T0 + 59'999), T0 + 60'000);
    EXPECT_EQ(budget.used(T0 + 60'000), 1);
    EXPECT_TRUE(budget.tryTake(T0 + 60'000)); // and no longer at exactly one window
    EXPECT_FALSE(budget.tryTake(T0 + 60'001));
    EXPECT_EQ(budget.nextAllowedAt(T0 + 60'001), T0 + 70'000);
    EXPECT_TRUE(budget.tryTake(T0 + 70'000));
}

TEST(EbayCallBudgetTest, ARollingWindowNotAFixedMinute)
{
    EbayCallBudget budget(3, 60'000);
    ASSERT_TRUE(budget.tryTake(T0 + 59'000));
    ASSERT_TRUE(budget.tryTake(T0 + 59'500));
    ASSERT_TRUE(budget.tryTake(T0 + 61'000));
    // A new calendar minute began at T0 + 60 s, but the three calls are within one rolling minute.
    EXPECT_FALSE(budget.tryTake(T0 + 62'000));
    EXPECT_EQ(budget.nextAllowedAt(T0 + 62'000), T0 + 119'000);
}

TEST(EbayCallBudgetTest, APauseStopsEverything)
{
    EbayCallBudget budget;
    budget.pauseUntil(T0 + 60'000);
    EXPECT_TRUE(budget.isPaused(T0));
    EXPECT_FALSE(budget.tryTake(T0));
    EXPECT_EQ(budget.used(T0), 0); // nothing was taken
    EXPECT_EQ(budget.nextAllowedAt(T0), T0 + 60'000);
    budget.pauseUntil(T0 + 30'000); // an earlier end does not shorten it
    EXPECT_EQ(budget.pausedUntil(), T0 + 60'000);
    EXPECT_FALSE(budget.isPaused(T0 + 60'000));
    EXPECT_TRUE(budget.tryTake(T0 + 60'000));
}

TEST(EbayCallBudgetTest, APauseAndAFullWindowTogether)
{
    EbayCallBudget budget(1, 60'000);
    ASSERT_TRUE(budget.tryTake(T0));
    budget.pauseUntil(T0 + 10'000);
    EXPECT_EQ(budget.nextAllowedAt(T0 + 5'000), T0 + 60'000);
    budget.pauseUntil(T0 + 90'000);
    EXPECT_EQ(budget.nextAllowedAt(T0 + 5'000), T0 + 90'000);
}

TEST(EbayCallBudgetTest, ARecordedCallCountsLikeATakenOne)
{
    EbayCallBudget budget(2, 60'000);
    ASSERT_TRUE(budget.tryTake(T0 + 5'000));
    budget.record(T0 + 1'000); // made earlier, recorded later: still counted in order
    EXPECT_EQ(budget.used(T0 + 5'000), 2);
    EXPECT_FALSE(budget.tryTake(T0 + 6'000));
    EXPECT_EQ(budget.nextAllowedAt(T0 + 6'000), T0 + 61'000);
    EXPECT_TRUE(budget.tryTake(T0 + 61'000));
}

} // namespace
