// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// EbayTradingResponse on answers eBay really sent (tests/data/third_party/codyfauser-ebay): Success, Warning and
// Failure of GeteBayOfficialTime, the usage-limit failure, the answer inside a Platform Notification envelope, and
// the refusals: not XML, a cut-off document, an envelope without a body, an answer to another call.
#include "EbayRecorded.h"
#include "QtPrinters.h"
#include "channels/marketplace/ebay/EbayTradingResponse.h"

#include <QFile>

#include <gtest/gtest.h>

using waybill::channels::marketplace::EbayTradingError;
using waybill::channels::marketplace::EbayTradingResponse;

using waybill::testing::EbayRecorded;

namespace {

std::optional<EbayTradingResponse> parse(const char *name, const QString &callName, QString *problem)
{
    return EbayTradingResponse::parse(EbayRecorded::file(name), callName, problem);
}

TEST(EbayTradingResponseTest, ReadsASuccess)
{
    QString problem;
    const auto response = parse("responses/official_time_success.xml", QStringLiteral("GeteBayOfficialTime"), &problem);
    ASSERT_TRUE(response) << problem.toStdString();
    EXPECT_EQ(response->ack(), EbayTradingResponse::Ack::Success);
    EXPECT_TRUE(response->succeeded());
    EXPECT_TRUE(response->errors().isEmpty());
    EXPECT_TRUE(response->warnings().isEmpty());
    EXPECT_EQ(response->timestamp(), QDateTime(QDate(2006, 7, 5), QTime(14, 23, 3, 399), Qt::UTC));
    EXPECT_EQ(response->build(), QStringLiteral("e467_core_Bundled_3145691_R1"));
    EXPECT_EQ(response->version(), QStringLiteral("467"));
    EXPECT_TRUE(response->correlationId().isEmpty());
    EXPECT_FALSE(response->isUsageLimit());
    EXPECT_FALSE(response->isTokenRefused());
    EXPECT_TRUE(response->errorSummary().isEmpty());
    EXPECT_EQ(response->root().name(), QStringLiteral("GeteBayOfficialTimeResponse"));
}

TEST(EbayTradingResponseTest, AWarningSucceedsAndKeepsEbaysWarnings)
{
    QString problem;
    const auto response = parse("responses/official_time_warning.xml", QStringLiteral("GeteBayOfficialTime"), &problem);
    ASSERT_TRUE(response) << problem.toStdString();
    EXPECT_EQ(response->ack(), EbayTradingResponse::Ack::Warning);
    EXPECT_TRUE(response->succeeded());
    EXPECT_TRUE(response->errors().isEmpty());
    const QList<EbayTradingError> warnings = response->warnings();
    ASSERT_EQ(warnings.size(), 2);
    EXPECT_EQ(warnings.at(0).code, QStringLiteral("21927"));
    EXPECT_EQ(warnings.at(0).severity, QStringLiteral("Warning"));
    EXPECT_EQ(warnings.at(0).shortMessage, QStringLiteral("Unrecognized element <Item> in SOAP request."));
    EXPECT_EQ(warnings.at(0).classification, QStringLiteral("RequestError"));
    EXPECT_EQ(warnings.at(0).parameters, QStringList { QStringLiteral("Item") });
    EXPECT_EQ(warnings.at(1).parameters, QStringList { QStringLiteral("Hotdog") });
    EXPECT_TRUE(warnings.at(1).longMessage.startsWith(QStringLiteral("The element <Hotdog> was found")));
    EXPECT_TRUE(response->errorSummary().isEmpty());
}

TEST(EbayTradingResponseTest, AFailureWithoutAMessageIsStillAnError)
{
    QString problem;
    const auto response = parse("responses/official_time_failure.xml", QStringLiteral("GeteBayOfficialTime"), &problem);
    ASSERT_TRUE(response) << problem.toStdString();
    EXPECT_EQ(response->ack(), EbayTradingResponse::Ack::Failure);
    EXPECT_FALSE(response->succeeded());
    ASSERT_EQ(response->errors().size(), 1);
    EXPECT_EQ(response->errors().constFirst().classification, QStringLiteral("SystemError"));
    EXPECT_EQ(
        response->errorSummary(), QStringLiteral("eBay refused GeteBayOfficialTime: no reason given (SystemError)"));
    EXPECT_FALSE(response->isTokenRefused());
    EXPECT_FALSE(response->isUsageLimit());
}

TEST(EbayTradingResponseTest, TheUsageLimitWordingIsAUsageLimit)
{
    QString problem;
    const auto response = parse(
        "responses/verify_add_item_request_limit_exceeded_failure.xml", QStringLiteral("VerifyAddItem"), &problem);
    ASSERT_TRUE(response) << problem.toStdString();
    EXPECT_EQ(response->ack(), EbayTradingResponse::Ack::Failure);
    EXPECT_FALSE(response->timestamp().isValid());
    EXPECT_TRUE(response->isUsageLimit()); // error 37 with eBay's "exceeded usage limit" wording
    EXPECT_FALSE(response->isTokenRefused());
    EXPECT_EQ(response->errorSummary(),
        QStringLiteral("eBay refused VerifyAddItem: Your application has exceeded usage limit on this call, please "
                       "make call to GetAPIAccessRules to check your call usage. (error 37)"));
}

TEST(EbayTradingResponseTest, FindsTheAnswerInsideANotificationEnvelope)
{
    QString problem;
    const auto response = parse("notifications/ask_seller_question.xml", QStringLiteral("GetMemberMessages"), &problem);
    ASSERT_TRUE(response) << problem.toStdString();
    EXPECT_EQ(response->ack(), EbayTradingResponse::Ack::Success);
    EXPECT_EQ(response->correlationId(), QStringLiteral("2954209950"));
    EXPECT_EQ(response->build(), QStringLiteral("e469_core_Bundled_3210255_R1"));
    EXPECT_EQ(response->timestamp(), QDateTime(QDate(2006, 7, 17), QTime(1, 41, 13, 787), Qt::UTC));
    EXPECT_EQ(response->root().name(), QStringLiteral("GetMemberMessagesResponse"));
}

TEST(EbayTradingResponseTest, RefusesAnAnswerToAnotherCall)
{
    QString problem;
    EXPECT_FALSE(parse("responses/verify_add_item_request_limit_exceeded_failure.xml",
        QStringLiteral("AddMemberMessageRTQ"), &problem));
    EXPECT_EQ(problem,
        QStringLiteral("eBay's answer to AddMemberMessageRTQ has no AddMemberMessageRTQResponse (it holds "
                       "VerifyAddItemResponse)"));
    EXPECT_FALSE(parse("notifications/m2m_message1.xml", QStringLiteral("GetMemberMessages"), &problem));
    EXPECT_EQ(problem,
        QStringLiteral("eBay's answer to GetMemberMessages has no GetMemberMessagesResponse (it holds a SOAP "
                       "envelope with GetMyMessagesResponse)"));
}

TEST(EbayTradingResponseTest, RefusesAnEnvelopeWithoutABody)
{
    QString problem;
    EXPECT_FALSE(parse("notifications/no_soap_body.xml", QStringLiteral("GetMyMessages"), &problem));
    EXPECT_EQ(problem,
        QStringLiteral("eBay's answer to GetMyMessages has no GetMyMessagesResponse (it holds a SOAP envelope with "
                       "an empty body)"));
}

TEST(EbayTradingResponseTest, RefusesADocumentCutShort)
{
    const QByteArray whole = EbayRecorded::file("notifications/ask_seller_question.xml");
    QString problem;
    EXPECT_FALSE(
        EbayTradingResponse::parse(whole.left(whole.indexOf("<Body>")), QStringLiteral("GetMemberMessages"), &problem));
    EXPECT_TRUE(problem.startsWith(QStringLiteral("eBay's answer to GetMemberMessages is not XML: ")))
        << problem.toStdString();
    EXPECT_TRUE(problem.contains(QStringLiteral("line 43"))) << problem.toStdString();
}

TEST(EbayTradingResponseTest, RefusesWhatIsNotXml)
{
    QString problem;
    EXPECT_FALSE(EbayTradingResponse::parse(
        QByteArrayLiteral("<html><body>Service Unavailable</body>"), QStringLiteral("GetMyMessages"), &problem));
    EXPECT_TRUE(problem.startsWith(QStringLiteral("eBay's answer to GetMyMessages is not XML: ")));
    EXPECT_FALSE(EbayTradingResponse::parse(QByteArray(), QStringLiteral("GetMyMessages"), &problem));
    EXPECT_EQ(problem, QStringLiteral("eBay's answer to GetMyMessages is not XML: the reply is empty"));
}

TEST(EbayTradingResponseTest, ReadsTimesAndFlags)
{
    EXPECT_EQ(EbayTradingResponse::epochSeconds(QStringLiteral("2006-07-17T01:41:13.000Z")), 1153100473);
    EXPECT_EQ(EbayTradingResponse::epochSeconds(QStringLiteral("soon")), 0);
    EXPECT_TRUE(EbayTradingResponse::flag(QStringLiteral(" true ")));
    EXPECT_FALSE(EbayTradingResponse::flag(QStringLiteral("false")));
}

} // namespace
