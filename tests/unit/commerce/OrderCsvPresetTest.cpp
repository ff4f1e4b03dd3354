// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Each preset on a small export shaped like the real one (tests/data/orders), read without a database.
#include "commerce/OrderColumnMapping.h"
#include "commerce/OrderCsvReader.h"

#include <QDateTime>
#include <QFile>

#include <gtest/gtest.h>

using namespace waybill::commerce;

namespace {

struct ReadResult {
    QList<ImportedOrder> orders;
    QList<OrderCsvReader::Problem> problems;
    QString error;
};

ReadResult readFile(const QString &name, const OrderColumnMapping &mapping)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/orders/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    OrderCsvReader reader(file, mapping);
    ReadResult result;
    if (!reader.start()) {
        result.error = reader.error();
        return result;
    }
    ImportedOrder order;
    while (reader.next(order)) {
        result.orders.append(order);
    }
    result.problems = reader.takeProblems();
    return result;
}

qint64 iso(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

TEST(OrderCsvPresetTest, ShopifyMergesTheRowsOfAnOrder)
{
    const ReadResult r = readFile(QStringLiteral("shopify_orders_export.csv"), OrderColumnMapping::shopify());
    ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    EXPECT_TRUE(r.problems.isEmpty());
    ASSERT_EQ(r.orders.size(), 4);
    const ImportedOrder &first = r.orders.at(0);
    EXPECT_EQ(first.order.source, QStringLiteral("shopify"));
    EXPECT_EQ(first.order.number, QStringLiteral("#1001"));
    EXPECT_EQ(first.order.placedAt, iso("2026-03-15T10:22:31-04:00"));
    EXPECT_EQ(first.order.status, QStringLiteral("paid"));
    EXPECT_EQ(first.order.currency, QStringLiteral("USD"));
    EXPECT_EQ(first.order.subtotalCents, 4700);
    EXPECT_EQ(first.order.shippingCents, 600);
    EXPECT_EQ(first.order.taxCents, 329);
    EXPECT_EQ(first.order.totalCents, 5629);
    EXPECT_EQ(first.customerEmail, QStringLiteral("ada.lovelace@example.com"));
    EXPECT_EQ(first.customerName, QStringLiteral("Ada Lovelace"));
    ASSERT_EQ(first.order.lines.size(), 2);
    EXPECT_EQ(first.order.lines.at(0).sku, QStringLiteral("FERN-A4"));
    EXPECT_EQ(first.order.lines.at(0).quantity, 2);
    EXPECT_EQ(first.order.lines.at(0).unitPriceCents, 1600);
    EXPECT_EQ(first.order.lines.at(1).title, QStringLiteral("Oak Frame, A4"));
    EXPECT_EQ(first.line, 2);
    EXPECT_TRUE(first.shipments.isEmpty()) << "Shopify's export has no tracking numbers";

    EXPECT_EQ(r.orders.at(1).customerEmail, QStringLiteral("grace.hopper@example.com")) << "e-mail in lower case";
    EXPECT_EQ(r.orders.at(1).order.status, QStringLiteral("partially_refunded"));
    const ImportedOrder &japanese = r.orders.at(3);
    EXPECT_EQ(japanese.order.currency, QStringLiteral("JPY"));
    EXPECT_EQ(japanese.order.totalCents, 560000);
    EXPECT_EQ(japanese.customerName, QString::fromUtf8("村上 春樹"));
    EXPECT_EQ(japanese.order.lines.at(0).title, QString::fromUtf8("和紙ノート"));
}

TEST(OrderCsvPresetTest, AmazonAddsUpItemRowsOfTheTabSeparatedReport)
{
    const ReadResult r = readFile(QStringLiteral("amazon_all_orders.txt"), OrderColumnMapping::amazon());
    ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    EXPECT_TRUE(r.problems.isEmpty());
    ASSERT_EQ(r.orders.size(), 3);
    const ImportedOrder &first = r.orders.at(0);
    EXPECT_EQ(first.order.source, QStringLiteral("amazon"));
    EXPECT_EQ(first.order.number, QStringLiteral("113-4567890-1234567"));
    EXPECT_EQ(first.order.placedAt, iso("2026-03-14T18:02:11Z"));
    EXPECT_EQ(first.order.status, QStringLiteral("shipped"));
    ASSERT_EQ(first.order.lines.size(), 2);
    EXPECT_EQ(first.order.lines.at(0).quantity, 2);
    EXPECT_EQ(first.order.lines.at(0).unitPriceCents, 1999) << "item-price is the line's total";
    EXPECT_EQ(first.order.subtotalCents, 3998 + 650);
    EXPECT_EQ(first.order.taxCents, 320 + 52);
    EXPECT_EQ(first.order.shippingCents, 499);
    EXPECT_EQ(first.order.totalCents, 4648 + 372 + 499);
    EXPECT_TRUE(first.customerEmail.isEmpty()) << "the All Orders report has no buyer e-mail";

    const ImportedOrder &pending = r.orders.at(1);
    EXPECT_EQ(pending.order.status, QStringLiteral("pending"));
    EXPECT_EQ(pending.order.totalCents, 0) << "pending orders have no price yet";
    EXPECT_EQ(r.orders.at(2).order.currency, QStringLiteral("EUR"));
}

TEST(OrderCsvPresetTest, EbayReadsSummaryAndItemRowsAndSkipsTheFooter)
{
    const ReadResult r = readFile(QStringLiteral("ebay_orders_report.csv"), OrderColumnMapping::ebay());
    ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    EXPECT_TRUE(r.problems.isEmpty()) << r.problems.value(0).reason.toStdString();
    ASSERT_EQ(r.orders.size(), 2);
    const ImportedOrder &single = r.orders.at(0);
    EXPECT_EQ(single.order.source, QStringLiteral("ebay"));
    EXPECT_EQ(single.order.number, QStringLiteral("12-10481-37552"));
    EXPECT_EQ(single.order.placedAt, iso("2026-03-15T00:00:00Z"));
    EXPECT_EQ(single.order.currency, QStringLiteral("USD")) << "from the $ of the amounts";
    EXPECT_EQ(single.order.totalCents, 4251);
    EXPECT_EQ(single.order.shippingCents, 525);
    EXPECT_EQ(single.order.taxCents, 276);
    ASSERT_EQ(single.order.lines.size(), 1);
    EXPECT_EQ(single.order.lines.at(0).title, QStringLiteral("Vintage Brass Compass, \"Pocket\" size"));
    EXPECT_EQ(single.order.lines.at(0).sku, QStringLiteral("CMP-BRASS"));
    EXPECT_EQ(single.order.lines.at(0).externalId, QStringLiteral("256012345678")) << "the listing's Item Number";
    EXPECT_EQ(single.buyerUserId, QStringLiteral("vintage_fan42"));
    ASSERT_EQ(single.shipments.size(), 1);
    EXPECT_EQ(single.shipments.at(0).trackingNumber, QStringLiteral("1Z999AA10123456784"));
    EXPECT_EQ(single.shipments.at(0).carrier, QStringLiteral("ups")) << "detected from the number";
    EXPECT_EQ(single.shipments.at(0).service, QStringLiteral("UPS Ground"));

    const ImportedOrder &multi = r.orders.at(1);
    EXPECT_EQ(multi.order.number, QStringLiteral("21-10482-11111"));
    ASSERT_EQ(multi.order.lines.size(), 2);
    EXPECT_EQ(multi.order.lines.at(0).quantity, 2);
    EXPECT_EQ(multi.order.lines.at(0).unitPriceCents, 1975);
    EXPECT_EQ(multi.order.totalCents, 7160);
    EXPECT_EQ(multi.order.subtotalCents, 3950 + 2000);
    EXPECT_EQ(multi.customerEmail, QStringLiteral("grace.hopper@example.com"));
    EXPECT_EQ(multi.buyerUserId, QStringLiteral("grace_h"));
    EXPECT_EQ(multi.order.lines.at(0).externalId, QStringLiteral("256087654321"));
    EXPECT_EQ(multi.order.lines.at(1).externalId, QStringLiteral("256011112222"));
    ASSERT_EQ(multi.shipments.size(), 1);
    EXPECT_EQ(multi.shipments.at(0).carrier, QStringLiteral("usps"));
}

TEST(OrderCsvPresetTest, WrongPresetSaysWhichColumnIsMissing)
{
    const ReadResult r = readFile(QStringLiteral("amazon_all_orders.txt"), OrderColumnMapping::shopify());
    EXPECT_TRUE(r.error.contains(QStringLiteral("\"Name\""))) << r.error.toStdString();
}

TEST(OrderCsvPresetTest, CustomMappingReportsBrokenRowsWithLineNumbers)
{
    OrderColumnMapping mapping;
    for (const char *assignment :
        { "number=order_id", "placed_at=date", "email=email", "name=name", "total=total", "currency=currency",
            "sku=sku", "title=title", "quantity=qty", "price=price", "tracking=tracking", "carrier=carrier" }) {
        ASSERT_TRUE(mapping.applyAssignment(QString::fromLatin1(assignment)).isEmpty()) << assignment;
    }
    const ReadResult r = readFile(QStringLiteral("broken_orders.csv"), mapping);
    ASSERT_TRUE(r.error.isEmpty()) << r.error.toStdString();
    ASSERT_EQ(r.orders.size(), 2);
    EXPECT_EQ(r.orders.at(0).order.number, QStringLiteral("A-1"));
    EXPECT_EQ(r.orders.at(1).order.number, QStringLiteral("A-5"));
    EXPECT_EQ(r.orders.at(1).customerName, QStringLiteral("Lee Chan, Jr."));
    EXPECT_EQ(r.orders.at(1).order.lines.at(0).title, QStringLiteral("Cup \"Large\""));
    EXPECT_EQ(r.orders.at(1).shipments.at(0).carrier, QStringLiteral("dhl"));
    ASSERT_EQ(r.problems.size(), 4);
    EXPECT_EQ(r.problems.at(0).line, 3);
    EXPECT_EQ(r.problems.at(0).reason, QStringLiteral("the row has 8 fields where the header has 12"));
    EXPECT_EQ(r.problems.at(1).line, 4);
    EXPECT_EQ(r.problems.at(1).reason, QStringLiteral("the date \"the day after tomorrow\" is not a date"));
    EXPECT_EQ(r.problems.at(2).line, 5);
    EXPECT_EQ(r.problems.at(2).reason, QStringLiteral("\"thirty\" in column \"total\" is not an amount"));
    EXPECT_EQ(r.problems.at(3).line, 7);
    EXPECT_EQ(r.problems.at(3).reason, QStringLiteral("a quoted field is not closed"));
}

TEST(OrderCsvPresetTest, AssignmentsAreChecked)
{
    OrderColumnMapping mapping;
    EXPECT_FALSE(mapping.applyAssignment(QStringLiteral("colour=Colour")).isEmpty());
    EXPECT_FALSE(mapping.applyAssignment(QStringLiteral("number")).isEmpty());
    EXPECT_TRUE(mapping.applyAssignment(QStringLiteral("number=Order ID")).isEmpty());
    EXPECT_EQ(mapping.columns(OrderField::Number), QStringList { QStringLiteral("Order ID") });
    EXPECT_FALSE(OrderColumnMapping::preset(QStringLiteral("etsy")).has_value());
    EXPECT_EQ(OrderColumnMapping::preset(QStringLiteral("Amazon"))->delimiter(), '\t');
}
