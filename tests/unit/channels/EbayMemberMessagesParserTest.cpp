// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// EbayMemberMessagesParser on the AskSellerQuestion notification eBay sent (a GetMemberMessagesResponse in a SOAP
// envelope, tests/data/third_party/codyfauser-ebay). Two tests edit that recorded answer, and say how: copies of its
// exchange without MessageID or SenderID (skipped with a reason, never the page), and a body with line breaks and
// character references (kept and decoded).
#include "EbayRecorded.h"
#include "QtPrinters.h"
#include "channels/marketplace/ebay/EbayMemberMessagesParser.h"
#include "channels/marketplace/ebay/EbayTradingResponse.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace waybill::channels::marketplace;

using waybill::testing::EbayRecorded;

namespace {

std::optional<EbayMemberMessagesPage> page(const QByteArray &xml, QString *problem)
{
    const auto response = EbayTradingResponse::parse(xml, QStringLiteral("GetMemberMessages"), problem);
    if (!response) {
        return std::nullopt;
    }
    return EbayMemberMessagesParser::parse(*response, problem);
}

TEST(EbayMemberMessagesParserTest, ReadsTheBuyersQuestion)
{
    QString problem;
    const auto result = page(EbayRecorded::file("notifications/ask_seller_question.xml"), &problem);
    ASSERT_TRUE(result) << problem.toStdString();
    EXPECT_EQ(result->totalPages, 1);
    EXPECT_EQ(result->totalEntries, 1);
    EXPECT_FALSE(result->hasMore);
    EXPECT_TRUE(result->skipped.isEmpty());
    ASSERT_EQ(result->messages.size(), 1);
    const EbayMemberMessage &message = result->messages.constFirst();
    EXPECT_EQ(message.messageId, QStringLiteral("148860"));
    EXPECT_TRUE(message.parentMessageId.isEmpty());
    EXPECT_EQ(message.messageType, QStringLiteral("AskSellerQuestion"));
    EXPECT_EQ(message.questionType, QStringLiteral("General"));
    EXPECT_EQ(message.senderId, QStringLiteral("fguser2"));
    EXPECT_EQ(message.senderEmail, QStringLiteral("unitednerdsco@hotmail.com"));
    EXPECT_EQ(message.recipientId, QStringLiteral("170180371"));
    EXPECT_EQ(message.subject, QStringLiteral("Question for item #110001567511 - Cowboy Boots"));
    EXPECT_EQ(message.body, QStringLiteral("Hey, cool boots!"));
    EXPECT_EQ(message.itemId, QStringLiteral("110001567511"));
    EXPECT_EQ(message.itemTitle, QStringLiteral("UNC North Carolina Tarheels Fleece Jacket- Large L NWT"));
    EXPECT_EQ(message.itemUrl,
        QStringLiteral("http://cgi.ebay.com/ws/eBayISAPI.dll?ViewItem&item=140006325094&category=24596"));
    EXPECT_EQ(message.status, QStringLiteral("Unanswered"));
    EXPECT_FALSE(message.displayToPublic);
    EXPECT_EQ(message.createdAt, 1153100473); // 2006-07-17T01:41:13.000Z
    EXPECT_EQ(message.modifiedAt, 1153100473);
    EXPECT_TRUE(message.mediaUrls.isEmpty());
    EXPECT_TRUE(message.responses.isEmpty());
}

TEST(EbayMemberMessagesParserTest, SkipsAnExchangeWithoutMessageIdOrSender)
{
    const QByteArray recorded = EbayRecorded::file("notifications/ask_seller_question.xml");
    const qsizetype start = recorded.indexOf("    <MemberMessageExchange>");
    const qsizetype end = recorded.indexOf("    </MemberMessageExchange>\n") + 29;
    const QByteArray exchange = recorded.mid(start, end - start);
    QByteArray withoutId = exchange;
    withoutId.replace("<MessageID>148860</MessageID>", "");
    QByteArray withoutSender = exchange;
    withoutSender.replace("<SenderID>fguser2</SenderID>", "");
    QByteArray xml = recorded;
    xml.insert(end, withoutId + withoutSender);

    QString problem;
    const auto result = page(xml, &problem);
    ASSERT_TRUE(result) << problem.toStdString();
    ASSERT_EQ(result->messages.size(), 1);
    EXPECT_EQ(result->messages.constFirst().messageId, QStringLiteral("148860"));
    EXPECT_EQ(result->skipped,
        (QStringList { QStringLiteral("exchange 2 (item 110001567511) was left out: it has no MessageID"),
            QStringLiteral("exchange 3 (item 110001567511) was left out: it has no SenderID") }));
}

TEST(EbayMemberMessagesParserTest, KeepsLineBreaksAndDecodesHtmlReferences)
{
    QByteArray xml = EbayRecorded::file("notifications/ask_seller_question.xml");
    xml.replace("<Body>Hey, cool boots!</Body>",
        "<Body>Hey, cool boots!\r\nDo they come in size 11 &amp;amp; in brown?\n\nIt&amp;#39;s for my dad</Body>");
    QString problem;
    const auto result = page(xml, &problem);
    ASSERT_TRUE(result) << problem.toStdString();
    ASSERT_EQ(result->messages.size(), 1);
    EXPECT_EQ(result->messages.constFirst().body,
        QStringLiteral("Hey, cool boots!\nDo they come in size 11 & in brown?\n\nIt's for my dad"));
}

TEST(EbayMemberMessagesParserTest, RefusesAnswersToOtherCalls)
{
    QString problem;
    const auto response = EbayTradingResponse::parse(
        EbayRecorded::file("notifications/m2m_message1.xml"), QStringLiteral("GetMyMessages"), &problem);
    ASSERT_TRUE(response);
    EXPECT_FALSE(EbayMemberMessagesParser::parse(*response, &problem));
    EXPECT_EQ(problem, QStringLiteral("an answer to GetMyMessages is not a GetMemberMessages answer"));
}

} // namespace
