// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"
#include "engine/OrderLinker.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"

#include <gtest/gtest.h>

using namespace waybill;
using engine::OrderLinker;

namespace {

constexpr qint64 Now = 1795000000;

class OrderLinkerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        customer = storage::CustomerRepository(ws.db()).insert({ 0, QStringLiteral("Kenta Suzuki"), {}, Now, {} });
        other = storage::CustomerRepository(ws.db()).insert({ 0, QStringLiteral("Liam Hall"), {}, Now, {} });
        amazon = addOrder(QStringLiteral("amazon"), QStringLiteral("113-4567890-1234567"), customer, Now - 86400 * 30);
        ebay = addOrder(QStringLiteral("ebay"), QStringLiteral("12-34567-89012"), customer, Now - 86400 * 20);
        shop = addOrder(QStringLiteral("shopify"), QStringLiteral("#1042"), customer, Now - 86400 * 2);
        othersOrder = addOrder(QStringLiteral("shopify"), QStringLiteral("#2001"), other, Now - 86400);
        domain::Shipment s;
        s.orderId = ebay;
        s.carrier = QStringLiteral("japan_post");
        s.trackingNumber = QStringLiteral("EJ123456785JP");
        storage::OrderRepository(ws.db()).insertShipment(s);
    }

    qint64 addOrder(const QString &source, const QString &number, qint64 customerId, qint64 placedAt)
    {
        domain::Order o;
        o.source = source;
        o.number = number;
        o.customerId = customerId;
        o.placedAt = placedAt;
        o.currency = QStringLiteral("USD");
        return storage::OrderRepository(ws.db()).insert(o);
    }

    waybill::testing::TestWorkspace ws;
    qint64 customer = 0, other = 0, amazon = 0, ebay = 0, shop = 0, othersOrder = 0;
};

TEST_F(OrderLinkerTest, FindsOrderNumbersOfEveryShape)
{
    EXPECT_EQ(OrderLinker::orderNumbers(QStringLiteral("Re: order 113-4567890-1234567 and 12-34567-89012")),
        (QStringList { QStringLiteral("113-4567890-1234567"), QStringLiteral("12-34567-89012") }));
    EXPECT_EQ(
        OrderLinker::orderNumbers(QStringLiteral("Where is order no. 1042?")), QStringList { QStringLiteral("#1042") });
    EXPECT_EQ(
        OrderLinker::orderNumbers(QString::fromUtf8("注文#1042の配送状況")), QStringList { QStringLiteral("#1042") });
    EXPECT_EQ(OrderLinker::orderNumbers(QString::fromUtf8("订单1042延迟")), QStringList { QStringLiteral("#1042") });
    // Phone numbers and long digit runs are not order numbers.
    EXPECT_TRUE(OrderLinker::orderNumbers(QStringLiteral("call 555-0123 or 1234-5678-9012-3456")).isEmpty());
}

TEST_F(OrderLinkerTest, MarketplaceNumberInSubjectWins)
{
    const auto link = OrderLinker(ws.db()).link(
        QStringLiteral("Question about 113-4567890-1234567"), QStringLiteral("and also #1042"), customer, Now);
    EXPECT_EQ(link.orderId, amazon);
    EXPECT_EQ(link.confidence, 99);
    EXPECT_EQ(link.reason, QStringLiteral("Amazon order number 113-4567890-1234567 in the subject"));
}

TEST_F(OrderLinkerTest, ShopNumberOfAnotherCustomerHasLowConfidence)
{
    const auto link = OrderLinker(ws.db()).link(QStringLiteral("Order #2001"), {}, customer, Now);
    EXPECT_EQ(link.orderId, othersOrder);
    EXPECT_LT(link.confidence, 90);
    EXPECT_TRUE(link.reason.contains(QStringLiteral("another customer")));
}

TEST_F(OrderLinkerTest, TrackingNumberLinksItsOrder)
{
    const auto link = OrderLinker(ws.db()).link(
        QStringLiteral("Parcel"), QStringLiteral("Tracking EJ123456785JP is stuck"), customer, Now);
    EXPECT_EQ(link.orderId, ebay);
    EXPECT_TRUE(link.reason.startsWith(QStringLiteral("tracking number EJ123456785JP")));
}

TEST_F(OrderLinkerTest, ANumberTwoStoresShareGoesToTheCustomersOwnOrderThenTheNewest)
{
    const qint64 mine = addOrder(QStringLiteral("etsy"), QStringLiteral("#3001"), customer, Now - 86400 * 40);
    const qint64 newer = addOrder(QStringLiteral("shopify"), QStringLiteral("#3001"), other, Now - 86400);
    EXPECT_EQ(OrderLinker(ws.db()).link(QStringLiteral("Order #3001"), {}, customer, Now).orderId, mine);
    const qint64 third = storage::CustomerRepository(ws.db()).insert({ 0, QStringLiteral("Ana Ruiz"), {}, Now, {} });
    EXPECT_EQ(OrderLinker(ws.db()).link(QStringLiteral("Order #3001"), {}, third, Now).orderId, newer);
}

TEST_F(OrderLinkerTest, TheFirstKnownNumberWinsNamedBeforeBareSubjectBeforeBodyOrdersBeforeParcels)
{
    // Unknown numbers are skipped; the subject's known number beats the body's; an order number beats a
    // tracking number wherever it is.
    const auto candidates = OrderLinker::Candidates::in(
        QStringLiteral("Order #9999 and #1042"), QStringLiteral("Also 12-34567-89012, parcel EJ123456785JP"));
    EXPECT_EQ(candidates.subjectOrders, QStringList { QStringLiteral("#9999") });
    EXPECT_EQ(candidates.bareOrders, QStringList { QStringLiteral("#1042") }); // "#1042" alone: maybe not an order
    EXPECT_EQ(candidates.bodyTracking, QStringList { QStringLiteral("EJ123456785JP") });
    // A named number (the eBay one in the body) beats a bare "#1042", even in the subject.
    EXPECT_EQ(OrderLinker(ws.db()).link(candidates, customer, Now).orderId, ebay);
    const auto parcelOnly = OrderLinker::Candidates::in(
        QStringLiteral("Where is it"), QStringLiteral("order #9999, tracking ej123456785jp"));
    const auto link = OrderLinker(ws.db()).link(parcelOnly, customer, Now);
    EXPECT_EQ(link.orderId, ebay);
    EXPECT_EQ(link.reason, QStringLiteral("tracking number EJ123456785JP in the message"));
}

TEST_F(OrderLinkerTest, ABareNumberOfSomeoneElsesOrderIsOnlyOffered)
{
    // "#2001" is another customer's order; written alone it may be an apartment: offered below the link threshold,
    // and the sender's only recent order comes first.
    const OrderLinker linker(ws.db());
    const auto stranger = linker.link(QStringLiteral("Delivery"), QStringLiteral("I live at apartment #2001."), 0, Now);
    EXPECT_EQ(stranger.orderId, othersOrder);
    EXPECT_LT(stranger.confidence, OrderLinker::AutoLinkConfidence);
    const auto own
        = linker.link(QStringLiteral("Delivery"), QStringLiteral("I live at apartment #2001."), customer, Now);
    EXPECT_EQ(own.orderId, shop);
    EXPECT_EQ(own.confidence, 50); // the customer's most recent of several: offered too
    EXPECT_EQ(linker.link(QStringLiteral("About #1042"), {}, customer, Now).confidence, 99);
    EXPECT_EQ(linker.link(QStringLiteral("Order #2001"), {}, customer, Now).confidence, 70);
}

TEST_F(OrderLinkerTest, StorePrefixesAndSuffixesAndNumbersWithoutAHashAreFound)
{
    const qint64 prefixed = addOrder(QStringLiteral("shopify"), QStringLiteral("#EU1077"), customer, Now - 86400);
    const qint64 suffixed = addOrder(QStringLiteral("shopify"), QStringLiteral("#1088-B"), customer, Now - 86400);
    const qint64 woo = addOrder(QStringLiteral("woocommerce"), QStringLiteral("5512"), customer, Now - 86400);
    EXPECT_EQ(OrderLinker::orderNumbers(QStringLiteral("About order eu1077 and order #1088-B")),
        (QStringList { QStringLiteral("#EU1077"), QStringLiteral("#1088-B") }));
    const OrderLinker linker(ws.db());
    EXPECT_EQ(linker.link(QStringLiteral("Order EU1077"), {}, customer, Now).orderId, prefixed);
    EXPECT_EQ(linker.link(QStringLiteral("Hi"), QStringLiteral("It is #1088-B."), customer, Now).orderId, suffixed);
    const auto wooLink = linker.link(QStringLiteral("Order 5512 is late"), {}, customer, Now);
    EXPECT_EQ(wooLink.orderId, woo);
    EXPECT_EQ(wooLink.confidence, 99);
    // A postcode or a SKU is not an order number.
    EXPECT_TRUE(OrderLinker::orderNumbers(QStringLiteral("Leeds LS1 4AB, SKU MUG-1042")).isEmpty());
}

TEST_F(OrderLinkerTest, FallsBackToTheCustomersMostRecentOrder)
{
    const auto link
        = OrderLinker(ws.db()).link(QStringLiteral("Hello"), QStringLiteral("Where is my parcel?"), customer, Now);
    EXPECT_EQ(link.orderId, shop);
    EXPECT_EQ(link.confidence, 50);
    EXPECT_TRUE(link.reason.contains(QStringLiteral("most recent order")));
    EXPECT_EQ(OrderLinker(ws.db()).link(QStringLiteral("Hello"), {}, 0, Now).orderId, 0);
}

} // namespace
