// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Amazon buyer-message rules checked before sending: external links, contact details and review requests are
// warned about; Amazon links, order numbers, tracking numbers and plain text are fine.
#include "text/MarketplaceRules.h"

#include <gtest/gtest.h>

using waybill::text::MarketplaceRules;

TEST(MarketplaceRulesTest, PlainTextAndAmazonLinksAreFine)
{
    EXPECT_TRUE(MarketplaceRules::amazonWarnings(QString()).isEmpty());
    EXPECT_TRUE(MarketplaceRules::amazonWarnings(
        QStringLiteral("Hi Olivia, your parcel left our warehouse today. Thank you for your patience!"))
                    .isEmpty());
    EXPECT_TRUE(MarketplaceRules::amazonWarnings(
        QStringLiteral("You can start a return here: https://www.amazon.com/gp/orc/returns/homepage.html"))
                    .isEmpty());
    EXPECT_TRUE(MarketplaceRules::amazonWarnings(QString::fromUtf8("ご注文ありがとうございます。")).isEmpty());
}

TEST(MarketplaceRulesTest, OrderAndTrackingNumbersAreNotPhoneNumbers)
{
    for (const QString &body : { QStringLiteral("Your order 123-1234567-1234567 has shipped."),
             QStringLiteral("UPS tracking: 1Z999AA10123456784"), QStringLiteral("USPS tracking 9400111899223197428490"),
             QStringLiteral("Japan Post EJ123456785JP"), QStringLiteral("We refunded $1,234.56 on 2026-03-02.") }) {
        EXPECT_TRUE(MarketplaceRules::amazonWarnings(body).isEmpty()) << body.toStdString();
    }
}

TEST(MarketplaceRulesTest, ExternalLinksAreWarned)
{
    for (const QString &body : { QStringLiteral("See https://myshop.example/track"),
             QStringLiteral("Visit www.myshop.example for a discount"), QStringLiteral("HTTP://SHOP.EXAMPLE") }) {
        const QStringList warnings = MarketplaceRules::amazonWarnings(body);
        ASSERT_EQ(warnings.size(), 1) << body.toStdString();
        EXPECT_TRUE(warnings.first().contains(QStringLiteral("links"))) << body.toStdString();
    }
}

TEST(MarketplaceRulesTest, ContactDetailsAreWarned)
{
    for (const QString &body : { QStringLiteral("Write to help@myshop.example"),
             QStringLiteral("Call +1 (555) 012-3456"), QStringLiteral("or ring 0555 0123 456 today") }) {
        const QStringList warnings = MarketplaceRules::amazonWarnings(body);
        ASSERT_EQ(warnings.size(), 1) << body.toStdString();
        EXPECT_TRUE(warnings.first().contains(QStringLiteral("phone numbers"))) << body.toStdString();
    }
}

TEST(MarketplaceRulesTest, ReviewRequestsAreWarned)
{
    for (const QString &body :
        { QStringLiteral("Please leave us a positive review!"), QStringLiteral("A 5-star rating would mean a lot"),
            QStringLiteral("Could you remove your feedback now that it's fixed?") }) {
        const QStringList warnings = MarketplaceRules::amazonWarnings(body);
        ASSERT_EQ(warnings.size(), 1) << body.toStdString();
        EXPECT_TRUE(warnings.first().contains(QStringLiteral("review"))) << body.toStdString();
    }
    // Everything at once gives one warning of each kind.
    EXPECT_EQ(MarketplaceRules::amazonWarnings(
                  QStringLiteral("Leave a good review at https://reviews.example or mail me at a@b.example"))
                  .size(),
        3);
}

TEST(MarketplaceRulesTest, OnlyAmazonHostsCountAsAmazonLinks)
{
    for (const QString &body :
        { QStringLiteral("See https://notamazon.com/deal"), QStringLiteral("See https://shop.example/?ref=amazon.com"),
            QStringLiteral("See www.amazon.com.evil.example/x") }) {
        EXPECT_EQ(MarketplaceRules::amazonWarnings(body).size(), 1) << body.toStdString();
    }
    for (const QString &body :
        { QStringLiteral("Your order page: https://www.amazon.co.jp/gp/your-account/order-history"),
            QStringLiteral("https://sellercentral.amazon.de/help") }) {
        EXPECT_TRUE(MarketplaceRules::amazonWarnings(body).isEmpty()) << body.toStdString();
    }
}
