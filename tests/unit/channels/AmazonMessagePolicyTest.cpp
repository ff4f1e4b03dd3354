// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The check run before a message goes to an Amazon buyer: what it finds, what it leaves alone (order and tracking
// numbers, Amazon's own links, ordinary thanks), and which findings block sending.
#include "channels/marketplace/AmazonMessagePolicy.h"

#include <gtest/gtest.h>

using waybill::channels::marketplace::AmazonMessagePolicy;
using Kind = AmazonMessagePolicy::Finding::Kind;

namespace {

QList<Kind> kinds(const QString &body)
{
    QList<Kind> out;
    for (const AmazonMessagePolicy::Finding &finding : AmazonMessagePolicy::check(body)) {
        out << finding.kind;
    }
    return out;
}

} // namespace

TEST(AmazonMessagePolicyTest, PlainTextAndAmazonLinksAreFine)
{
    for (const QString &body : { QString(), QStringLiteral("Thanks for your order! It left our warehouse today."),
             QStringLiteral("You can track it in Your Orders: https://www.amazon.com/gp/your-account/order-history"),
             QStringLiteral("If anything is wrong with it, reply here and we will sort it out."),
             QStringLiteral("We are sorry the mug arrived broken; a free replacement is on its way."),
             QString::fromUtf8("ご注文ありがとうございます。") }) {
        EXPECT_TRUE(AmazonMessagePolicy::check(body).isEmpty()) << body.toStdString();
    }
}

TEST(AmazonMessagePolicyTest, OrderAndTrackingNumbersAreNotPhoneNumbers)
{
    for (const QString &body : { QStringLiteral("Your order 123-1234567-1234567 has shipped."),
             QStringLiteral("UPS tracking: 1Z999AA10123456784"), QStringLiteral("USPS tracking 9400111899223197428490"),
             QStringLiteral("Japan Post EJ123456785JP"), QStringLiteral("We refunded $1,234.56 on 2026-03-02.") }) {
        EXPECT_TRUE(AmazonMessagePolicy::check(body).isEmpty()) << body.toStdString();
    }
}

TEST(AmazonMessagePolicyTest, ExternalLinksAreFoundAndBlockSending)
{
    for (const QString &body : { QStringLiteral("See https://myshop.example/track"),
             QStringLiteral("Visit www.myshop.example for a discount"), QStringLiteral("HTTP://SHOP.EXAMPLE") }) {
        const QList<AmazonMessagePolicy::Finding> findings = AmazonMessagePolicy::check(body);
        ASSERT_EQ(findings.size(), 1) << body.toStdString();
        EXPECT_EQ(findings.first().kind, Kind::ExternalLink);
        EXPECT_TRUE(findings.first().message.contains(QStringLiteral("links"))) << body.toStdString();
        EXPECT_TRUE(body.contains(findings.first().excerpt)) << findings.first().excerpt.toStdString();
        EXPECT_TRUE(AmazonMessagePolicy::blocksSending(findings));
    }
}

TEST(AmazonMessagePolicyTest, OnlyAmazonHostsCountAsAmazonLinks)
{
    for (const QString &body :
        { QStringLiteral("See https://notamazon.com/deal"), QStringLiteral("See https://shop.example/?ref=amazon.com"),
            QStringLiteral("See www.amazon.com.evil.example/x") }) {
        EXPECT_EQ(kinds(body), QList<Kind> { Kind::ExternalLink }) << body.toStdString();
    }
    for (const QString &body :
        { QStringLiteral("Your order page: https://www.amazon.co.jp/gp/your-account/order-history"),
            QStringLiteral("https://sellercentral.amazon.de/help") }) {
        EXPECT_TRUE(AmazonMessagePolicy::check(body).isEmpty()) << body.toStdString();
    }
}

TEST(AmazonMessagePolicyTest, ContactDetailsWarnButDoNotBlock)
{
    for (const QString &body : { QStringLiteral("Write to help@myshop.example"),
             QStringLiteral("Call +1 (555) 012-3456"), QStringLiteral("or ring 0555 0123 456 today") }) {
        const QList<AmazonMessagePolicy::Finding> findings = AmazonMessagePolicy::check(body);
        ASSERT_EQ(findings.size(), 1) << body.toStdString();
        EXPECT_EQ(findings.first().kind, Kind::ContactDetails);
        EXPECT_TRUE(findings.first().message.contains(QStringLiteral("phone numbers"))) << body.toStdString();
        EXPECT_FALSE(AmazonMessagePolicy::blocksSending(findings));
    }
}

TEST(AmazonMessagePolicyTest, AskingForPositiveOrChangedReviewsIsForbiddenWording)
{
    for (const QString &body :
        { QStringLiteral("Please leave us a positive review!"), QStringLiteral("A 5-star rating would mean a lot"),
            QStringLiteral("Could you remove your feedback now that it's fixed?"),
            QStringLiteral("Would you update your negative review?") }) {
        EXPECT_EQ(kinds(body), QList<Kind> { Kind::ReviewManipulation }) << body.toStdString();
    }
    EXPECT_FALSE(AmazonMessagePolicy::blocksSending(Kind::ReviewManipulation));
}

TEST(AmazonMessagePolicyTest, IncentivesForReviewsAreForbiddenWording)
{
    for (const QString &body : { QStringLiteral("Leave a review and get a $10 gift card."),
             QStringLiteral("We will refund your shipping once your feedback is posted"),
             QStringLiteral("Reviews earn you 20% off your next order") }) {
        EXPECT_TRUE(kinds(body).contains(Kind::ReviewIncentive)) << body.toStdString();
    }
}

TEST(AmazonMessagePolicyTest, EveryKindIsReportedOnceInOrder)
{
    const QList<AmazonMessagePolicy::Finding> findings = AmazonMessagePolicy::check(
        QStringLiteral("Leave a good review at https://reviews.example or mail me at a@b.example. "
                       "Every review gets a coupon!"));
    ASSERT_EQ(findings.size(), 4);
    EXPECT_EQ(findings.at(0).kind, Kind::ExternalLink);
    EXPECT_EQ(findings.at(1).kind, Kind::ContactDetails);
    EXPECT_EQ(findings.at(1).excerpt, QStringLiteral("a@b.example"));
    EXPECT_EQ(findings.at(2).kind, Kind::ReviewManipulation);
    EXPECT_EQ(findings.at(3).kind, Kind::ReviewIncentive);
    EXPECT_EQ(AmazonMessagePolicy::messages(findings).size(), 4);
}
