// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The late-shipments list: which undelivered shipments are at risk (late, stale, in exception), in what order
// (commerce::ShipmentRisk's score), and what each row carries (order, customer, last event, conversation).
#include "TestWorkspace.h"
#include "commerce/ShipmentRisk.h"
#include "domain/ConversationSummary.h"
#include "domain/Message.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/LateShipmentQuery.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"

#include <gtest/gtest.h>

using namespace waybill;
using commerce::ShipmentRisk;
using domain::TrackingStatus;

namespace {

constexpr qint64 Now = 1772000000;
constexpr qint64 Day = 86400;

class LateShipmentQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        domain::Customer customer;
        customer.name = QStringLiteral("Olivia Harper");
        customer.createdAt = Now - 100 * Day;
        customerId = storage::CustomerRepository(db()).insert(customer);
    }

    const storage::Database &db() { return workspace.db(); }

    /// An order of `totalCents` with one shipment; returns the shipment id.
    qint64 ship(const QString &number, qint64 totalCents, TrackingStatus status, qint64 expectedAt, qint64 lateAfter,
        qint64 lastScanAt, qint64 deliveredAt = 0)
    {
        const storage::OrderRepository orders(db());
        domain::Order order;
        order.source = QStringLiteral("shopify");
        order.number = number;
        order.customerId = customerId;
        order.placedAt = Now - 20 * Day;
        order.currency = QStringLiteral("USD");
        order.totalCents = totalCents;
        order.status = QStringLiteral("paid");
        const qint64 orderId = orders.insert(order);
        orderIds.insert(number, orderId);
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z") + number;
        shipment.status = status;
        shipment.shippedAt = Now - 15 * Day;
        shipment.expectedAt = expectedAt;
        shipment.lateAfter = lateAfter;
        shipment.deliveredAt = deliveredAt;
        if (lastScanAt > 0) {
            shipment.events.append(
                { 0, lastScanAt, status, QStringLiteral("Louisville, KY"), QStringLiteral("Arrived at facility") });
        }
        return orders.insertShipment(shipment);
    }

    /// A conversation about order `number`; with `inbound`, the customer wrote in it.
    qint64 converse(const QString &number, bool inbound)
    {
        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = QStringLiteral("Where is %1?").arg(number);
        c.customerId = customerId;
        c.orderId = orderIds.value(number);
        c.createdAt = Now - Day;
        c.lastActivity = Now - Day;
        const qint64 id = storage::ConversationRepository(db()).insert(c);
        domain::Message message;
        message.conversationId = id;
        message.direction = inbound ? domain::Message::Direction::Inbound : domain::Message::Direction::Note;
        message.bodyText = QStringLiteral("Hello");
        message.createdAt = Now - Day;
        storage::MessageRepository(db()).insert(message);
        return id;
    }

    waybill::testing::TestWorkspace workspace;
    qint64 customerId = 0;
    QHash<QString, qint64> orderIds;
};

TEST(ShipmentRiskTest, ScoreAddsTheDocumentedPoints)
{
    ShipmentRisk risk;
    risk.status = TrackingStatus::InTransit;
    risk.shippedAt = Now - 10 * Day;
    risk.expectedAt = Now - 4 * Day;
    risk.lateAfter = Now - 2 * Day - 3600; // two whole days late
    risk.lastScanAt = Now - Day; // scanned yesterday: not stale
    risk.orderTotalCents = 12'345; // 12 points
    EXPECT_EQ(risk.score(Now, 3), 20 + 12);
    risk.customerWrote = true;
    EXPECT_EQ(risk.score(Now, 3), 20 + 12 + 30);
    risk.lastScanAt = Now - 5 * Day; // no scan for five days, past p50: stale
    EXPECT_EQ(risk.score(Now, 3), 20 + 12 + 30 + 15);
    risk.lateAfter = Now - 30 * Day; // days past p90 are capped
    risk.orderTotalCents = 1'000'000; // and so is the order's value
    EXPECT_EQ(risk.score(Now, 3), 100 + 30 + 30 + 15);

    ShipmentRisk exception;
    exception.status = TrackingStatus::Exception;
    exception.expectedAt = Now + 2 * Day; // not late yet
    exception.lastScanAt = Now - 3600;
    EXPECT_EQ(exception.score(Now, 3), 40);
    exception.status = TrackingStatus::FailedAttempt;
    EXPECT_EQ(exception.score(Now, 3), 25);
    exception.status = TrackingStatus::InTransit;
    EXPECT_EQ(exception.score(Now, 3), 0) << "on time, moving, no exception: not at risk";
    EXPECT_FALSE(exception.isAtRisk(Now, 3));
}

TEST_F(LateShipmentQueryTest, ListsOnlyShipmentsAtRiskMostUrgentFirst)
{
    const qint64 onTime = ship(QStringLiteral("1001"), 5000, TrackingStatus::InTransit, Now + Day, Now + 3 * Day, Now);
    const qint64 delivered = ship(QStringLiteral("1002"), 5000, TrackingStatus::Delivered, Now - 5 * Day, Now - 3 * Day,
        Now - 4 * Day, Now - 4 * Day);
    const qint64 late = ship(QStringLiteral("1003"), 5000, TrackingStatus::InTransit, Now - 5 * Day, Now - 3 * Day,
        Now - Day); // 30 + 5
    const qint64 lateAndWrote = ship(QStringLiteral("1004"), 5000, TrackingStatus::InTransit, Now - 5 * Day,
        Now - 3 * Day, Now - Day); // 30 + 5 + 30
    const qint64 exception = ship(
        QStringLiteral("1005"), 2000, TrackingStatus::Exception, Now + 2 * Day, Now + 4 * Day, Now - 3600); // 40 + 2
    const qint64 stale = ship(QStringLiteral("1006"), 0, TrackingStatus::InTransit, Now - Day, Now + Day,
        Now - 6 * Day); // 15
    const qint64 noteOnly = converse(QStringLiteral("1003"), false);
    const qint64 wrote = converse(QStringLiteral("1004"), true);

    const auto rows = storage::LateShipmentQuery(db()).list(Now, ShipmentRisk::DefaultStaleDays, 100);
    QList<qint64> ids;
    for (const auto &row : rows) {
        ids << row.shipmentId;
    }
    EXPECT_EQ(ids, (QList<qint64> { lateAndWrote, exception, late, stale }));
    EXPECT_FALSE(ids.contains(onTime));
    EXPECT_FALSE(ids.contains(delivered));
    ASSERT_EQ(rows.size(), 4);
    EXPECT_EQ(rows.at(0).riskScore, 65);
    EXPECT_TRUE(rows.at(0).customerWrote);
    EXPECT_EQ(rows.at(0).conversationId, wrote);
    EXPECT_EQ(rows.at(0).orderNumber, QStringLiteral("1004"));
    EXPECT_EQ(rows.at(0).customerName, QStringLiteral("Olivia Harper"));
    EXPECT_EQ(rows.at(0).lastEvent, QStringLiteral("Arrived at facility"));
    EXPECT_EQ(rows.at(0).lastEventAt, Now - Day);
    EXPECT_EQ(rows.at(0).expectedAt, Now - 5 * Day);
    EXPECT_EQ(rows.at(1).riskScore, 42);
    EXPECT_EQ(rows.at(2).riskScore, 35);
    EXPECT_FALSE(rows.at(2).customerWrote) << "an internal note is not the customer writing";
    EXPECT_EQ(rows.at(2).conversationId, noteOnly);
    EXPECT_EQ(rows.at(3).riskScore, 15);
    EXPECT_EQ(rows.at(3).conversationId, 0);

    EXPECT_EQ(storage::LateShipmentQuery(db()).list(Now, ShipmentRisk::DefaultStaleDays, 2).size(), 2);
    EXPECT_EQ(storage::LateShipmentQuery(db()).count(Now, ShipmentRisk::DefaultStaleDays), 4);
    EXPECT_EQ(storage::LateShipmentQuery(db()).count(Now, 7), 3) << "six days without a scan is not stale at 7";
}

} // namespace
