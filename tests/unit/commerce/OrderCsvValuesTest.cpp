// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Dates and amounts as shops and marketplaces write them.
#include "commerce/OrderCsvValues.h"

#include <QDateTime>

#include <gtest/gtest.h>

using waybill::commerce::OrderCsvValues;

namespace {

qint64 iso(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

TEST(OrderCsvValuesTest, ParsesTheExportsDateFormats)
{
    EXPECT_EQ(OrderCsvValues::parseTime(u"2026-03-15 10:22:31 -0400"), iso("2026-03-15T10:22:31-04:00"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"2026-03-15T10:22:31+00:00"), iso("2026-03-15T10:22:31Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"2026-03-15T10:22:31.250Z"), iso("2026-03-15T10:22:31Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"2026-03-15 10:22"), iso("2026-03-15T10:22:00Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"2026-03-15"), iso("2026-03-15T00:00:00Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"Mar-15-26"), iso("2026-03-15T00:00:00Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"Mar 15, 2026"), iso("2026-03-15T00:00:00Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"3/15/2026 2:05 PM"), iso("2026-03-15T14:05:00Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"15.03.2026"), iso("2026-03-15T00:00:00Z"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"Mar-15-26 10:00:00 PDT"), iso("2026-03-15T10:00:00-07:00"));
    EXPECT_EQ(OrderCsvValues::parseTime(u"2024-02-29"), iso("2024-02-29T00:00:00Z"));
}

TEST(OrderCsvValuesTest, RejectsWhatIsNotADate)
{
    for (const char16_t *text : { u"", u"tomorrow", u"2026-02-30", u"2025-02-29", u"2026-13-01", u"2026-03-15 25:00",
             u"2026-03-15 10:00 banana", u"15/15/2026", u"12345" }) {
        EXPECT_FALSE(OrderCsvValues::parseTime(text).has_value()) << QString::fromUtf16(text).toStdString();
    }
}

TEST(OrderCsvValuesTest, ParsesAmountsWithSymbolsAndSeparators)
{
    QString currency;
    EXPECT_EQ(OrderCsvValues::parseMoney(u"12.99"), 1299);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"12"), 1200);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"12.5"), 1250);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"0.0"), 0);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"$1,234.50", &currency), 123450);
    EXPECT_EQ(currency, QStringLiteral("USD"));
    EXPECT_EQ(OrderCsvValues::parseMoney(u"1.234,50 €", &currency), 123450);
    EXPECT_EQ(currency, QStringLiteral("EUR"));
    EXPECT_EQ(OrderCsvValues::parseMoney(u"£7.10", &currency), 710);
    EXPECT_EQ(currency, QStringLiteral("GBP"));
    EXPECT_EQ(OrderCsvValues::parseMoney(u"12,50"), 1250);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"-5.00"), -500);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"(5.00)"), -500);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"USD 19.99", &currency), 1999);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"4800"), 480000);
    EXPECT_EQ(OrderCsvValues::parseMoney(u"1.005"), 101) << "rounded half up to cents";
}

TEST(OrderCsvValuesTest, RejectsWhatIsNotAnAmount)
{
    for (const char16_t *text : { u"thirty", u"$", u"12a34", u"1-2", u"--" }) {
        EXPECT_FALSE(OrderCsvValues::parseMoney(text).has_value()) << QString::fromUtf16(text).toStdString();
    }
}

TEST(OrderCsvValuesTest, Quantities)
{
    EXPECT_EQ(OrderCsvValues::parseQuantity(u"3"), 3);
    EXPECT_EQ(OrderCsvValues::parseQuantity(u" 2.0 "), 2);
    EXPECT_FALSE(OrderCsvValues::parseQuantity(u"-1").has_value());
    EXPECT_FALSE(OrderCsvValues::parseQuantity(u"1.5").has_value());
    EXPECT_FALSE(OrderCsvValues::parseQuantity(u"two").has_value());
}
