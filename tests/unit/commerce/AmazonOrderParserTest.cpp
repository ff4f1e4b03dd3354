// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// AmazonOrderParser on the Selling Partner API's sandbox examples (tests/data/third_party/amazon-sp-api-orders).
#include "commerce/AmazonOrderParser.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using waybill::commerce::AmazonOrderParser;

namespace {

QJsonDocument fixture(const QString &name)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-orders/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return QJsonDocument::fromJson(file.readAll());
}

TEST(AmazonOrderParserTest, ReadsTheGetOrdersExample)
{
    QString error;
    const auto page = AmazonOrderParser::parseOrders(
        fixture(QStringLiteral("getOrders.200.json")), QStringLiteral("amazon:ATVPDKIKX0DER"), &error);
    ASSERT_TRUE(page) << error.toStdString();
    ASSERT_EQ(page->orders.size(), 2);
    EXPECT_TRUE(page->nextToken.isEmpty());
    const auto &order = page->orders.at(0).order;
    EXPECT_EQ(order.source, QStringLiteral("amazon"));
    EXPECT_EQ(order.number, QStringLiteral("902-1845936-5435065"));
    EXPECT_EQ(order.status, QStringLiteral("unshipped"));
    EXPECT_EQ(order.currency, QStringLiteral("USD"));
    EXPECT_EQ(order.totalCents, 1101);
    EXPECT_EQ(page->orders.at(0).updatedAtText, QStringLiteral("1970-01-19T03:58:32Z"));
}

TEST(AmazonOrderParserTest, ReadsNextTokenAndAnOrderWithoutTotal)
{
    QString error;
    const auto page = AmazonOrderParser::parseOrders(
        fixture(QStringLiteral("getOrders.200.next-token.json")), QStringLiteral("amazon:ATVPDKIKX0DER"), &error);
    ASSERT_TRUE(page) << error.toStdString();
    EXPECT_EQ(page->nextToken, QStringLiteral("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"));
    ASSERT_EQ(page->orders.size(), 1);
    EXPECT_EQ(page->orders.at(0).order.status, QStringLiteral("pending"));
    EXPECT_TRUE(page->orders.at(0).order.currency.isEmpty());
}

TEST(AmazonOrderParserTest, ReadsTheShippedEuroOrderWithMilliseconds)
{
    // getOrder's second example, as an orders page of one.
    QJsonObject payload { { QStringLiteral("Orders"),
        QJsonArray {
            fixture(QStringLiteral("getOrder.200.shipped.json")).object().value(QStringLiteral("payload")) } } };
    QString error;
    const auto page
        = AmazonOrderParser::parseOrders(QJsonDocument(QJsonObject { { QStringLiteral("payload"), payload } }),
            QStringLiteral("amazon:A1PA6795UKMFR9"), &error);
    ASSERT_TRUE(page) << error.toStdString();
    const auto &order = page->orders.at(0).order;
    EXPECT_EQ(order.status, QStringLiteral("shipped"));
    EXPECT_EQ(order.currency, QStringLiteral("EUR"));
    EXPECT_EQ(order.totalCents, 10000);
    EXPECT_EQ(order.placedAt, QDateTime(QDate(2019, 5, 7), QTime(15, 42, 57), Qt::UTC).toSecsSinceEpoch());
}

TEST(AmazonOrderParserTest, ReadsTheOrderItemsExample)
{
    QString error;
    const auto items = AmazonOrderParser::parseItems(fixture(QStringLiteral("getOrderItems.200.json")), &error);
    ASSERT_TRUE(items) << error.toStdString();
    ASSERT_EQ(items->lines.size(), 1);
    EXPECT_EQ(items->lines.at(0).sku, QStringLiteral("NABetaASINB00551Q3CS"));
    EXPECT_EQ(items->lines.at(0).unitPriceCents, 1000);
    EXPECT_EQ(items->itemsCents, 1000);
    EXPECT_EQ(items->taxCents, 101);
    EXPECT_EQ(items->currency, QStringLiteral("USD"));
}

TEST(AmazonOrderParserTest, AnErrorsAnswerIsRefused)
{
    QString error;
    EXPECT_FALSE(AmazonOrderParser::parseOrders(fixture(QStringLiteral("getOrders.400.json")), QString(), &error));
    EXPECT_EQ(error, QStringLiteral("the answer has no \"payload\""));
}

TEST(AmazonOrderParserTest, StatusKeys)
{
    EXPECT_EQ(AmazonOrderParser::statusKey(QStringLiteral("PartiallyShipped")), QStringLiteral("partially_shipped"));
    EXPECT_EQ(AmazonOrderParser::statusKey(QStringLiteral("Canceled")), QStringLiteral("cancelled"));
    EXPECT_EQ(
        AmazonOrderParser::statusKey(QStringLiteral("InvoiceUnconfirmed")), QStringLiteral("invoice_unconfirmed"));
}

} // namespace
