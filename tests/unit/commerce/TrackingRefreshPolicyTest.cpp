// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The tracking refresh schedule under an injected clock: intervals that shrink as the expected delivery nears,
// hourly once late, nothing after delivery or return; the most urgent shipments first within a pass's limit; and
// the per-provider token bucket with its 429 pause.
#include "commerce/TrackingProviderApi.h"
#include "commerce/TrackingRefreshPolicy.h"
#include "commerce/TrackingRequestBudget.h"

#include <gtest/gtest.h>

using waybill::commerce::TrackedShipment;
using waybill::commerce::TrackingProviderApi;
using waybill::commerce::TrackingRefreshPolicy;
using waybill::commerce::TrackingRequestBudget;
using waybill::domain::TrackingStatus;

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Start = 1772000000;

class TrackingRefreshPolicyTest : public ::testing::Test {
protected:
    TrackedShipment shipment(qint64 id, qint64 expectedAt, qint64 checkedAt = 0) const
    {
        TrackedShipment s;
        s.id = id;
        s.trackingNumber = QStringLiteral("EZ%1").arg(id, 10, 10, QLatin1Char('0'));
        s.carrier = QStringLiteral("usps");
        s.status = TrackingStatus::InTransit;
        s.expectedAt = expectedAt;
        s.lateAfter = expectedAt > 0 ? expectedAt + 2 * Day : 0;
        s.checkedAt = checkedAt;
        return s;
    }

    qint64 now = Start;
    TrackingRefreshPolicy policy { [this] { return now; } };
};

TEST_F(TrackingRefreshPolicyTest, TheIntervalShrinksAsTheExpectedDateNears)
{
    EXPECT_EQ(policy.interval(shipment(1, Start + 10 * Day)), 12 * Hour);
    EXPECT_EQ(policy.interval(shipment(1, 0)), 12 * Hour); // no expected date yet
    EXPECT_EQ(policy.interval(shipment(1, Start + 2 * Day)), 6 * Hour);
    EXPECT_EQ(policy.interval(shipment(1, Start + 20 * Hour)), 2 * Hour);
    EXPECT_EQ(policy.interval(shipment(1, Start - 20 * Hour)), 2 * Hour); // just past p50, not yet past p90
    EXPECT_EQ(policy.interval(shipment(1, Start - 30 * Hour)), 2 * Hour); // past p50, before p90
    EXPECT_EQ(policy.interval(shipment(1, Start - 3 * Day)), Hour); // past p90: late
}

TEST_F(TrackingRefreshPolicyTest, TheClockMovesAShipmentThroughTheBands)
{
    const TrackedShipment s = shipment(1, Start + 5 * Day);
    EXPECT_EQ(policy.interval(s), 12 * Hour);
    now = Start + 3 * Day;
    EXPECT_EQ(policy.interval(s), 6 * Hour);
    now = Start + 4 * Day + Hour;
    EXPECT_EQ(policy.interval(s), 2 * Hour);
    now = Start + 7 * Day + 1;
    EXPECT_EQ(policy.interval(s), Hour);
}

TEST_F(TrackingRefreshPolicyTest, DueOnlyOnceTheIntervalHasPassed)
{
    const TrackedShipment near = shipment(1, Start + 12 * Hour, Start - Hour);
    EXPECT_FALSE(policy.isDue(near));
    now = Start + Hour;
    EXPECT_TRUE(policy.isDue(near));
    EXPECT_TRUE(policy.isDue(shipment(2, Start + 10 * Day))); // never checked
    EXPECT_FALSE(policy.isDue(shipment(3, Start + 10 * Day, Start - 10 * Hour)));
}

TEST_F(TrackingRefreshPolicyTest, NeverAfterDeliveredOrReturnedOrWithoutANumber)
{
    TrackedShipment delivered = shipment(1, Start - 5 * Day);
    delivered.status = TrackingStatus::Delivered;
    TrackedShipment returned = shipment(2, Start - 5 * Day);
    returned.status = TrackingStatus::ReturnToSender;
    TrackedShipment numberless = shipment(3, Start);
    numberless.trackingNumber = QStringLiteral("  ");
    for (const TrackedShipment &s : { delivered, returned, numberless }) {
        EXPECT_EQ(policy.interval(s), -1) << s.id;
        EXPECT_FALSE(policy.isDue(s)) << s.id;
    }
    EXPECT_TRUE(policy.due({ delivered, returned, numberless }, -1).isEmpty());
}

TEST_F(TrackingRefreshPolicyTest, LateShipmentsComeFirstAndTheLimitHolds)
{
    const QList<TrackedShipment> all { shipment(1, Start + 10 * Day, Start - 13 * Hour),
        shipment(2, Start - 4 * Day, Start - 2 * Hour), shipment(3, Start + 10 * Day),
        shipment(4, Start + 10 * Day, Start - Hour) };
    const QList<TrackedShipment> due = policy.due(all, -1);
    ASSERT_EQ(due.size(), 3);
    EXPECT_EQ(due.at(0).id, 2); // late
    EXPECT_EQ(due.at(1).id, 3); // never checked
    EXPECT_EQ(due.at(2).id, 1);
    const QList<TrackedShipment> limited = policy.due(all, 2);
    ASSERT_EQ(limited.size(), 2);
    EXPECT_EQ(limited.at(0).id, 2);
    EXPECT_EQ(limited.at(1).id, 3);
    EXPECT_TRUE(policy.due(all, 0).isEmpty());
}

TEST(TrackingRequestBudgetTest, ABurstThenTheDocumentedRate)
{
    TrackingRequestBudget budget({ 3, 0.5 }, 0);
    EXPECT_EQ(budget.available(0), 3);
    EXPECT_TRUE(budget.tryTake(0));
    EXPECT_TRUE(budget.tryTake(0));
    EXPECT_TRUE(budget.tryTake(0));
    EXPECT_FALSE(budget.tryTake(0));
    EXPECT_FALSE(budget.tryTake(1999)); // 0.5 per second: one more after 2 s
    EXPECT_TRUE(budget.tryTake(2000));
    EXPECT_EQ(budget.available(60000), 3); // never more than the burst
}

TEST(TrackingRequestBudgetTest, APauseStopsEverythingUntilItEnds)
{
    TrackingRequestBudget budget({ 5, 5 }, 0);
    budget.pauseUntil(30000);
    budget.pauseUntil(10000); // an earlier end does not shorten it
    EXPECT_TRUE(budget.isPaused(29999));
    EXPECT_EQ(budget.available(29999), 0);
    EXPECT_FALSE(budget.tryTake(29999));
    EXPECT_TRUE(budget.tryTake(30000));
}

TEST(TrackingRequestBudgetTest, ProvidersHaveTheirDocumentedLimits)
{
    EXPECT_DOUBLE_EQ(TrackingRequestBudget::documentedLimits(QStringLiteral("aftership")).perSecond, 10.0);
    EXPECT_DOUBLE_EQ(TrackingRequestBudget::documentedLimits(QStringLiteral("shippo")).perSecond, 500.0 / 60.0);
    EXPECT_GT(TrackingRequestBudget::documentedLimits(QStringLiteral("easypost")).burst, 0.0);
}

TEST(TrackingProviderApiTest, EachProviderHasItsOwnPath)
{
    const auto easyPost = TrackingProviderApi::request(QStringLiteral("easypost"), {}, QStringLiteral("EZ1000000001"));
    EXPECT_EQ(easyPost.path, QStringLiteral("/v2/trackers"));
    EXPECT_EQ(easyPost.query.queryItemValue(QStringLiteral("tracking_code")), QStringLiteral("EZ1000000001"));
    EXPECT_EQ(TrackingProviderApi::request(
                  QStringLiteral("aftership"), QStringLiteral("canada_post"), QStringLiteral("7023210039414604"))
                  .path,
        QStringLiteral("/v4/trackings/canada-post/7023210039414604"));
    EXPECT_EQ(
        TrackingProviderApi::request(QStringLiteral("shippo"), QStringLiteral("dhl"), QStringLiteral("1234567890"))
            .path,
        QStringLiteral("/tracks/dhl_express/1234567890"));
    EXPECT_TRUE(TrackingProviderApi::request(QStringLiteral("shippo"), QStringLiteral("pigeon"), QStringLiteral("1"))
                    .path.isEmpty());
    const auto headers = TrackingProviderApi::authHeaders(QStringLiteral("easypost"), QStringLiteral("EZAK123"));
    ASSERT_EQ(headers.size(), 1);
    EXPECT_EQ(headers.at(0).second, QByteArray("Basic ") + QByteArray("EZAK123:").toBase64());
}

} // namespace
