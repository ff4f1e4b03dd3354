// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Carriers: detection from the tracking number's format and check digit (more in CarrierDetectorTest), display
// names and percent-encoded tracking URLs.
#include "commerce/CarrierDirectory.h"

#include <gtest/gtest.h>

using waybill::commerce::CarrierDirectory;

TEST(CarrierDirectoryTest, DetectsCarriersFromTheNumber)
{
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("1Z999AA10123456784")), QStringLiteral("ups"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral(" 1z 999 aa1 0123 456 784 ")), QStringLiteral("ups"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("9400111201080805483016")), QStringLiteral("usps"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("9205590164917312751089")), QStringLiteral("usps"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("EJ123456785JP")), QStringLiteral("japan_post"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("RR123456785GB")), QStringLiteral("royal_mail"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("SF1234567890123")), QStringLiteral("sf_express"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("3318810025")), QStringLiteral("dhl"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("041441760228964")), QStringLiteral("fedex"));
}

TEST(CarrierDirectoryTest, TwelveDigitsAreYamatoOnlyWithTheMod7CheckDigitAndTheShopsCarriers)
{
    // 12345678901 mod 7 = 3; Sagawa and Japan Post use the same rule, so the shop's carriers decide.
    ASSERT_EQ(12345678901LL % 7, 3);
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("123456789013"), { QStringLiteral("yamato") }),
        QStringLiteral("yamato"));
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("123456789013")), QString());
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("123456789015"), { QStringLiteral("yamato") }), QString());
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("123456789012")), QStringLiteral("fedex"));
}

TEST(CarrierDirectoryTest, UnknownFormats)
{
    EXPECT_EQ(CarrierDirectory::detect(QString()), QString());
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("hello")), QString());
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("12345")), QString());
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("EJ123456785XX")), QString());
    EXPECT_EQ(CarrierDirectory::detect(QStringLiteral("1Z999")), QString());
}

TEST(CarrierDirectoryTest, DisplayNamesAndTrackingUrls)
{
    EXPECT_EQ(CarrierDirectory::displayName(QStringLiteral("ups")), QStringLiteral("UPS"));
    EXPECT_EQ(CarrierDirectory::displayName(QStringLiteral("japan_post")), QStringLiteral("Japan Post"));
    EXPECT_EQ(CarrierDirectory::displayName(QStringLiteral("local_courier")), QStringLiteral("local_courier"));
    EXPECT_EQ(CarrierDirectory::trackingUrl(QStringLiteral("ups"), QStringLiteral("1Z999AA10123456784")),
        QStringLiteral("https://www.ups.com/track?tracknum=1Z999AA10123456784"));
    EXPECT_EQ(CarrierDirectory::trackingUrl(QStringLiteral("japan_post"), QStringLiteral("EJ123456785JP")),
        QStringLiteral("https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=EJ123456785JP"
                       "&locale=en"));
    EXPECT_EQ(CarrierDirectory::trackingUrl(QStringLiteral("yamato"), QStringLiteral("123456789013")),
        QStringLiteral("https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=123456789013"));
    EXPECT_TRUE(CarrierDirectory::trackingUrl(QStringLiteral("local_courier"), QStringLiteral("X1")).isEmpty());
    EXPECT_TRUE(CarrierDirectory::trackingUrl(QStringLiteral("ups"), QString()).isEmpty());
}

TEST(CarrierDirectoryTest, TrackingUrlsPercentEncodeTheNumber)
{
    EXPECT_EQ(CarrierDirectory::trackingUrl(QStringLiteral("fedex"), QStringLiteral("12 34/56&x=1#frag")),
        QStringLiteral("https://www.fedex.com/fedextrack/?trknbr=12%2034%2F56%26x%3D1%23frag"));
    EXPECT_EQ(CarrierDirectory::trackingUrl(QStringLiteral("dhl"), QString::fromUtf8("追跡")),
        QStringLiteral("https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id="
                       "%E8%BF%BD%E8%B7%A1"));
}
