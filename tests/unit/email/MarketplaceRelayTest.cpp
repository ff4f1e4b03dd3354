// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Marketplace relay mail: Amazon buyer-seller messages and eBay member messages become conversations on their
// channel, linked to the order they name and answered through the relay address.
#include "channels/email/MarketplaceRelay.h"
#include "channels/email/MimeParser.h"

#include <QFile>

#include <gtest/gtest.h>

using waybill::channels::email::MarketplaceRelay;
using waybill::channels::email::MimeParser;
using waybill::domain::Channel;
using waybill::domain::IncomingMessage;

namespace {

IncomingMessage parsedFixture(const char *name)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/email/") + QString::fromLatin1(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name;
    const auto result = MimeParser::parse(file.readAll());
    EXPECT_TRUE(result.ok()) << result.failureReason.toStdString();
    return result.message.value_or(IncomingMessage {});
}

} // namespace

TEST(MarketplaceRelayTest, AmazonBuyerMessage)
{
    const IncomingMessage message = parsedFixture("amazon-relay.eml");
    EXPECT_EQ(message.channel, Channel::Amazon);
    EXPECT_EQ(message.subject, QStringLiteral("Inquiry from Amazon customer Jane Buyer (Order: 205-3817742-6651527)"));
    const auto match = MarketplaceRelay::recognise(message);
    ASSERT_TRUE(match.has_value());
    EXPECT_EQ(match->channel, Channel::Amazon);
    EXPECT_EQ(match->orderId, QStringLiteral("205-3817742-6651527"));
    EXPECT_EQ(match->replyAddress, QStringLiteral("8k2x9q7rtz4vnb1@marketplace.amazon.co.uk"));
    EXPECT_TRUE(
        message.bodyText.contains(QStringLiteral("chipped lid. Can you send a new lid or should I return it?")));
}

TEST(MarketplaceRelayTest, EbayMemberMessage)
{
    const IncomingMessage message = parsedFixture("ebay-member-message.eml");
    EXPECT_EQ(message.channel, Channel::Ebay);
    const auto match = MarketplaceRelay::recognise(message);
    ASSERT_TRUE(match.has_value());
    EXPECT_EQ(match->channel, Channel::Ebay);
    EXPECT_EQ(match->orderId, QStringLiteral("12-34567-89012"));
    EXPECT_EQ(match->replyAddress, QStringLiteral("kettle_fan_82@members.ebay.com"));
    // HTML-only: the text comes from the HTML.
    EXPECT_TRUE(message.bodyText.contains(QStringLiteral("my kettle still has not arrived – tracking stopped")))
        << message.bodyText.toStdString();
}

TEST(MarketplaceRelayTest, OrderIdFromTheBodyAndOrdinaryMailIsLeftAlone)
{
    IncomingMessage message;
    message.fromAddress = QStringLiteral("abc@marketplace.amazon.de");
    message.subject = QStringLiteral("Anfrage");
    message.bodyText = QStringLiteral("Bestellnummer: 302-1234567-7654321\nTracking 1Z999AA10123456784");
    const auto amazon = MarketplaceRelay::recognise(message);
    ASSERT_TRUE(amazon.has_value());
    EXPECT_EQ(amazon->orderId, QStringLiteral("302-1234567-7654321"));

    message.fromAddress = QStringLiteral("customer@example.com");
    EXPECT_FALSE(MarketplaceRelay::recognise(message).has_value());
    message.fromAddress = QStringLiteral("news@ebay.com");
    message.subject = QStringLiteral("Deals of the week");
    EXPECT_FALSE(MarketplaceRelay::recognise(message).has_value());
    // Look-alike domains are not relays.
    message.fromAddress = QStringLiteral("x@marketplace.amazon.com.evil.example");
    EXPECT_FALSE(MarketplaceRelay::recognise(message).has_value());
}
