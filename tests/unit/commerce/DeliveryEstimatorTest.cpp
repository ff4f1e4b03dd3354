// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery estimates from the workspace's own history: fallbacks for small groups, the reason people read, the
// stored estimates and lateness, and the accuracy on a generated history whose last 20 % (by ship date) is held
// back from training.
#include "TestWorkspace.h"
#include "commerce/DeliveryEstimator.h"
#include "commerce/TrackingUpdate.h"
#include "commerce/TransitTimeModel.h"
#include "domain/Shipment.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TrackingRepository.h"
#include "storage/TransactionGuard.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <random>
#include <vector>

using namespace waybill;
using commerce::DeliveryEstimator;
using commerce::TransitEstimate;
using commerce::TransitTimeModel;
using storage::SqlQuery;

namespace {

constexpr qint64 Day = 86400;
constexpr qint64 Start = 1740000000;

struct Lane {
    const char *carrier;
    const char *service;
    const char *region;
    double baseDays; ///< the fastest usual transit
    double spreadDays; ///< mean of the exponential delay on top
};

// Transit differs by carrier, service and region, as it does in life.
constexpr Lane Lanes[] = {
    { "ups", "Ground", "US East", 2.0, 1.0 },
    { "ups", "Ground", "US West", 4.0, 1.2 },
    { "ups", "Ground", "Western Europe", 6.0, 2.0 },
    { "ups", "Next Day Air", "US East", 1.0, 0.2 },
    { "usps", "Priority Mail", "US East", 2.0, 0.8 },
    { "usps", "Priority Mail", "US West", 3.0, 1.5 },
    { "usps", "First-Class", "US Central", 3.0, 2.0 },
    { "fedex", "Home Delivery", "US Central", 2.5, 0.7 },
    { "fedex", "Home Delivery", "US West", 3.5, 1.0 },
    { "dhl", "Express", "Western Europe", 2.0, 0.6 },
    { "dhl", "Express", "Asia Pacific", 3.0, 1.5 },
    { "dhl", "Paket", "Western Europe", 4.0, 2.5 },
};

struct Delivery {
    int lane;
    qint64 shippedAt;
    qint64 deliveredAt;
};

/// A deterministic history: mt19937 is specified by the standard, the transforms below are ours (the standard
/// distributions differ between libraries).
std::vector<Delivery> generateHistory(int count)
{
    std::mt19937 engine(20260);
    const auto uniform = [&engine] { return (static_cast<double>(engine()) + 0.5) / 4294967296.0; };
    std::vector<Delivery> history;
    history.reserve(static_cast<std::size_t>(count));
    constexpr int LaneCount = static_cast<int>(std::size(Lanes));
    for (int i = 0; i < count; ++i) {
        // Busier lanes first: the square skews towards the low indices, leaving some lanes thin.
        const int lane = std::min(LaneCount - 1, static_cast<int>(uniform() * uniform() * LaneCount));
        const qint64 shipped = Start + static_cast<qint64>(uniform() * 365.0 * Day);
        const double days = Lanes[lane].baseDays - Lanes[lane].spreadDays * std::log(uniform()) + 0.3 * uniform();
        history.push_back({ lane, shipped, shipped + static_cast<qint64>(days * Day) });
    }
    std::sort(
        history.begin(), history.end(), [](const Delivery &a, const Delivery &b) { return a.shippedAt < b.shippedAt; });
    return history;
}

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

qint64 insertOrder(const storage::Database &db)
{
    SqlQuery q(db, QStringLiteral("INSERT INTO orders (source, number, placed_at, currency) VALUES (?, ?, ?, ?)"));
    q.bind(QStringLiteral("test")).bind(QStringLiteral("1001")).bind(Start).bind(QStringLiteral("USD")).exec();
    return q.lastInsertId();
}

void insertHistory(const storage::Database &db, qint64 orderId, const std::vector<Delivery> &history)
{
    storage::TransactionGuard guard(db);
    SqlQuery q(db,
        QStringLiteral("INSERT INTO shipments (order_id, carrier, service, tracking_number, status, "
                       "shipped_at, delivered_at, updated_at, destination_region) "
                       "VALUES (?, ?, ?, ?, 'delivered', ?, ?, ?, ?)"));
    for (const Delivery &d : history) {
        const Lane &lane = Lanes[d.lane];
        q.bind(orderId)
            .bind(latin(lane.carrier))
            .bind(latin(lane.service))
            .bind(QStringLiteral("1Z"))
            .bind(d.shippedAt)
            .bind(d.deliveredAt)
            .bind(d.deliveredAt)
            .bind(latin(lane.region))
            .exec();
    }
    guard.commit();
}

} // namespace

TEST(TransitTimeModelTest, SmallGroupsFallBackToTheCarrierServiceThenCarrierThenAll)
{
    TransitTimeModel model(3);
    for (int i = 0; i < 3; ++i) {
        model.addDelivery(QStringLiteral("ups"), QStringLiteral("Ground"), QStringLiteral("US East"), 2 + i);
    }
    model.addDelivery(QStringLiteral("ups"), QStringLiteral("Ground"), QStringLiteral("US West"), 9);
    model.addDelivery(QStringLiteral("dhl"), QStringLiteral("Express"), QStringLiteral("Asia Pacific"), 1);
    model.addDelivery(QStringLiteral("dhl"), QStringLiteral("Paket"), QStringLiteral("Asia Pacific"), 1);
    model.finish();

    const TransitEstimate east
        = model.estimate(QStringLiteral("ups"), QStringLiteral("Ground"), QStringLiteral("US East"));
    EXPECT_EQ(east.level, TransitEstimate::Level::CarrierServiceRegion);
    EXPECT_EQ(east.samples, 3);
    EXPECT_DOUBLE_EQ(east.p50Days, 3);
    EXPECT_DOUBLE_EQ(east.p90Days, 4);

    const TransitEstimate west
        = model.estimate(QStringLiteral("ups"), QStringLiteral("Ground"), QStringLiteral("US West"));
    EXPECT_EQ(west.level, TransitEstimate::Level::CarrierService);
    EXPECT_EQ(west.samples, 4);

    const TransitEstimate dhl = model.estimate(QStringLiteral("dhl"), QStringLiteral("Express"), QString());
    EXPECT_EQ(dhl.level, TransitEstimate::Level::All);
    EXPECT_EQ(dhl.samples, 6);

    EXPECT_FALSE(TransitTimeModel().estimate(QStringLiteral("ups"), QString(), QString()).isKnown());
}

TEST(DeliveryEstimatorTest, TheCarriersDateWinsElseTheHistoryWithAReason)
{
    TransitTimeModel model(2);
    for (const double days : { 3.0, 4.0, 5.0, 3.0, 4.0 }) {
        model.addDelivery(QStringLiteral("ups"), QStringLiteral("Ground"), QStringLiteral("Western Europe"), days);
    }
    model.finish();
    const DeliveryEstimator estimator(model);

    domain::Shipment shipment;
    shipment.carrier = QStringLiteral("ups");
    shipment.service = QStringLiteral("Ground");
    shipment.shippedAt = Start;
    shipment.expectedAt = Start + 2 * Day;

    const auto carrier = estimator.estimate(shipment, QStringLiteral("Western Europe"), true);
    EXPECT_TRUE(carrier.fromCarrier);
    EXPECT_EQ(carrier.expectedAt, Start + 2 * Day);
    EXPECT_EQ(carrier.lateAfter, Start + 2 * Day);

    const auto learned = estimator.estimate(shipment, QStringLiteral("Western Europe"), false);
    EXPECT_FALSE(learned.fromCarrier);
    EXPECT_EQ(learned.expectedAt, Start + 4 * Day);
    EXPECT_EQ(learned.lateAfter, Start + 5 * Day);
    EXPECT_EQ(learned.reason, QStringLiteral("usually 4–5 days with UPS Ground to Western Europe, from 5 deliveries"));
    EXPECT_FALSE(learned.isLate(Start + 5 * Day - 1, false));
    EXPECT_TRUE(learned.isLate(Start + 5 * Day + 1, false));
    EXPECT_FALSE(learned.isLate(Start + 9 * Day, true));
}

TEST(DeliveryEstimatorTest, RefreshStoresEstimatesWhereTheCarrierGaveNoneAndLatenessUsesTheP90)
{
    waybill::testing::TestWorkspace workspace;
    const storage::Database &db = workspace.db();
    const qint64 orderId = insertOrder(db);
    insertHistory(db, orderId, generateHistory(2000));

    const storage::OrderRepository orders(db);
    const qint64 now = Start + 400 * Day;
    domain::Shipment open;
    open.orderId = orderId;
    open.carrier = QStringLiteral("ups");
    open.service = QStringLiteral("Ground");
    open.trackingNumber = QStringLiteral("1ZOPEN");
    open.status = domain::TrackingStatus::InTransit;
    open.shippedAt = now - 3 * Day;
    open.destinationRegion = QStringLiteral("US East");
    const qint64 openId = orders.insertShipment(open);

    domain::Shipment dated = open;
    dated.trackingNumber = QStringLiteral("1ZDATED");
    dated.expectedAt = now + Day;
    const qint64 datedId = orders.insertShipment(dated);

    EXPECT_EQ(DeliveryEstimator::refresh(db), 2);
    EXPECT_EQ(DeliveryEstimator::refresh(db), 0) << "a second refresh changes nothing";

    SqlQuery q(db,
        QStringLiteral("SELECT id, expected_at, late_after, expected_estimated FROM shipments "
                       "WHERE id IN (?, ?) ORDER BY id"));
    q.bind(openId).bind(datedId).exec();
    ASSERT_TRUE(q.next());
    const qint64 expected = q.int64(1);
    const qint64 lateAfter = q.int64(2);
    EXPECT_EQ(q.int64(3), 1);
    EXPECT_GT(expected, open.shippedAt + 2 * Day);
    EXPECT_GT(lateAfter, expected);
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.int64(1), now + Day);
    EXPECT_EQ(q.int64(2), now + Day);
    EXPECT_EQ(q.int64(3), 0);
    q.finish();

    const QList<domain::Shipment> stored = orders.shipments(orderId);
    const auto it = std::find_if(stored.begin(), stored.end(), [&](const auto &s) { return s.id == openId; });
    ASSERT_NE(it, stored.end());
    EXPECT_TRUE(it->expectedEstimated);
    EXPECT_EQ(it->lateAfter, lateAfter);
    EXPECT_FALSE(it->isLate(expected + 1)) << "past p50 is not late yet";
    EXPECT_TRUE(it->isLate(lateAfter + 1));

    // The carrier's own date, when it comes, replaces the estimate.
    commerce::TrackingUpdate update;
    update.provider = QStringLiteral("easypost");
    update.carrier = QStringLiteral("ups");
    update.trackingNumber = open.trackingNumber;
    update.status = domain::TrackingStatus::InTransit;
    update.expectedAt = now + 2 * Day;
    storage::TrackingRepository(db).apply(openId, update, now);
    SqlQuery after(
        db, QStringLiteral("SELECT expected_at, late_after, expected_estimated FROM shipments WHERE id = ?"));
    after.bind(openId).exec();
    ASSERT_TRUE(after.next());
    EXPECT_EQ(after.int64(0), now + 2 * Day);
    EXPECT_TRUE(after.value(1).isNull());
    EXPECT_EQ(after.int64(2), 0);
    after.finish();
    EXPECT_EQ(DeliveryEstimator::refresh(db), 1) << "late_after follows the carrier's date";
}

TEST(DeliveryEstimatorTest, AccuracyOnTheLastFifthOfAGeneratedHistory)
{
    constexpr int Count = 100000;
    const std::vector<Delivery> history = generateHistory(Count);
    const auto split = static_cast<std::size_t>(Count * 0.8);

    waybill::testing::TestWorkspace workspace;
    const storage::Database &db = workspace.db();
    insertHistory(db, insertOrder(db), history);

    QElapsedTimer timer;
    timer.start();
    const TransitTimeModel full = TransitTimeModel::fromDatabase(db);
    const qint64 fullMs = timer.elapsed();
    EXPECT_EQ(full.deliveries(), Count);

    const TransitTimeModel model = TransitTimeModel::fromDatabase(db, history[split].shippedAt);
    EXPECT_EQ(static_cast<std::size_t>(model.deliveries()), split);

    double absoluteError = 0;
    int afterP90 = 0;
    int tested = 0;
    for (std::size_t i = split; i < history.size(); ++i) {
        const Delivery &d = history[i];
        const Lane &lane = Lanes[d.lane];
        const TransitEstimate estimate = model.estimate(latin(lane.carrier), latin(lane.service), latin(lane.region));
        ASSERT_TRUE(estimate.isKnown());
        const double actual = static_cast<double>(d.deliveredAt - d.shippedAt) / Day;
        absoluteError += std::abs(actual - estimate.p50Days);
        afterP90 += actual > estimate.p90Days ? 1 : 0;
        ++tested;
    }
    const double mae = absoluteError / tested;
    const double lateShare = static_cast<double>(afterP90) / tested;
    std::printf("trained on %zu, tested on %d deliveries: MAE of p50 %.2f days, delivered after p90 %.1f %%; "
                "model from %d shipments in %lld ms\n",
        split, tested, mae, 100.0 * lateShare, Count, static_cast<long long>(fullMs));
    EXPECT_LT(mae, 1.5);
    EXPECT_GT(lateShare, 0.05);
    EXPECT_LT(lateShare, 0.20);

    // The held-back fifth as parcels still on their way: one refresh stores an estimate on each.
    SqlQuery reopen(db,
        QStringLiteral("UPDATE shipments SET delivered_at = NULL, status = 'in_transit' "
                       "WHERE shipped_at >= ?"));
    reopen.bind(history[split].shippedAt).exec();
    timer.restart();
    const int refreshed = DeliveryEstimator::refresh(db);
    std::printf(
        "refresh: %d undelivered shipments estimated in %lld ms\n", refreshed, static_cast<long long>(timer.elapsed()));
    EXPECT_EQ(static_cast<std::size_t>(refreshed), history.size() - split);
}
