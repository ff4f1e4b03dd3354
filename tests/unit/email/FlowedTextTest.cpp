// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3676 format=flowed decoding: soft line breaks joined, space-stuffing removed, DelSp=yes honoured, quote depth
// kept, the signature separator and fixed lines left alone, odd input (depth changes, a final soft break, bare
// LF) handled; and MimeParser applying it only to text/plain parts that say format=flowed.
#include "channels/email/FlowedText.h"
#include "channels/email/MimeParser.h"

#include <gtest/gtest.h>

using waybill::channels::email::FlowedText;
using waybill::channels::email::MimeParser;

namespace {

QString decode(const char *text, bool delSp = false)
{
    return FlowedText::decode(QString::fromUtf8(text), delSp);
}

TEST(FlowedTextTest, SoftLineBreaksJoinAndFixedLinesStay)
{
    EXPECT_EQ(decode("Your parcel left our \r\nwarehouse today and \r\nshould arrive Friday.\r\nThanks,\r\nMia\r\n"),
        QStringLiteral("Your parcel left our warehouse today and should arrive Friday.\r\nThanks,\r\nMia\r\n"));
}

TEST(FlowedTextTest, EmptyLinesSeparateParagraphs)
{
    EXPECT_EQ(decode("First \r\nparagraph.\r\n\r\nSecond \r\none.\r\n"),
        QStringLiteral("First paragraph.\r\n\r\nSecond one.\r\n"));
}

TEST(FlowedTextTest, DelSpYesDropsTheSpaceOfTheSoftBreak)
{
    // DelSp=yes lets a sender break inside a word (CJK text has no spaces to break at).
    EXPECT_EQ(decode("\xe3\x81\x94\xe6\xb3\xa8\xe6\x96\x87\xe3\x81\x82\xe3\x82\x8a \r\n\xe3\x81\x8c\xe3\x81\xa8\xe3\x81"
                     "\x86\xe3\x81\x94\xe3\x81\x96\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x99\r\n",
                  true),
        QString::fromUtf8("\xe3\x81\x94\xe6\xb3\xa8\xe6\x96\x87\xe3\x81\x82\xe3\x82\x8a\xe3\x81\x8c\xe3\x81\xa8\xe3\x81"
                          "\x86\xe3\x81\x94\xe3\x81\x96\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x99\r\n"));
    EXPECT_EQ(decode("tracking num \r\nber 1Z999\r\n", true), QStringLiteral("tracking number 1Z999\r\n"));
    EXPECT_EQ(decode("tracking num \r\nber 1Z999\r\n", false), QStringLiteral("tracking num ber 1Z999\r\n"));
}

TEST(FlowedTextTest, SpaceStuffingIsRemoved)
{
    EXPECT_EQ(decode(" >not a quote\r\n From the warehouse\r\n  indented\r\n"),
        QStringLiteral(">not a quote\r\nFrom the warehouse\r\n indented\r\n"));
}

TEST(FlowedTextTest, QuotedParagraphsKeepTheirDepth)
{
    EXPECT_EQ(decode("> Where is \r\n> my order?\r\n>> It shipped \r\n>> Monday.\r\nIt is out for \r\ndelivery.\r\n"),
        QStringLiteral("> Where is my order?\r\n>> It shipped Monday.\r\nIt is out for delivery.\r\n"));
    // Quote marks without the customary space after them are quotes too.
    EXPECT_EQ(decode(">Where is \r\n>my order?\r\n"), QStringLiteral("> Where is my order?\r\n"));
}

TEST(FlowedTextTest, AChangeOfQuoteDepthEndsTheParagraph)
{
    // Improperly flowed (RFC 3676 §4.5): the soft break is ignored, nothing is merged across depths.
    EXPECT_EQ(decode("> quoted and flowed \r\nmy answer\r\n"), QStringLiteral("> quoted and flowed \r\nmy answer\r\n"));
}

TEST(FlowedTextTest, TheSignatureSeparatorIsNeverJoined)
{
    EXPECT_EQ(decode("Thanks \r\nagain\r\n-- \r\nMia at the Shop\r\n"),
        QStringLiteral("Thanks again\r\n-- \r\nMia at the Shop\r\n"));
    EXPECT_EQ(decode("> -- \r\n> Ava\r\n"), QStringLiteral("> -- \r\n> Ava\r\n"));
}

TEST(FlowedTextTest, OddInputIsHandled)
{
    EXPECT_EQ(decode(""), QString());
    EXPECT_EQ(decode("ends on a soft break "), QStringLiteral("ends on a soft break "));
    EXPECT_EQ(decode("no final line break"), QStringLiteral("no final line break"));
    EXPECT_EQ(decode("bare \nline feeds\n"), QStringLiteral("bare line feeds\n"));
    EXPECT_EQ(decode(">>>\r\n"), QStringLiteral(">>>\r\n"));
    const QString longLine
        = QString(100000, u'a') + QStringLiteral(" \r\n") + QString(100000, u'b') + QStringLiteral("\r\n");
    EXPECT_EQ(FlowedText::decode(longLine, false).size(), 200001 + 2);
}

TEST(FlowedTextTest, MimeParserDecodesFlowedTextPlainPartsOnly)
{
    const QByteArray flowed = "From: Ava <ava@customer.example>\r\nTo: support@shop.example\r\nSubject: Order 1042\r\n"
                              "Message-ID: <f1@customer.example>\r\nMIME-Version: 1.0\r\n"
                              "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes\r\n\r\n"
                              "My parcel has not ar \r\nrived yet.  \r\nCan you check?\r\n\r\n"
                              "> Your order ships  \r\n> today.\r\n";
    const auto parsed = MimeParser::parse(flowed);
    ASSERT_TRUE(parsed.ok()) << parsed.failureReason.toStdString();
    EXPECT_TRUE(parsed.message->bodyText.contains(QStringLiteral("My parcel has not arrived yet. Can you check?")))
        << parsed.message->bodyText.toStdString();
    EXPECT_TRUE(parsed.message->bodyText.contains(QStringLiteral("> Your order ships today.")))
        << parsed.message->bodyText.toStdString();

    QByteArray fixed = flowed;
    fixed.replace("; format=flowed; delsp=yes", "");
    const auto plain = MimeParser::parse(fixed);
    ASSERT_TRUE(plain.ok());
    EXPECT_TRUE(plain.message->bodyText.contains(QStringLiteral("> Your order ships  \r\n> today.")))
        << plain.message->bodyText.toStdString();
}

} // namespace
