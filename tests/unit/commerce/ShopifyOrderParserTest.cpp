// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ShopifyOrderParser on Shopify's recorded payloads and on what goes wrong with them.
#include "commerce/CarrierDirectory.h"
#include "commerce/ShopifyOrderParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

namespace commerce = waybill::commerce;
namespace domain = waybill::domain;
using waybill::commerce::ShopifyOrderParser;

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/orders/shopify-python-api/test/fixtures/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return QJsonDocument::fromJson(file.readAll()).object();
}

TEST(ShopifyOrderParserTest, ReadsTheRecordedOrdersPage)
{
    QString error;
    const auto page = ShopifyOrderParser::parsePage(
        QJsonDocument(fixture(QStringLiteral("orders.json"))), QStringLiteral("shopify:a.myshopify.com"), &error);
    ASSERT_TRUE(page) << error.toStdString();
    ASSERT_EQ(page->size(), 1);
    const commerce::StoreOrder &order = page->at(0);
    EXPECT_EQ(order.order.number, QStringLiteral("#1001"));
    EXPECT_EQ(order.order.totalCents, 59894);
    EXPECT_EQ(order.order.subtotalCents, 59700);
    EXPECT_EQ(order.order.status, QStringLiteral("partially_refunded"));
    EXPECT_EQ(order.email, QStringLiteral("bob.norman@hostmail.com"));
    EXPECT_EQ(order.customerName, QStringLiteral("Bob Norman"));
    EXPECT_EQ(order.updatedAtText, QStringLiteral("2008-01-10T11:00:00-05:00"));
    EXPECT_EQ(order.order.updatedAt, 1199980800);
}

TEST(ShopifyOrderParserTest, FulfillmentWithAnUnknownCompanyKeepsItsName)
{
    QJsonObject order = fixture(QStringLiteral("order.json")).value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("fulfillments"),
        QJsonArray { fixture(QStringLiteral("fulfillment.json")).value(QStringLiteral("fulfillment")) });
    QString error;
    const auto parsed = ShopifyOrderParser::parseOrder(order, QString(), QStringLiteral("order"), &error);
    ASSERT_TRUE(parsed) << error.toStdString();
    ASSERT_EQ(parsed->shipments.size(), 1);
    EXPECT_EQ(parsed->shipments.at(0).carrier, QStringLiteral("null-company"));
    EXPECT_EQ(parsed->shipments.at(0).trackingNumber, QStringLiteral("1Z2345"));
}

TEST(ShopifyOrderParserTest, MoneyIsExactInTheCurrencysMinorUnits)
{
    EXPECT_EQ(ShopifyOrderParser::minorUnits(QStringLiteral("598.94"), QStringLiteral("USD")), 59894);
    EXPECT_EQ(ShopifyOrderParser::minorUnits(QStringLiteral("0.1"), QStringLiteral("EUR")), 10);
    EXPECT_EQ(ShopifyOrderParser::minorUnits(QStringLiteral("12"), QStringLiteral("GBP")), 1200);
    EXPECT_EQ(ShopifyOrderParser::minorUnits(QStringLiteral("1500.00"), QStringLiteral("JPY")), 1500);
    EXPECT_EQ(ShopifyOrderParser::minorUnits(QStringLiteral("1.250"), QStringLiteral("KWD")), 1250);
    EXPECT_EQ(ShopifyOrderParser::minorUnits(QStringLiteral("-3.50"), QStringLiteral("USD")), -350);
    EXPECT_FALSE(ShopifyOrderParser::minorUnits(QStringLiteral("1500.50"), QStringLiteral("JPY")));
    EXPECT_FALSE(ShopifyOrderParser::minorUnits(QStringLiteral("12,50"), QStringLiteral("EUR")));
    EXPECT_FALSE(ShopifyOrderParser::minorUnits(QStringLiteral("1e3"), QStringLiteral("USD")));
    EXPECT_FALSE(ShopifyOrderParser::minorUnits(QString(), QStringLiteral("USD")));
    EXPECT_FALSE(ShopifyOrderParser::minorUnits(QStringLiteral("99999999999999999999"), QStringLiteral("USD")));
}

TEST(ShopifyOrderParserTest, ErrorsNameTheField)
{
    QJsonObject order = fixture(QStringLiteral("order.json")).value(QStringLiteral("order")).toObject();
    QJsonArray lines = order.value(QStringLiteral("line_items")).toArray();
    QJsonObject line = lines.at(2).toObject();
    line.insert(QStringLiteral("quantity"), QStringLiteral("one"));
    lines.replace(2, line);
    order.insert(QStringLiteral("line_items"), lines);
    QString error;
    EXPECT_FALSE(ShopifyOrderParser::parsePage(
        QJsonDocument(QJsonObject { { QStringLiteral("orders"), QJsonArray { order } } }), QString(), &error));
    EXPECT_EQ(error, QStringLiteral("orders[0].line_items[2].quantity is not a number: \"one\""));

    order = fixture(QStringLiteral("order.json")).value(QStringLiteral("order")).toObject();
    order.insert(QStringLiteral("updated_at"), QStringLiteral("yesterday"));
    EXPECT_FALSE(ShopifyOrderParser::parseOrder(order, QString(), QStringLiteral("orders[4]"), &error));
    EXPECT_EQ(error, QStringLiteral("orders[4].updated_at is not a date: \"yesterday\""));

    EXPECT_FALSE(ShopifyOrderParser::parsePage(QJsonDocument(QJsonArray()), QString(), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(ShopifyOrderParserTest, TrackingCompaniesAsStoresWriteThem)
{
    EXPECT_EQ(commerce::CarrierDirectory::fromName(QStringLiteral("UPS")), QStringLiteral("ups"));
    EXPECT_EQ(commerce::CarrierDirectory::fromName(QStringLiteral("FedEx")), QStringLiteral("fedex"));
    EXPECT_EQ(commerce::CarrierDirectory::fromName(QStringLiteral("DHL Express")), QStringLiteral("dhl"));
    EXPECT_EQ(commerce::CarrierDirectory::fromName(QStringLiteral("Japan Post (EN)")), QStringLiteral("japan_post"));
    EXPECT_EQ(commerce::CarrierDirectory::fromName(QStringLiteral("Yamato (JA)")), QStringLiteral("yamato"));
    EXPECT_EQ(commerce::CarrierDirectory::fromName(QStringLiteral("Royal Mail")), QStringLiteral("royal_mail"));
    EXPECT_TRUE(commerce::CarrierDirectory::fromName(QStringLiteral("null-company")).isEmpty());
    EXPECT_EQ(ShopifyOrderParser::trackingStatus(QStringLiteral("in_transit")), domain::TrackingStatus::InTransit);
    EXPECT_EQ(ShopifyOrderParser::trackingStatus(QStringLiteral("delivered")), domain::TrackingStatus::Delivered);
    EXPECT_EQ(ShopifyOrderParser::trackingStatus(QString()), domain::TrackingStatus::Unknown);
}

} // namespace
