// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SMS segment counting: GSM-7 (160, then 153 per part, extension characters count twice) and UCS-2 (70, then 67).
#include "text/SmsSegments.h"

#include <gtest/gtest.h>

using waybill::text::SmsSegments;

TEST(SmsSegmentsTest, EmptyBody)
{
    const auto empty = SmsSegments::count(QString());
    EXPECT_EQ(empty.encoding, SmsSegments::Encoding::Gsm7);
    EXPECT_EQ(empty.units, 0);
    EXPECT_EQ(empty.segments, 0);
    EXPECT_EQ(empty.remainingInSegment, 160);
}

TEST(SmsSegmentsTest, Gsm7SingleAndMultipart)
{
    const auto one = SmsSegments::count(QString(160, u'a'));
    EXPECT_EQ(one.encoding, SmsSegments::Encoding::Gsm7);
    EXPECT_EQ(one.units, 160);
    EXPECT_EQ(one.segments, 1);
    EXPECT_EQ(one.remainingInSegment, 0);

    const auto two = SmsSegments::count(QString(161, u'a'));
    EXPECT_EQ(two.segments, 2);
    EXPECT_EQ(two.remainingInSegment, 2 * 153 - 161);

    EXPECT_EQ(SmsSegments::count(QString(306, u'a')).segments, 2);
    EXPECT_EQ(SmsSegments::count(QString(307, u'a')).segments, 3);
    // Accented letters of the GSM alphabet stay GSM-7.
    const auto accented = SmsSegments::count(QString::fromUtf8("Café à Düsseldorf, Ñoño £5 @ 10:00\n"));
    EXPECT_EQ(accented.encoding, SmsSegments::Encoding::Gsm7);
    EXPECT_EQ(accented.units, int(QString::fromUtf8("Café à Düsseldorf, Ñoño £5 @ 10:00\n").size()));
}

TEST(SmsSegmentsTest, ExtensionCharactersCountTwice)
{
    const auto euro = SmsSegments::count(QString::fromUtf8("Refund: 5€ [order] {1} ~ ^ | \\"));
    EXPECT_EQ(euro.encoding, SmsSegments::Encoding::Gsm7);
    EXPECT_EQ(euro.units, int(QString::fromUtf8("Refund: 5€ [order] {1} ~ ^ | \\").size()) + 9);

    const auto full = SmsSegments::count(QString(80, u'{'));
    EXPECT_EQ(full.units, 160);
    EXPECT_EQ(full.segments, 1);
    EXPECT_EQ(SmsSegments::count(QString(80, u'{') + u'a').segments, 2);
}

TEST(SmsSegmentsTest, Ucs2WithEmojiAndJapanese)
{
    const auto japanese = SmsSegments::count(QString::fromUtf8("ご注文の商品は本日発送しました。"));
    EXPECT_EQ(japanese.encoding, SmsSegments::Encoding::Ucs2);
    EXPECT_EQ(japanese.units, 16);
    EXPECT_EQ(japanese.segments, 1);
    EXPECT_EQ(japanese.remainingInSegment, 70 - 16);

    // One emoji turns the whole message into UCS-2 and takes two units.
    const auto emoji = SmsSegments::count(QString(68, u'a') + QString::fromUtf8("😀"));
    EXPECT_EQ(emoji.encoding, SmsSegments::Encoding::Ucs2);
    EXPECT_EQ(emoji.units, 70);
    EXPECT_EQ(emoji.segments, 1);
    EXPECT_EQ(emoji.remainingInSegment, 0);

    const auto longer = SmsSegments::count(QString(69, u'a') + QString::fromUtf8("😀"));
    EXPECT_EQ(longer.units, 71);
    EXPECT_EQ(longer.segments, 2);
    EXPECT_EQ(longer.remainingInSegment, 2 * 67 - 71);
    // 134 units fill two parts of 67 exactly; one more character needs a third.
    EXPECT_EQ(SmsSegments::count(QString(133, u'x') + QString::fromUtf8("配")).segments, 2);
    EXPECT_EQ(SmsSegments::count(QString(134, u'x') + QString::fromUtf8("配")).segments, 3);
}
