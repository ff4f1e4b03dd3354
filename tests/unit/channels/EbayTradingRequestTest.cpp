// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// EbayTradingRequest: every body is well-formed XML in eBay's namespace with the common fields, its text escaped
// and read back as written; member message bodies are checked against eBay's 2,000-character limit.
#include "QtPrinters.h"
#include "channels/marketplace/ebay/EbayTradingRequest.h"
#include "commerce/XmlElement.h"

#include <QTimeZone>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using waybill::channels::marketplace::EbayTradingRequest;
using waybill::commerce::XmlElement;

namespace {

/// The request element, after checking the declaration, the namespace and the common fields.
XmlElement readBack(const QByteArray &body, const QString &call)
{
    EXPECT_TRUE(body.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")) << body.left(60).toStdString();
    QXmlStreamReader reader(body);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement) {
            EXPECT_EQ(reader.namespaceUri().toString(), QStringLiteral("urn:ebay:apis:eBLBaseComponents"));
        }
    }
    EXPECT_FALSE(reader.hasError()) << reader.errorString().toStdString();
    QString problem;
    const std::optional<XmlElement> root = XmlElement::parse(body, &problem, XmlElement::Whitespace::Keep);
    EXPECT_TRUE(root) << problem.toStdString();
    if (!root) {
        return *XmlElement::parse("<none/>", &problem);
    }
    EXPECT_EQ(root->name(), call + QStringLiteral("Request"));
    EXPECT_EQ(root->textAt(QStringLiteral("ErrorLanguage")), QStringLiteral("en_US"));
    EXPECT_EQ(root->textAt(QStringLiteral("WarningLevel")), QStringLiteral("High"));
    return *root;
}

const QDateTime Start(QDate(2026, 12, 5), QTime(3, 0), Qt::UTC);
const QDateTime End(QDate(2026, 12, 5), QTime(4, 0, 30, 250), Qt::UTC);

TEST(EbayTradingRequestTest, GetMemberMessagesAsksForEveryTypeInTheWindow)
{
    const XmlElement root
        = readBack(EbayTradingRequest::getMemberMessages(Start, End, 2), QStringLiteral("GetMemberMessages"));
    EXPECT_EQ(root.textAt(QStringLiteral("MailMessageType")), QStringLiteral("All"));
    EXPECT_EQ(root.textAt(QStringLiteral("StartCreationTime")), QStringLiteral("2026-12-05T03:00:00.000Z"));
    EXPECT_EQ(root.textAt(QStringLiteral("EndCreationTime")), QStringLiteral("2026-12-05T04:00:30.250Z"));
    EXPECT_EQ(root.textAt(QStringLiteral("Pagination/EntriesPerPage")), QStringLiteral("200"));
    EXPECT_EQ(root.textAt(QStringLiteral("Pagination/PageNumber")), QStringLiteral("2"));
}

TEST(EbayTradingRequestTest, GetMemberMessagesSendsOnlyPageSizesEbayAccepts)
{
    const auto entries = [](int asked) {
        QString problem;
        return XmlElement::parse(EbayTradingRequest::getMemberMessages(Start, End, 0, asked), &problem)
            ->textAt(QStringLiteral("Pagination/EntriesPerPage"));
    };
    EXPECT_EQ(entries(1), QStringLiteral("25"));
    EXPECT_EQ(entries(50), QStringLiteral("50"));
    EXPECT_EQ(entries(60), QStringLiteral("100"));
    EXPECT_EQ(entries(500), QStringLiteral("200"));
    QString problem;
    EXPECT_EQ(XmlElement::parse(EbayTradingRequest::getMemberMessages(Start, End, 0), &problem)
                  ->textAt(QStringLiteral("Pagination/PageNumber")),
        QStringLiteral("1"));
}

TEST(EbayTradingRequestTest, GetMemberMessagesSendsTimesInUtc)
{
    const QDateTime local(QDate(2026, 12, 5), QTime(5, 0), QTimeZone(3600));
    const XmlElement root
        = readBack(EbayTradingRequest::getMemberMessages(local, local, 1), QStringLiteral("GetMemberMessages"));
    EXPECT_EQ(root.textAt(QStringLiteral("StartCreationTime")), QStringLiteral("2026-12-05T04:00:00.000Z"));
}

TEST(EbayTradingRequestTest, GetMyMessagesHeadersByTime)
{
    const XmlElement root
        = readBack(EbayTradingRequest::getMyMessagesHeaders(Start, End), QStringLiteral("GetMyMessages"));
    EXPECT_EQ(root.textAt(QStringLiteral("DetailLevel")), QStringLiteral("ReturnHeaders"));
    EXPECT_EQ(root.textAt(QStringLiteral("StartTime")), QStringLiteral("2026-12-05T03:00:00.000Z"));
    EXPECT_EQ(root.textAt(QStringLiteral("EndTime")), QStringLiteral("2026-12-05T04:00:30.250Z"));
    EXPECT_EQ(EbayTradingRequest::getMyMessages(Start, End), EbayTradingRequest::getMyMessagesHeaders(Start, End));
}

TEST(EbayTradingRequestTest, GetMyMessagesByAtMostTenIds)
{
    QStringList ids { QStringLiteral("6278955061"), QString(), QStringLiteral("  ") };
    for (int i = 0; i < 12; ++i) {
        ids << QString::number(1000 + i);
    }
    const XmlElement root = readBack(EbayTradingRequest::getMyMessages(ids), QStringLiteral("GetMyMessages"));
    EXPECT_EQ(root.textAt(QStringLiteral("DetailLevel")), QStringLiteral("ReturnMessages"));
    const QList<const XmlElement *> sent
        = root.child(QStringLiteral("MessageIDs"))->children(QStringLiteral("MessageID"));
    ASSERT_EQ(sent.size(), EbayTradingRequest::MaxMessageIds);
    EXPECT_EQ(sent.constFirst()->text(), QStringLiteral("6278955061"));
    EXPECT_EQ(sent.constLast()->text(), QStringLiteral("1008"));
}

TEST(EbayTradingRequestTest, AnswerToAQuestionKeepsTheTextAsWritten)
{
    const QString body
        = QStringLiteral("Hi <fguser2>,\nyes & \"brown\" too; it's 11's ]]> only\r\nBest, Mass \u00e9\U0001F462");
    const XmlElement root = readBack(EbayTradingRequest::addMemberMessageRtq(QStringLiteral("110001567511"),
                                         QStringLiteral("148860"), QStringLiteral("fguser2"), body),
        QStringLiteral("AddMemberMessageRTQ"));
    EXPECT_EQ(root.textAt(QStringLiteral("ItemID")), QStringLiteral("110001567511"));
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/Body")), body);
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/ParentMessageID")), QStringLiteral("148860"));
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/RecipientID")), QStringLiteral("fguser2"));
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/DisplayToPublic")), QStringLiteral("false"));
}

TEST(EbayTradingRequestTest, MessageToTheOrderPartner)
{
    const XmlElement root = readBack(
        EbayTradingRequest::addMemberMessageAaqToPartner(QStringLiteral("140001153277"), QStringLiteral("caylon2006"),
            QStringLiteral("Your shirt & tracking"), QStringLiteral("It left today.\nTracking: 1Z999")),
        QStringLiteral("AddMemberMessageAAQToPartner"));
    EXPECT_EQ(root.textAt(QStringLiteral("ItemID")), QStringLiteral("140001153277"));
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/QuestionType")), QStringLiteral("General"));
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/RecipientID")), QStringLiteral("caylon2006"));
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/Subject")), QStringLiteral("Your shirt & tracking"));
    EXPECT_EQ(root.textAt(QStringLiteral("MemberMessage/Body")), QStringLiteral("It left today.\nTracking: 1Z999"));
}

TEST(EbayTradingRequestTest, OfficialTimeHasOnlyTheCommonFields)
{
    const XmlElement root = readBack(EbayTradingRequest::geteBayOfficialTime(), QStringLiteral("GeteBayOfficialTime"));
    EXPECT_EQ(root.allChildren().size(), 2);
}

TEST(EbayTradingRequestTest, DropsCharactersXmlCannotCarry)
{
    EXPECT_EQ(EbayTradingRequest::escape(QStringLiteral("a\u0001b\u000Bc<")), QStringLiteral("abc&lt;"));
}

TEST(EbayTradingRequestTest, BodyLimits)
{
    EXPECT_EQ(EbayTradingRequest::MaxBodyLength, 2000);
    EXPECT_TRUE(EbayTradingRequest::bodyProblem(QString(2000, u'x')).isEmpty());
    EXPECT_EQ(EbayTradingRequest::bodyProblem(QString(2001, u'x')),
        QStringLiteral("The message has 2001 characters; eBay accepts at most 2000 in a member message. Shorten it "
                       "by 1 characters."));
    EXPECT_EQ(EbayTradingRequest::bodyProblem(QStringLiteral(" \n ")),
        QStringLiteral("The message is empty: eBay does not send empty messages."));
    // Characters, not UTF-16 units: 2,000 boots are 4,000 units.
    QString boots;
    for (int i = 0; i < 2000; ++i) {
        boots += QStringLiteral("\U0001F462");
    }
    EXPECT_TRUE(EbayTradingRequest::bodyProblem(boots).isEmpty());
}

} // namespace
