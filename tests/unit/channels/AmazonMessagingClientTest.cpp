// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// AmazonMessagingClient against ReplayHttpServer answering at the Selling Partner API's real paths with the sandbox
// examples of Amazon's Messaging model (tests/data/third_party/amazon-sp-api-messaging): the message types allowed
// for an order are asked for first, only a listed type is posted (with the example's request body), and the rest
// is refused with a reason, before any request when the type cannot carry text.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "SwaggerSandbox.h"
#include "TestWorkspace.h"
#include "channels/marketplace/AmazonMessagingClient.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>

#include <gtest/gtest.h>
#include <optional>

using namespace waybill;
using channels::marketplace::AmazonMessagingClient;
using channels::marketplace::SpApiOrderActionTask;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

const QString Model = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-messaging/models/messaging-api-model/messaging.json");
const QString ActionsOperation = QStringLiteral("/messaging/v1/orders/{amazonOrderId}");
const QString DeliveryOperation
    = QStringLiteral("/messaging/v1/orders/{amazonOrderId}/messages/confirmDeliveryDetails");
const QString TokenPath = QStringLiteral("/auth/o2/token");
const QString AccountId = QStringLiteral("amazon:ATVPDKIKX0DER");
const QString Query = QStringLiteral("?marketplaceIds=ATVPDKIKX0DER");

struct Result {
    std::optional<SpApiOrderActionTask::Outcome> outcome;
    QString reason;
    QStringList offered;
    std::optional<commerce::HttpJsonError> error;
};

class AmazonMessagingClientTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        credentials.setSecret(AccountId, QStringLiteral("Atzr|refresh"));
        replay.route("POST", TokenPath,
            ReplayHttpServer::json(
                R"({"access_token":"Atza|first","refresh_token":"Atzr|refresh","token_type":"bearer","expires_in":3600})"));
        orderId = sandbox
                      .requestParameter(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"),
                          QStringLiteral("amazonOrderId"))
                      .toString();
        ASSERT_EQ(orderId, QStringLiteral("123-1234567-1234567"));
        actionsPath = QStringLiteral("/messaging/v1/orders/%1").arg(orderId);
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
        client = std::make_unique<AmazonMessagingClient>(network, config, *tokens, QStringLiteral("ATVPDKIKX0DER"));
    }

    QByteArray actions() const
    {
        return sandbox.response(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"));
    }
    /// The names of the sandbox list, read here from its links (`…/messages/<name>?…`), not from the parser.
    QStringList sandboxNames() const
    {
        QStringList names;
        const QJsonArray list = QJsonDocument::fromJson(actions())
                                    .object()
                                    .value(QStringLiteral("_links"))
                                    .toObject()
                                    .value(QStringLiteral("actions"))
                                    .toArray();
        for (const QJsonValue &action : list) {
            const QString href = action.toObject().value(QStringLiteral("href")).toString();
            names << href.section(u'?', 0, 0).section(u'/', -1);
        }
        return names;
    }

    Result run(std::unique_ptr<SpApiOrderActionTask> task)
    {
        Result result;
        SpApiOrderActionTask *seen = task.get();
        QObject::connect(seen, &SpApiOrderActionTask::finished, seen,
            [&result, seen](SpApiOrderActionTask::Outcome outcome, const QString &reason) {
                result.outcome = outcome;
                result.reason = reason;
                result.offered = seen->offered();
            });
        QObject::connect(seen, &SpApiOrderActionTask::failed, seen,
            [&result](const commerce::HttpJsonError &error) { result.error = error; });
        seen->start();
        EXPECT_TRUE(waitUntil([&] { return result.outcome || result.error; }, 20000));
        return result;
    }

    waybill::testing::SwaggerSandbox sandbox { Model };
    QNetworkAccessManager network;
    ReplayHttpServer replay;
    waybill::testing::FakeCredentialStore credentials;
    std::unique_ptr<security::OAuthTokenSource> tokens;
    std::unique_ptr<AmazonMessagingClient> client;
    QString orderId;
    QString actionsPath;
};

} // namespace

TEST_F(AmazonMessagingClientTest, ListsTheMessageTypesAmazonAllowsForTheOrder)
{
    replay.route("GET", actionsPath + Query, ReplayHttpServer::json(actions()));
    const Result result = run(client->actions(orderId));
    ASSERT_FALSE(result.error) << result.error->message.toStdString();
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::Listed);
    EXPECT_EQ(result.offered, sandboxNames());
    EXPECT_TRUE(result.offered.contains(QStringLiteral("confirmDeliveryDetails")));
    EXPECT_EQ(replay.requestsFor(actionsPath).at(0).headers.value("x-amz-access-token"), QByteArray("Atza|first"));
}

TEST_F(AmazonMessagingClientTest, SendsAListedTypeWithTheDocumentedBody)
{
    replay.route("GET", actionsPath + Query, ReplayHttpServer::json(actions()));
    const QString deliveryPath = actionsPath + QStringLiteral("/messages/confirmDeliveryDetails");
    replay.route("POST", deliveryPath + Query,
        ReplayHttpServer::json(
            sandbox.response(DeliveryOperation, QStringLiteral("post"), QStringLiteral("201")), 201));
    // The sandbox example's request body: {"text": "My Message"}.
    const QJsonObject exampleBody = sandbox
                                        .requestParameter(DeliveryOperation, QStringLiteral("post"),
                                            QStringLiteral("201"), QStringLiteral("body"))
                                        .toObject();
    QString problem;
    auto task = client->send(orderId, QStringLiteral("confirmDeliveryDetails"),
        exampleBody.value(QStringLiteral("text")).toString(), &problem);
    ASSERT_TRUE(task) << problem.toStdString();
    const Result result = run(std::move(task));
    ASSERT_FALSE(result.error) << result.error->message.toStdString();
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::Done);

    const QList<ReplayHttpServer::Request> posts = replay.requestsFor(deliveryPath);
    ASSERT_EQ(posts.size(), 1);
    EXPECT_EQ(posts.at(0).query.queryItemValue(QStringLiteral("marketplaceIds")), QStringLiteral("ATVPDKIKX0DER"));
    EXPECT_EQ(QJsonDocument::fromJson(posts.at(0).body).object(), exampleBody);
    EXPECT_EQ(posts.at(0).headers.value("content-type"), QByteArray("application/json"));
    // Asked first: the list came before the message.
    EXPECT_LT(replay.requestsFor(actionsPath).at(0).atMs, posts.at(0).atMs + 1);
}

TEST_F(AmazonMessagingClientTest, ATypeAmazonDoesNotListIsRefusedWithAReason)
{
    // The sandbox list without confirmDeliveryDetails: Amazon no longer offers it for this order.
    QJsonObject body = QJsonDocument::fromJson(actions()).object();
    QJsonObject links = body.value(QStringLiteral("_links")).toObject();
    QJsonArray kept;
    for (const QJsonValue &action : links.value(QStringLiteral("actions")).toArray()) {
        if (action.toObject().value(QStringLiteral("name")).toString() != QLatin1String("confirmDeliveryDetails")) {
            kept.append(action);
        }
    }
    links.insert(QStringLiteral("actions"), kept);
    body.insert(QStringLiteral("_links"), links);
    replay.route("GET", actionsPath + Query, ReplayHttpServer::json(QJsonDocument(body).toJson()));

    QString problem;
    const Result result
        = run(client->send(orderId, QStringLiteral("confirmDeliveryDetails"), QStringLiteral("Your parcel"), &problem));
    ASSERT_FALSE(result.error);
    EXPECT_EQ(result.outcome, SpApiOrderActionTask::Outcome::NotOffered);
    EXPECT_TRUE(result.reason.contains(QStringLiteral("confirmDeliveryDetails"))) << result.reason.toStdString();
    EXPECT_TRUE(result.reason.contains(QStringLiteral("unexpectedProblem"))) << "says what Amazon does offer";
    EXPECT_TRUE(replay.requestsFor(actionsPath + QStringLiteral("/messages/confirmDeliveryDetails")).isEmpty());
}

TEST_F(AmazonMessagingClientTest, TypesThatCannotCarryTextAreRefusedBeforeAnyRequest)
{
    QString problem;
    EXPECT_FALSE(client->send(orderId, QStringLiteral("invoice"), QStringLiteral("Invoice attached"), &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("invoice"))) << problem.toStdString();
    EXPECT_FALSE(client->send(orderId, QStringLiteral("legalDisclosure"), QStringLiteral("text"), &problem));
    EXPECT_FALSE(client->send(orderId, QStringLiteral("warranty"), QStringLiteral("text"), &problem));
    EXPECT_FALSE(client->send(orderId, QStringLiteral("negativeFeedbackRemoval"), QStringLiteral("text"), &problem));
    // The model's limits: 800 characters for customization details, at least one character.
    EXPECT_FALSE(client->send(orderId, QStringLiteral("confirmCustomizationDetails"), QString(801, u'a'), &problem));
    EXPECT_TRUE(problem.contains(QStringLiteral("800"))) << problem.toStdString();
    EXPECT_TRUE(client->send(orderId, QStringLiteral("confirmCustomizationDetails"), QString(800, u'a'), &problem));
    EXPECT_EQ(AmazonMessagingClient::maxTextLength(QStringLiteral("confirmCustomizationDetails")), 800);
    EXPECT_EQ(AmazonMessagingClient::maxTextLength(QStringLiteral("unexpectedProblem")), 2000);
    EXPECT_EQ(AmazonMessagingClient::maxTextLength(QStringLiteral("invoice")), 0);
    EXPECT_FALSE(client->send(orderId, QStringLiteral("unexpectedProblem"), QStringLiteral("  "), &problem));
    EXPECT_TRUE(replay.requests().isEmpty());
}

TEST_F(AmazonMessagingClientTest, AmazonsInvalidInputAnswerIsReportedForThatOrder)
{
    // The sandbox's 400 example, for the order id its request names.
    const QString badOrder = sandbox
                                 .requestParameter(ActionsOperation, QStringLiteral("get"), QStringLiteral("400"),
                                     QStringLiteral("amazonOrderId"))
                                 .toString();
    ASSERT_EQ(badOrder, QStringLiteral("123-1234567-0000000"));
    replay.route("GET", QStringLiteral("/messaging/v1/orders/") + badOrder + Query,
        ReplayHttpServer::json(sandbox.response(ActionsOperation, QStringLiteral("get"), QStringLiteral("400")), 400));
    const Result result = run(client->actions(badOrder));
    ASSERT_TRUE(result.error);
    EXPECT_EQ(result.error->kind, commerce::HttpJsonError::Kind::Http);
    EXPECT_TRUE(result.error->message.contains(badOrder)) << result.error->message.toStdString();
    EXPECT_TRUE(result.error->message.contains(QStringLiteral("InvalidInput"))) << result.error->message.toStdString();
}
