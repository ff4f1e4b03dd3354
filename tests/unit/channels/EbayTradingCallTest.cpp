// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// EbayTradingClient and its EbayTradingCall end to end: ReplayHttpServer stands in for api.ebay.com/ws/api.dll and
// answers with what eBay really sent (tests/data/third_party/codyfauser-ebay) or with bare HTTP faults (503, 401,
// a connection closed mid-answer); FakeAuthorizationServer is eBay's token endpoint (Basic auth). There is no
// recorded answer to AddMemberMessageRTQ or AddMemberMessageAAQToPartner: their tests check what is posted and
// that another call's answer is refused, never read as theirs.
#include "EbayRecorded.h"
#include "FakeAuthorizationServer.h"
#include "FakeCredentialStore.h"
#include "QtPrinters.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "channels/marketplace/ebay/EbayCallBudget.h"
#include "channels/marketplace/ebay/EbayMemberMessagesParser.h"
#include "channels/marketplace/ebay/EbayTradingCall.h"
#include "channels/marketplace/ebay/EbayTradingClient.h"
#include "channels/marketplace/ebay/EbayTradingRequest.h"
#include "security/OAuthTokenSource.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTcpServer>

#include <gtest/gtest.h>
#include <optional>

using namespace waybill;
using channels::marketplace::EbayCallBudget;
using channels::marketplace::EbayMemberMessagesParser;
using channels::marketplace::EbayTradingCall;
using channels::marketplace::EbayTradingClient;
using channels::marketplace::EbayTradingRequest;
using channels::marketplace::EbayTradingResponse;
using commerce::HttpJsonError;
using waybill::testing::FakeAuthorizationServer;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

using waybill::testing::EbayRecorded;

namespace {

const QString TradingPath = QStringLiteral("/ws/api.dll");
const QString AccountId = QStringLiteral("ebay:massapparel");

struct Outcome {
    std::optional<EbayTradingResponse> response;
    std::optional<HttpJsonError> error;
    int emitted = 0;
    bool emittedInsideStart = false;
};

class EbayTradingCallTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        credentials.setSecret(AccountId, authorization.grantRefreshToken());
        authorization.setExpiresIn(7200);
        tokens = std::make_unique<security::OAuthTokenSource>(
            authorization.provider(security::OAuthProvider::Kind::Ebay), AccountId, credentials, network);
        makeClient(replay.baseUrl().toString() + TradingPath);
    }

    void makeClient(const QString &url)
    {
        EbayTradingClient::Config config;
        config.tradingUrl = QUrl(url);
        config.timeoutMs = 5000;
        config.maxServerRetries = 2;
        config.backoffMs = 20;
        client = std::make_unique<EbayTradingClient>(
            network, config, *tokens, budget, [] { return QDateTime::currentMSecsSinceEpoch(); });
    }

    Outcome run(EbayTradingCall &call, int timeoutMs = 10000)
    {
        Outcome outcome;
        bool starting = true;
        QObject::connect(&call, &EbayTradingCall::finished, &call, [&](const EbayTradingResponse &response) {
            outcome.response = response;
            ++outcome.emitted;
            outcome.emittedInsideStart |= starting;
        });
        QObject::connect(&call, &EbayTradingCall::failed, &call, [&](const HttpJsonError &error) {
            outcome.error = error;
            ++outcome.emitted;
            outcome.emittedInsideStart |= starting;
        });
        call.start();
        starting = false;
        EXPECT_TRUE(waitUntil([&] { return outcome.emitted > 0; }, timeoutMs));
        waitUntil([] { return false; }, 50); // a second signal would arrive now
        EXPECT_EQ(outcome.emitted, 1);
        EXPECT_FALSE(outcome.emittedInsideStart);
        return outcome;
    }

    Outcome officialTime()
    {
        const std::unique_ptr<EbayTradingCall> call
            = client->call(QStringLiteral("GeteBayOfficialTime"), EbayTradingRequest::geteBayOfficialTime());
        return run(*call);
    }

    QNetworkAccessManager network;
    ReplayHttpServer replay;
    FakeAuthorizationServer authorization;
    waybill::testing::FakeCredentialStore credentials;
    std::unique_ptr<security::OAuthTokenSource> tokens;
    EbayCallBudget budget;
    std::unique_ptr<EbayTradingClient> client;
};

TEST_F(EbayTradingCallTest, PostsTheBodyWithEbaysHeaders)
{
    replay.route(
        "POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("notifications/ask_seller_question.xml")));
    const QByteArray body = EbayTradingRequest::getMemberMessages(
        QDateTime::currentDateTimeUtc().addSecs(-3600), QDateTime::currentDateTimeUtc(), 1);
    const std::unique_ptr<EbayTradingCall> call = client->call(QStringLiteral("GetMemberMessages"), body);
    const Outcome outcome = run(*call);
    ASSERT_TRUE(outcome.response) << (outcome.error ? outcome.error->message.toStdString() : std::string());

    const QList<ReplayHttpServer::Request> sent = replay.requestsFor(TradingPath);
    ASSERT_EQ(sent.size(), 1);
    const ReplayHttpServer::Request &request = sent.constFirst();
    EXPECT_EQ(request.method, QByteArrayLiteral("POST"));
    EXPECT_EQ(request.body, body);
    EXPECT_EQ(request.headers.value("x-ebay-api-call-name"), QByteArrayLiteral("GetMemberMessages"));
    EXPECT_EQ(request.headers.value("x-ebay-api-siteid"), QByteArrayLiteral("0"));
    EXPECT_EQ(request.headers.value("x-ebay-api-compatibility-level"), QByteArrayLiteral("1455"));
    EXPECT_EQ(request.headers.value("x-ebay-api-iaf-token"), QByteArrayLiteral("access-1"));
    EXPECT_TRUE(request.headers.value("content-type").startsWith("text/xml"));
    EXPECT_EQ(authorization.refreshRequests(), 1);
    EXPECT_EQ(budget.used(QDateTime::currentMSecsSinceEpoch()), 1);

    QString problem;
    const auto page = EbayMemberMessagesParser::parse(*outcome.response, &problem);
    ASSERT_TRUE(page) << problem.toStdString();
    ASSERT_EQ(page->messages.size(), 1);
    EXPECT_EQ(page->messages.constFirst().body, QStringLiteral("Hey, cool boots!"));
}

TEST_F(EbayTradingCallTest, AWarningIsASuccess)
{
    replay.route("POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("responses/official_time_warning.xml")));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.response);
    EXPECT_EQ(outcome.response->ack(), EbayTradingResponse::Ack::Warning);
    EXPECT_EQ(outcome.response->warnings().size(), 2);
}

TEST_F(EbayTradingCallTest, AckFailureWithARequestErrorIsEbaysRefusal)
{
    // eBay's recorded RequestError (code 37) without the usage-limit wording it was recorded with (taken out here, in
    // memory): a refusal of this request.
    QByteArray refusal = EbayRecorded::file("responses/verify_add_item_request_limit_exceeded_failure.xml");
    refusal.replace(refusal.mid(refusal.indexOf("<ShortMessage>"),
                        refusal.indexOf("<ErrorCode>") - refusal.indexOf("<ShortMessage>")),
        QByteArray());
    replay.route("POST", TradingPath, EbayRecorded::answer(refusal));
    const std::unique_ptr<EbayTradingCall> call = client->call(QStringLiteral("VerifyAddItem"), QByteArray("<x/>"));
    const Outcome outcome = run(*call);
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Http);
    EXPECT_TRUE(outcome.error->message.contains(QStringLiteral("37"))) << outcome.error->message.toStdString();
}

TEST_F(EbayTradingCallTest, AckFailureOfEbaysOwnSystemIsAServerError)
{
    replay.route("POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("responses/official_time_failure.xml")));
    const std::unique_ptr<EbayTradingCall> call
        = client->call(QStringLiteral("GeteBayOfficialTime"), EbayTradingRequest::geteBayOfficialTime());
    const Outcome outcome = run(*call);
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Server) << "SystemError: eBay's trouble, tried again later";
    EXPECT_EQ(
        outcome.error->message, QStringLiteral("eBay refused GeteBayOfficialTime: no reason given (SystemError)"));
    ASSERT_TRUE(call->lastResponse());
    EXPECT_EQ(call->lastResponse()->ack(), EbayTradingResponse::Ack::Failure);
    EXPECT_FALSE(budget.isPaused(QDateTime::currentMSecsSinceEpoch()));
}

TEST_F(EbayTradingCallTest, TheUsageLimitPausesTheBudget)
{
    replay.route("POST", TradingPath,
        EbayRecorded::answer(EbayRecorded::file("responses/verify_add_item_request_limit_exceeded_failure.xml")));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const std::unique_ptr<EbayTradingCall> call
        = client->call(QStringLiteral("VerifyAddItem"), EbayTradingRequest::geteBayOfficialTime());
    const Outcome outcome = run(*call);
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::RateLimited);
    EXPECT_EQ(outcome.error->retryAfterMs, 60'000);
    EXPECT_TRUE(outcome.error->message.startsWith(
        QStringLiteral("eBay's usage limit for VerifyAddItem is reached; eBay calls pause for a minute (eBay refused "
                       "VerifyAddItem: Your application has exceeded usage limit")))
        << outcome.error->message.toStdString();
    EXPECT_GE(budget.pausedUntil(), before + 60'000);
    EXPECT_TRUE(budget.isPaused(QDateTime::currentMSecsSinceEpoch()));
    EXPECT_EQ(replay.requestsFor(TradingPath).size(), 1); // no retry into the limit
}

TEST_F(EbayTradingCallTest, ARefusedTokenIsRefreshedOnce)
{
    replay.route("POST", TradingPath, ReplayHttpServer::status(401));
    replay.route("POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("responses/official_time_success.xml")));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.response) << (outcome.error ? outcome.error->message.toStdString() : std::string());
    const QList<ReplayHttpServer::Request> sent = replay.requestsFor(TradingPath);
    ASSERT_EQ(sent.size(), 2);
    EXPECT_EQ(sent.at(0).headers.value("x-ebay-api-iaf-token"), QByteArrayLiteral("access-1"));
    EXPECT_EQ(sent.at(1).headers.value("x-ebay-api-iaf-token"), QByteArrayLiteral("access-2"));
    EXPECT_EQ(authorization.refreshRequests(), 2);
    EXPECT_EQ(budget.used(QDateTime::currentMSecsSinceEpoch()), 2); // the retry is a call too
}

TEST_F(EbayTradingCallTest, ATokenRefusedTwiceAsksToSignInAgain)
{
    replay.route("POST", TradingPath, ReplayHttpServer::status(401));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Refused);
    EXPECT_TRUE(outcome.error->message.startsWith(QStringLiteral(
        "eBay refused the access token for GeteBayOfficialTime again after a fresh one: sign in to eBay again")))
        << outcome.error->message.toStdString();
    EXPECT_EQ(replay.requestsFor(TradingPath).size(), 2);
}

TEST_F(EbayTradingCallTest, NoTokenNoCall)
{
    authorization.revokeAll();
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Refused);
    EXPECT_TRUE(outcome.error->message.startsWith(QStringLiteral("No eBay access token for GeteBayOfficialTime: ")))
        << outcome.error->message.toStdString();
    EXPECT_TRUE(replay.requestsFor(TradingPath).isEmpty());
}

TEST_F(EbayTradingCallTest, AnUnreachableTokenEndpointIsNotARefusal)
{
    // Nothing listens at the token endpoint: eBay refused nothing, the call is tried again later.
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    client.reset(); // it uses the token source
    tokens = std::make_unique<security::OAuthTokenSource>(
        security::OAuthProvider::ebay(QUrl(QStringLiteral("http://127.0.0.1:%1/identity/v1/oauth2/token").arg(port)),
            QStringLiteral("app"), QStringLiteral("cert"), QString()),
        AccountId, credentials, network);
    makeClient(replay.baseUrl().toString() + TradingPath);
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Network) << outcome.error->message.toStdString();
    EXPECT_TRUE(replay.requestsFor(TradingPath).isEmpty());
}

TEST_F(EbayTradingCallTest, AServerErrorIsRetried)
{
    replay.route("POST", TradingPath, ReplayHttpServer::status(503));
    replay.route("POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("responses/official_time_success.xml")));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.response);
    EXPECT_EQ(outcome.response->ack(), EbayTradingResponse::Ack::Success);
    EXPECT_EQ(replay.requestsFor(TradingPath).size(), 2);
    EXPECT_EQ(budget.used(QDateTime::currentMSecsSinceEpoch()), 2); // eBay counts the retry too
}

TEST_F(EbayTradingCallTest, AServerThatKeepsFailingNamesTheCall)
{
    replay.route("POST", TradingPath, ReplayHttpServer::status(503));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Server);
    EXPECT_TRUE(outcome.error->message.startsWith(QStringLiteral("eBay GeteBayOfficialTime: eBay answered 503")))
        << outcome.error->message.toStdString();
    EXPECT_EQ(replay.requestsFor(TradingPath).size(), 3);
}

TEST_F(EbayTradingCallTest, AConnectionClosedMidAnswerIsRetried)
{
    const QByteArray recorded = EbayRecorded::file("responses/official_time_success.xml");
    replay.route("POST", TradingPath, ReplayHttpServer::truncated(recorded, 100));
    replay.route("POST", TradingPath, EbayRecorded::answer(recorded));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.response) << (outcome.error ? outcome.error->message.toStdString() : std::string());
    EXPECT_EQ(replay.requestsFor(TradingPath).size(), 2);
}

TEST_F(EbayTradingCallTest, AConnectionThatKeepsClosingFails)
{
    replay.route("POST", TradingPath,
        ReplayHttpServer::truncated(EbayRecorded::file("responses/official_time_success.xml"), 100));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Network);
    EXPECT_TRUE(outcome.error->message.startsWith(QStringLiteral("eBay GeteBayOfficialTime: ")))
        << outcome.error->message.toStdString();
}

TEST_F(EbayTradingCallTest, ATruncatedFileIsNotXml)
{
    const QByteArray recorded = EbayRecorded::file("notifications/ask_seller_question.xml");
    replay.route("POST", TradingPath, EbayRecorded::answer(recorded.left(recorded.indexOf("<Body>"))));
    const std::unique_ptr<EbayTradingCall> call = client->call(QStringLiteral("GetMemberMessages"), QByteArray("<x/>"));
    const Outcome outcome = run(*call);
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Malformed);
    EXPECT_TRUE(outcome.error->message.startsWith(QStringLiteral("eBay's answer to GetMemberMessages is not XML: ")))
        << outcome.error->message.toStdString();
    EXPECT_EQ(outcome.error->body, recorded.left(recorded.indexOf("<Body>")));
}

TEST_F(EbayTradingCallTest, MalformedXmlIsRefused)
{
    replay.route("POST", TradingPath,
        EbayRecorded::answer(EbayRecorded::file("responses/official_time_success.xml").replace("</Ack>", "</Ak>")));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Malformed);
    EXPECT_TRUE(outcome.error->message.startsWith(QStringLiteral("eBay's answer to GeteBayOfficialTime is not XML: ")));
}

TEST_F(EbayTradingCallTest, AnAnswerToAQuestionPostsTheReplyAndRefusesAnotherCallsAnswer)
{
    replay.route("POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("responses/official_time_failure.xml")));
    const QByteArray body = EbayTradingRequest::addMemberMessageRtq(QStringLiteral("110001567511"),
        QStringLiteral("148860"), QStringLiteral("fguser2"), QStringLiteral("Yes, size 11 too.\nMass Apparel"));
    const std::unique_ptr<EbayTradingCall> call = client->call(QStringLiteral("AddMemberMessageRTQ"), body);
    const Outcome outcome = run(*call);
    const QList<ReplayHttpServer::Request> sent = replay.requestsFor(TradingPath);
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.constFirst().body, body);
    EXPECT_EQ(sent.constFirst().headers.value("x-ebay-api-call-name"), QByteArrayLiteral("AddMemberMessageRTQ"));
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Malformed);
    EXPECT_EQ(outcome.error->message,
        QStringLiteral("eBay's answer to AddMemberMessageRTQ has no AddMemberMessageRTQResponse (it holds "
                       "GeteBayOfficialTimeResponse)"));
}

TEST_F(EbayTradingCallTest, AMessageToThePartnerIsNotReadFromAnotherCallsFailure)
{
    replay.route("POST", TradingPath,
        EbayRecorded::answer(EbayRecorded::file("responses/verify_add_item_request_limit_exceeded_failure.xml")));
    const QByteArray body = EbayTradingRequest::addMemberMessageAaqToPartner(QStringLiteral("140001153277"),
        QStringLiteral("caylon2006"), QStringLiteral("Your shirt"), QStringLiteral("It left today."));
    const std::unique_ptr<EbayTradingCall> call = client->call(QStringLiteral("AddMemberMessageAAQToPartner"), body);
    const Outcome outcome = run(*call);
    ASSERT_EQ(replay.requestsFor(TradingPath).size(), 1);
    EXPECT_EQ(replay.requestsFor(TradingPath).constFirst().body, body);
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Malformed);
    EXPECT_TRUE(outcome.error->message.contains(QStringLiteral("has no AddMemberMessageAAQToPartnerResponse")));
    EXPECT_FALSE(budget.isPaused(QDateTime::currentMSecsSinceEpoch())); // another call's limit is not read as ours
}

TEST_F(EbayTradingCallTest, WaitsForTheBudget)
{
    replay.route("POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("responses/official_time_success.xml")));
    EbayCallBudget tight(1, 400);
    EbayTradingClient::Config config;
    config.tradingUrl = QUrl(replay.baseUrl().toString() + TradingPath);
    EbayTradingClient slow(network, config, *tokens, tight, [] { return QDateTime::currentMSecsSinceEpoch(); });
    for (int i = 0; i < 2; ++i) {
        const std::unique_ptr<EbayTradingCall> call
            = slow.call(QStringLiteral("GeteBayOfficialTime"), EbayTradingRequest::geteBayOfficialTime());
        ASSERT_TRUE(run(*call).response);
    }
    const QList<ReplayHttpServer::Request> sent = replay.requestsFor(TradingPath);
    ASSERT_EQ(sent.size(), 2);
    EXPECT_GE(sent.at(1).atMs - sent.at(0).atMs, 300);
}

TEST_F(EbayTradingCallTest, PlainHttpOnlyToThisComputer)
{
    makeClient(QStringLiteral("http://api.ebay.example/ws/api.dll"));
    const Outcome outcome = officialTime();
    ASSERT_TRUE(outcome.error);
    EXPECT_EQ(outcome.error->kind, HttpJsonError::Kind::Network);
    EXPECT_TRUE(outcome.error->message.startsWith(QStringLiteral("eBay GeteBayOfficialTime: ")));
    EXPECT_TRUE(outcome.error->message.contains(QStringLiteral("is not encrypted")));
}

TEST_F(EbayTradingCallTest, AbortAndDestructionAreSilent)
{
    replay.route("POST", TradingPath, EbayRecorded::answer(EbayRecorded::file("responses/official_time_success.xml")));
    int emitted = 0;
    {
        const std::unique_ptr<EbayTradingCall> call
            = client->call(QStringLiteral("GeteBayOfficialTime"), EbayTradingRequest::geteBayOfficialTime());
        QObject::connect(call.get(), &EbayTradingCall::finished, call.get(), [&] { ++emitted; });
        QObject::connect(call.get(), &EbayTradingCall::failed, call.get(), [&] { ++emitted; });
        call->start();
        call->abort();
        waitUntil([] { return false; }, 200);
        call->start();
        waitUntil([&] { return authorization.refreshRequests() > 0; }, 2000);
    } // destroyed while the token or the request is on its way
    waitUntil([] { return false; }, 300);
    EXPECT_EQ(emitted, 0);
}

} // namespace
