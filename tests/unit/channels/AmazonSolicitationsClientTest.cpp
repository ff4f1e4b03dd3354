// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// AmazonSolicitationsClient against ReplayHttpServer answering at the Selling Partner API's real paths with the
// sandbox examples of Amazon's Solicitations model (tests/data/third_party/amazon-sp-api-messaging), and a Login
// with Amazon token endpoint on the same server: the review request asked for first and sent only when offered,
// 429 and 5xx retries, a refused token, and answers that are not JSON or not the documented shape.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "SwaggerSandbox.h"
#include "TestWorkspace.h"
#include "channels/marketplace/AmazonSolicitationsClient.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <gtest/gtest.h>
#include <optional>

using namespace waybill;
using channels::marketplace::AmazonSolicitationsClient;
using channels::marketplace::SpApiOrderActionTask;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

const QString Model = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-messaging/models/solicitations-api-model/solicitations.json");
const QString ActionsOperation = QStringLiteral("/solicitations/v1/orders/{amazonOrderId}");
const QString ReviewOperation
    = QStringLiteral("/solicitations/v1/orders/{amazonOrderId}/solicitations/productReviewAndSellerFeedback");
const QString TokenPath = QStringLiteral("/auth/o2/token");
const QString AccountId = QStringLiteral("amazon:ATVPDKIKX0DER");

ReplayHttpServer::Answer token(const QByteArray &accessToken)
{
    return ReplayHttpServer::json(R"({"access_token":")" + accessToken
        + R"(","refresh_token":"Atzr|refresh","token_type":"bearer","expires_in":3600})");
}

struct Result {
    std::optional<SpApiOrderActionTask::Outcome> outcome;
    QString reason;
    std::optional<commerce::HttpJsonError> error;
};

class AmazonSolicitationsClientTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        credentials.setSecret(AccountId, QStringLiteral("Atzr|refresh"));
        replay.route("POST", TokenPath, token("Atza|first"));
        // The sandbox example's order, as getSolicitationActionsForOrder's example request names it.
        orderId = sandbox
                      .requestParameter(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"),
                          QStringLiteral("amazonOrderId"))
                      .toString();
        ASSERT_EQ(orderId, QStringLiteral("123-1234567-1234567"));
        actionsPath = QStringLiteral("/solicitations/v1/orders/%1").arg(orderId);
        reviewPath = actionsPath + QStringLiteral("/solicitations/productReviewAndSellerFeedback");
        commerce::HttpJsonClient::Config config;
        config.baseUrl = replay.baseUrl();
        config.serviceName = QStringLiteral("Amazon");
        config.backoffMs = 20;
        config.timeoutMs = 5000;
        config.maxServerRetries = 2;
        config.defaultRetryAfterMs = 200;
        tokens = std::make_unique<security::OAuthTokenSource>(
            security::OAuthProvider::loginWithAmazon(QUrl(replay.baseUrl().toString() + TokenPath),
                QStringLiteral("amzn1.application-oa2-client.test"), QStringLiteral("s3cret")),
            AccountId, credentials, network);
        client = std::make_unique<AmazonSolicitationsClient>(network, config, *tokens, QStringLiteral("ATVPDKIKX0DER"));
    }

    QString query() const { return QStringLiteral("?marketplaceIds=ATVPDKIKX0DER"); }
    QByteArray actions() const
    {
        return sandbox.response(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"));
    }
    /// The 201 example of createProductReviewAndSellerFeedbackSolicitation.
    ReplayHttpServer::Answer created() const
    {
        return ReplayHttpServer::json(
            sandbox.response(ReviewOperation, QStringLiteral("post"), QStringLiteral("201")), 201);
    }

    Result run(std::unique_ptr<SpApiOrderActionTask> task)
    {
        Result result;
        QObject::connect(task.get(), &SpApiOrderActionTask::finished, task.get(),
            [&result](SpApiOrderActionTask::Outcome outcome, const QString &reason) {
                result.outcome = outcome;
                result.reason = reason;
            });
        QObject::connect(task.get(), &SpApiOrderActionTask::failed, task.get(),
            [&result](const commerce::HttpJsonError &error) { result.error = error; });
        task->start();
        EXPECT_TRUE(waitUntil([&] { return result.outcome || result.error; }, 20000));
        return result;
    }

    waybill::testing::SwaggerSandbox sandbox { Model };
    QNetworkAccessManager network;
    ReplayHttpServer replay;
    waybill::testing::FakeCredentialStore credentials;
    std::unique_ptr<security::OAuthTokenSource> tokens;
    std::unique_ptr<AmazonSolicitationsClient> client;
    QString orderId;
    QString actionsPath;
    QString reviewPath;
};

} // namespace

TEST_F(AmazonSolicitationsClientTest, AsksForTheActionsThenRequestsTheReview)
{
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(actions()));
    replay.route("POST", reviewPath + query(), created());

    const Result result = run(client->requestReview(orderId));
    ASSERT_FALSE(result.error) << result.error->message.toStdString();
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::Done);

    const QList<ReplayHttpServer::Request> requests = replay.requests();
    ASSERT_EQ(requests.size(), 3); // the LWA token, the list, the request
    EXPECT_EQ(requests.at(1).method, QByteArray("GET"));
    EXPECT_EQ(requests.at(1).path, actionsPath);
    EXPECT_EQ(requests.at(1).query.queryItemValue(QStringLiteral("marketplaceIds")), QStringLiteral("ATVPDKIKX0DER"));
    EXPECT_EQ(requests.at(1).headers.value("x-amz-access-token"), QByteArray("Atza|first"));
    EXPECT_EQ(requests.at(2).method, QByteArray("POST"));
    EXPECT_EQ(requests.at(2).path, reviewPath);
    EXPECT_EQ(requests.at(2).headers.value("x-amz-access-token"), QByteArray("Atza|first"));
    EXPECT_TRUE(requests.at(2).body.isEmpty()); // the operation takes no body
}

TEST_F(AmazonSolicitationsClientTest, ListsWhatAmazonOffers)
{
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(actions()));
    auto task = client->actions(orderId);
    SpApiOrderActionTask *seen = task.get();
    QStringList offered;
    QObject::connect(seen, &SpApiOrderActionTask::finished, seen, [&] { offered = seen->offered(); });
    const Result result = run(std::move(task));
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::Listed);
    EXPECT_EQ(offered, QStringList { QStringLiteral("productReviewAndSellerFeedback") });
    EXPECT_TRUE(replay.requestsFor(reviewPath).isEmpty());
}

TEST_F(AmazonSolicitationsClientTest, NotOfferedSendsNothingAndSaysWhy)
{
    // The sandbox list with its one action taken out: an order Amazon does not take a review request for now.
    QJsonObject body = QJsonDocument::fromJson(actions()).object();
    QJsonObject links = body.value(QStringLiteral("_links")).toObject();
    links.insert(QStringLiteral("actions"), QJsonArray());
    body.insert(QStringLiteral("_links"), links);
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(QJsonDocument(body).toJson()));
    replay.route("POST", reviewPath + query(), created());

    const Result result = run(client->requestReview(orderId));
    ASSERT_FALSE(result.error);
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::NotOffered);
    EXPECT_TRUE(result.reason.contains(QStringLiteral("productReviewAndSellerFeedback")))
        << result.reason.toStdString();
    EXPECT_TRUE(result.reason.contains(orderId));
    EXPECT_TRUE(replay.requestsFor(reviewPath).isEmpty()) << "never guessed: nothing is posted";
}

TEST_F(AmazonSolicitationsClientTest, TooManyRequestsIsWaitedOut)
{
    replay.route("GET", actionsPath + query(), ReplayHttpServer::tooManyRequests(QByteArray()));
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(actions()));
    replay.route("POST", reviewPath + query(), ReplayHttpServer::tooManyRequests("0.1"));
    replay.route("POST", reviewPath + query(), created());

    const Result result = run(client->requestReview(orderId));
    ASSERT_FALSE(result.error) << result.error->message.toStdString();
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::Done);
    EXPECT_EQ(replay.requestsFor(actionsPath).size(), 2);
    EXPECT_EQ(replay.requestsFor(reviewPath).size(), 2);
}

TEST_F(AmazonSolicitationsClientTest, ServerErrorsAreRetriedThenGivenUp)
{
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(actions()));
    replay.route("POST", reviewPath + query(), ReplayHttpServer::status(503));
    replay.route("POST", reviewPath + query(), ReplayHttpServer::status(500));
    replay.route("POST", reviewPath + query(), created());
    Result result = run(client->requestReview(orderId));
    ASSERT_FALSE(result.error) << result.error->message.toStdString();
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::Done);
    EXPECT_EQ(replay.requestsFor(reviewPath).size(), 3);

    replay.clearRoutes();
    replay.route("POST", TokenPath, token("Atza|first"));
    replay.route("GET", actionsPath + query(), ReplayHttpServer::status(503));
    result = run(client->requestReview(orderId));
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->kind, commerce::HttpJsonError::Kind::Server);
    EXPECT_TRUE(result.error->message.contains(orderId)) << result.error->message.toStdString();
    EXPECT_EQ(replay.requestsFor(actionsPath).size(), 1 + 3); // one more list earlier, then 1 + 2 retries
}

TEST_F(AmazonSolicitationsClientTest, AnswersThatAreNotJsonOrNotTheDocumentedShapeAreClearErrors)
{
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(actions().left(40)));
    Result result = run(client->requestReview(orderId));
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->kind, commerce::HttpJsonError::Kind::Malformed);
    EXPECT_TRUE(result.error->message.contains(orderId)) << result.error->message.toStdString();
    EXPECT_TRUE(result.error->message.contains(QStringLiteral("not valid JSON")))
        << result.error->message.toStdString();

    // `actions` as a string instead of the documented array of links.
    QJsonObject body = QJsonDocument::fromJson(actions()).object();
    QJsonObject links = body.value(QStringLiteral("_links")).toObject();
    links.insert(QStringLiteral("actions"), QStringLiteral("productReviewAndSellerFeedback"));
    body.insert(QStringLiteral("_links"), links);
    replay.clearRoutes();
    replay.route("POST", TokenPath, token("Atza|first"));
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(QJsonDocument(body).toJson()));
    result = run(client->requestReview(orderId));
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->kind, commerce::HttpJsonError::Kind::Shape);
    EXPECT_TRUE(result.error->message.contains(QStringLiteral("_links.actions")))
        << result.error->message.toStdString();
    EXPECT_TRUE(replay.requestsFor(reviewPath).isEmpty());

    // Members the model does not name (Amazon adds `_embedded`) are not a reason to refuse.
    body = QJsonDocument::fromJson(actions()).object();
    body.insert(QStringLiteral("_embedded"), QJsonObject { { QStringLiteral("actions"), QJsonArray() } });
    body.insert(QStringLiteral("unexpected"), 42);
    replay.clearRoutes();
    replay.route("POST", TokenPath, token("Atza|first"));
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(QJsonDocument(body).toJson()));
    replay.route("POST", reviewPath + query(), created());
    result = run(client->requestReview(orderId));
    ASSERT_FALSE(result.error) << result.error->message.toStdString();
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::Done);
}

TEST_F(AmazonSolicitationsClientTest, ARefusedTokenIsRefreshedOnceThenTheRefusalIsReported)
{
    // A 403 with the SP-API ErrorList shape both models document (the sandbox has no 403 example).
    const QByteArray forbidden
        = R"({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]})";
    replay.clearRoutes();
    replay.route("POST", TokenPath, token("Atza|first"));
    replay.route("POST", TokenPath, token("Atza|second"));
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(forbidden, 401));
    replay.route("GET", actionsPath + query(), ReplayHttpServer::json(actions()));
    replay.route("POST", reviewPath + query(), ReplayHttpServer::json(forbidden, 403));

    const Result result = run(client->requestReview(orderId));
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->kind, commerce::HttpJsonError::Kind::Refused);
    EXPECT_EQ(result.error->httpStatus, 403);
    EXPECT_TRUE(result.error->message.contains(QStringLiteral("Access to requested resource is denied")))
        << result.error->message.toStdString();
    const QList<ReplayHttpServer::Request> lists = replay.requestsFor(actionsPath);
    ASSERT_EQ(lists.size(), 2);
    EXPECT_EQ(lists.at(0).headers.value("x-amz-access-token"), QByteArray("Atza|first"));
    EXPECT_EQ(lists.at(1).headers.value("x-amz-access-token"), QByteArray("Atza|second"));
    // The POST was refused twice: once with the token, once more after one further refresh; then it stops.
    EXPECT_EQ(replay.requestsFor(reviewPath).size(), 2);
    EXPECT_EQ(replay.requestsFor(TokenPath).size(), 3);
}
