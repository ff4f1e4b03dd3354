// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "channels/chat/ChatRateLimiter.h"

#include <gtest/gtest.h>

using waybill::channels::chat::ChatRateLimiter;

TEST(ChatRateLimiterTest, AllowsTheBurstThenTheSustainedRate)
{
    ChatRateLimiter limiter(2.0, 5);
    for (int i = 0; i < 5; ++i) {
        EXPECT_TRUE(limiter.take(1000)) << i;
    }
    EXPECT_FALSE(limiter.take(1000));
    EXPECT_EQ(limiter.waitMs(1000), 500);
    EXPECT_FALSE(limiter.take(1400));
    EXPECT_TRUE(limiter.take(1500));
    EXPECT_FALSE(limiter.take(1500));
    EXPECT_TRUE(limiter.take(2000));
}

TEST(ChatRateLimiterTest, RefillsNoFurtherThanTheBurstAndIgnoresTimeGoingBack)
{
    ChatRateLimiter limiter(1.0, 3);
    EXPECT_TRUE(limiter.take(0));
    int allowed = 0;
    for (int i = 0; i < 10; ++i) {
        allowed += limiter.take(60000) ? 1 : 0;
    }
    EXPECT_EQ(allowed, 3);
    EXPECT_FALSE(limiter.take(59000)); // a clock step back gives nothing
    EXPECT_EQ(limiter.waitMs(59000), 1000);
}
