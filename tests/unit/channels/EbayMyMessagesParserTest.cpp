// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// EbayMyMessagesParser on the MyMessagesM2MMessage notification eBay sent (a GetMyMessagesResponse with eBay's HTML
// message page escaped in <Text>, tests/data/third_party/codyfauser-ebay): the header fields, the page kept as
// received, and readable plain text without eBay's styles.
#include "EbayRecorded.h"
#include "QtPrinters.h"
#include "channels/marketplace/ebay/EbayMyMessagesParser.h"
#include "channels/marketplace/ebay/EbayTradingResponse.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace waybill::channels::marketplace;

using waybill::testing::EbayRecorded;

namespace {

std::optional<EbayMyMessagesPage> page(const QByteArray &xml, QString *problem)
{
    const auto response = EbayTradingResponse::parse(xml, QStringLiteral("GetMyMessages"), problem);
    if (!response) {
        return std::nullopt;
    }
    return EbayMyMessagesParser::parse(*response, problem);
}

TEST(EbayMyMessagesParserTest, ReadsTheMessageHeader)
{
    QString problem;
    const auto result = page(EbayRecorded::file("notifications/m2m_message1.xml"), &problem);
    ASSERT_TRUE(result) << problem.toStdString();
    EXPECT_FALSE(result->hasSummary);
    EXPECT_TRUE(result->skipped.isEmpty());
    ASSERT_EQ(result->messages.size(), 1);
    const EbayMyMessage &message = result->messages.constFirst();
    EXPECT_EQ(message.messageId, QStringLiteral("6278955061"));
    EXPECT_EQ(message.externalMessageId, QStringLiteral("2592234846"));
    EXPECT_EQ(message.sender, QStringLiteral("caylon2006"));
    EXPECT_EQ(message.sendingUserId, QStringLiteral("295682734"));
    EXPECT_EQ(message.recipientUserId, QStringLiteral("massapparel"));
    EXPECT_EQ(message.sendToName, QStringLiteral("massapparel"));
    EXPECT_EQ(message.subject, QStringLiteral("Message from eBay Member Regarding Item #140001153277"));
    EXPECT_TRUE(message.itemId.isEmpty()); // this answer has no ItemID element
    EXPECT_EQ(message.receivedAt, QDateTime(QDate(2006, 7, 10), QTime(23, 39, 28), Qt::UTC).toSecsSinceEpoch());
    EXPECT_EQ(message.expiresAt, QDateTime(QDate(2006, 8, 9), QTime(23, 39, 28), Qt::UTC).toSecsSinceEpoch());
    EXPECT_FALSE(message.read);
    EXPECT_FALSE(message.replied);
    EXPECT_FALSE(message.flagged);
    EXPECT_EQ(message.folderId, QStringLiteral("0"));
    EXPECT_TRUE(message.responseEnabled);
    EXPECT_EQ(message.responseUrl,
        QStringLiteral("http://contact.ebay.ca/ws/eBayISAPI.dll?M2MContact&item=140001153277&requested=caylon2006"
                       "&qid=2592234846&redirect=0&messageid=m6278955061"));
}

TEST(EbayMyMessagesParserTest, KeepsThePageAndGivesReadableText)
{
    QString problem;
    const auto result = page(EbayRecorded::file("notifications/m2m_message1.xml"), &problem);
    ASSERT_TRUE(result) << problem.toStdString();
    ASSERT_EQ(result->messages.size(), 1);
    const EbayMyMessage &message = result->messages.constFirst();
    EXPECT_TRUE(message.html.startsWith(QStringLiteral("<html>\n<head>\n<!--eBay V3- msxml 4.0")));
    EXPECT_TRUE(message.html.endsWith(QStringLiteral("</body>\n</html>")));
    EXPECT_TRUE(message.html.contains(QStringLiteral("have you sent the shirt yet? <br/>")));

    const QString text = message.text;
    EXPECT_TRUE(text.contains(QStringLiteral("have you sent the shirt yet?"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Question from caylon2006")));
    EXPECT_TRUE(text.contains(QStringLiteral("it's the safer way to trade."))); // &apos; decoded
    EXPECT_TRUE(text.contains(QStringLiteral("These \"outside of eBay\" transactions")));
    EXPECT_FALSE(text.contains(QStringLiteral("font-family"))); // the style sheets are gone
    EXPECT_FALSE(text.contains(u'<'));
    EXPECT_FALSE(text.contains(QStringLiteral("&quot;")));
    EXPECT_TRUE(text.contains(u'\n')); // paragraphs stay apart
    EXPECT_LT(text.indexOf(QStringLiteral("have you sent the shirt yet?")), text.indexOf(QStringLiteral("Thank you,")));
}

TEST(EbayMyMessagesParserTest, SkipsAMessageWithoutId)
{
    QByteArray xml = EbayRecorded::file("notifications/m2m_message1.xml");
    xml.replace("<MessageID>6278955061</MessageID>", "");
    QString problem;
    const auto result = page(xml, &problem);
    ASSERT_TRUE(result) << problem.toStdString();
    EXPECT_TRUE(result->messages.isEmpty());
    EXPECT_EQ(result->skipped,
        QStringList { QStringLiteral("message 1 (from caylon2006) was left out: it has no MessageID") });
}

TEST(EbayMyMessagesParserTest, AnEnvelopeWithoutBodyIsNoAnswer)
{
    QString problem;
    EXPECT_FALSE(page(EbayRecorded::file("notifications/no_soap_body.xml"), &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("has no GetMyMessagesResponse")));
}

TEST(EbayMyMessagesParserTest, RefusesAnswersToOtherCalls)
{
    QString problem;
    const auto response = EbayTradingResponse::parse(
        EbayRecorded::file("notifications/ask_seller_question.xml"), QStringLiteral("GetMemberMessages"), &problem);
    ASSERT_TRUE(response);
    EXPECT_FALSE(EbayMyMessagesParser::parse(*response, &problem));
    EXPECT_EQ(problem, QStringLiteral("an answer to GetMemberMessages is not a GetMyMessages answer"));
}

} // namespace
