// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The review-request rule for Amazon orders, end to end with an injected clock: the rules pass (RulesPass,
// RuleExecutor) queues Amazon's own review request once per order inside Amazon's window, and
// AmazonSolicitationSender sends it through the Solicitations API on ReplayHttpServer, which answers at the real
// paths with the sandbox examples of Amazon's Solicitations model (tests/data/third_party/amazon-sp-api-messaging)
// or with faults built from them. Answers are recorded per order; a bad answer for one order loses nothing else.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "SwaggerSandbox.h"
#include "TestWorkspace.h"
#include "commerce/AmazonOrderSync.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "engine/AmazonSolicitationSender.h"
#include "engine/RulesPass.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"
#include "storage/AccountRepository.h"
#include "storage/AmazonSolicitationRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/OrderRepository.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace waybill;
using engine::AmazonSolicitationSender;
using engine::RulesPass;
using storage::AmazonSolicitationRepository;
using storage::SqlQuery;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Day = 24 * 3600;
const QString Model = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-messaging/models/solicitations-api-model/solicitations.json");
const QString ActionsOperation = QStringLiteral("/solicitations/v1/orders/{amazonOrderId}");
const QString ReviewOperation
    = QStringLiteral("/solicitations/v1/orders/{amazonOrderId}/solicitations/productReviewAndSellerFeedback");
const QString SandboxOrder = QStringLiteral("123-1234567-1234567");
const QString OtherOrder = QStringLiteral("114-3941689-8772232");
const QString TokenPath = QStringLiteral("/auth/o2/token");
const QString Query = QStringLiteral("?marketplaceIds=ATVPDKIKX0DER");

struct Pass {
    int sent = -1;
    int refused = -1;
    QString problem;
};

class AmazonReviewRequestTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        account.marketplaceIds = { QStringLiteral("ATVPDKIKX0DER") };
        account.id = domain::AmazonAccount::idFor(account.marketplaceIds);
        account.name = QStringLiteral("Harbor Tea US");
        account.baseUrl = replay.baseUrl().toString();
        account.lwaUrl = replay.baseUrl().toString() + TokenPath;
        account.clientId = QStringLiteral("amzn1.application-oa2-client.test");
        storage::AccountRepository(db()).saveAmazonAccount(account, now);
        db().execute(QStringLiteral("DELETE FROM rules")); // the shipped examples are not part of these tests
        credentials.setSecret(account.id, QStringLiteral("Atzr|refresh"));
        replay.route("POST", TokenPath,
            ReplayHttpServer::json(R"({"access_token":"Atza|first","refresh_token":"Atzr|refresh",)"
                                   R"("token_type":"bearer","expires_in":3600})"));
        ASSERT_EQ(sandbox
                      .requestParameter(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"),
                          QStringLiteral("amazonOrderId"))
                      .toString(),
            SandboxOrder);
    }

    const storage::Database &db() { return workspace.db(); }
    RulesPass pass()
    {
        return RulesPass(
            db(), [this] { return now; }, QTimeZone::utc());
    }

    std::unique_ptr<AmazonSolicitationSender> makeSender()
    {
        commerce::HttpJsonClient::Config config = commerce::AmazonOrderSync::clientConfig(account);
        config.backoffMs = 20;
        config.timeoutMs = 5000;
        config.maxServerRetries = 1;
        config.defaultRetryAfterMs = 100;
        config.maxRateLimitWaits = 1;
        auto tokens = std::make_unique<security::OAuthTokenSource>(
            security::OAuthProvider::loginWithAmazon(QUrl(account.lwaUrl), account.clientId, QStringLiteral("s3cret")),
            account.id, credentials, network);
        return std::make_unique<AmazonSolicitationSender>(
            workspace.db(), network, config, std::move(tokens), account, [this] { return now; });
    }

    Pass send(AmazonSolicitationSender &sender)
    {
        QSignalSpy ended(&sender, &AmazonSolicitationSender::passEnded);
        sender.start();
        EXPECT_TRUE(waitUntil([&] { return ended.count() > 0; }, 20000));
        Pass result;
        if (!ended.isEmpty()) {
            result.sent = ended.at(0).at(0).toInt();
            result.refused = ended.at(0).at(1).toInt();
            result.problem = ended.at(0).at(2).toString();
        }
        return result;
    }

    /// An Amazon order of this account, delivered at `deliveredAt`.
    qint64 addOrder(const QString &amazonOrderId, qint64 deliveredAt)
    {
        const storage::OrderRepository orders(db());
        domain::Order order { 0, QStringLiteral("amazon"), amazonOrderId, 0, deliveredAt - 4 * Day,
            QStringLiteral("USD"), 2500, 0, 0, 2500, QStringLiteral("Shipped"), {} };
        const qint64 id = orders.insert(order);
        SqlQuery q(db(), QStringLiteral("UPDATE orders SET account = ?, external_id = ? WHERE id = ?"));
        q.bind(account.id).bind(amazonOrderId).bind(id).exec();
        domain::Shipment shipment;
        shipment.orderId = id;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA1012345678") + amazonOrderId.right(1);
        shipment.status = domain::TrackingStatus::Delivered;
        shipment.shippedAt = deliveredAt - 3 * Day;
        shipment.deliveredAt = deliveredAt;
        orders.insertShipment(shipment);
        return id;
    }

    qint64 addReviewRule(int days = 5, const QString &name = QStringLiteral("Review request"))
    {
        domain::Rule rule;
        rule.name = name;
        rule.trigger = domain::RuleTrigger::Delivered;
        rule.triggerAmount = days;
        rule.templateName = QStringLiteral("Review request");
        rule.reviewRequest = true;
        rule.createdAt = now;
        rule.updatedAt = now;
        return storage::RuleRepository(db()).insert(rule);
    }

    std::optional<storage::AmazonSolicitation> solicitation(qint64 orderId)
    {
        return AmazonSolicitationRepository(db()).find(orderId);
    }

    qint64 count(const QString &sql)
    {
        SqlQuery q(db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    /// getSolicitationActionsForOrder's sandbox answer, for `orderId` (its links rewritten to name that order).
    ReplayHttpServer::Answer actionsFor(const QString &orderId, bool offered = true) const
    {
        QByteArray body = sandbox.response(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"));
        body.replace(SandboxOrder.toLatin1(), orderId.toLatin1());
        if (!offered) {
            QJsonObject object = QJsonDocument::fromJson(body).object();
            QJsonObject links = object.value(QStringLiteral("_links")).toObject();
            links.insert(QStringLiteral("actions"), QJsonArray());
            object.insert(QStringLiteral("_links"), links);
            body = QJsonDocument(object).toJson();
        }
        return ReplayHttpServer::json(body);
    }
    ReplayHttpServer::Answer created() const
    {
        return ReplayHttpServer::json(
            sandbox.response(ReviewOperation, QStringLiteral("post"), QStringLiteral("201")), 201);
    }
    static QString listPath(const QString &orderId) { return QStringLiteral("/solicitations/v1/orders/") + orderId; }
    static QString reviewPath(const QString &orderId)
    {
        return listPath(orderId) + QStringLiteral("/solicitations/productReviewAndSellerFeedback");
    }

    waybill::testing::TestWorkspace workspace;
    waybill::testing::SwaggerSandbox sandbox { Model };
    QNetworkAccessManager network;
    ReplayHttpServer replay;
    waybill::testing::FakeCredentialStore credentials;
    domain::AmazonAccount account;
    qint64 now = 1772000000;
};

} // namespace

TEST_F(AmazonReviewRequestTest, OneRequestPerOrderThroughSolicitations)
{
    const qint64 order = addOrder(SandboxOrder, now - 6 * Day);
    addReviewRule();
    // The buyer's question about the order, answered and closed before the review request.
    domain::ConversationSummary c;
    c.channel = domain::Channel::Amazon;
    c.orderId = order;
    c.status = domain::ConversationStatus::Closed;
    c.createdAt = now - 5 * Day;
    c.lastActivity = now - 5 * Day;
    const qint64 conversation = storage::ConversationRepository(db()).insert(c);

    const RulesPass::Report first = pass().run();
    ASSERT_EQ(first.decisions.size(), 1);
    EXPECT_TRUE(first.decisions.at(0).amazonSolicitation());
    ASSERT_EQ(first.results.size(), 1);
    EXPECT_TRUE(first.results.at(0).messaged);
    EXPECT_TRUE(first.results.at(0).outcome.contains(QStringLiteral("Solicitations")))
        << first.results.at(0).outcome.toStdString();
    ASSERT_TRUE(solicitation(order));
    EXPECT_EQ(solicitation(order)->state, QStringLiteral("pending"));
    // Amazon writes that e-mail itself: no message, no outbox row, nothing sent to the buyer's relay address.
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 0);

    // A second pass, and a second review rule, ask for nothing more.
    now += 3600;
    EXPECT_TRUE(pass().run().decisions.isEmpty());
    addReviewRule(5, QStringLiteral("Another review request"));
    EXPECT_TRUE(pass().run().decisions.isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM amazon_solicitations")), 1);

    replay.route("GET", listPath(SandboxOrder) + Query, actionsFor(SandboxOrder));
    replay.route("POST", reviewPath(SandboxOrder) + Query, created());
    auto sender = makeSender();
    const Pass sent = send(*sender);
    EXPECT_EQ(sent.sent, 1);
    EXPECT_EQ(sent.refused, 0);
    EXPECT_TRUE(sent.problem.isEmpty()) << sent.problem.toStdString();
    EXPECT_EQ(solicitation(order)->state, QStringLiteral("sent"));
    EXPECT_EQ(replay.requestsFor(reviewPath(SandboxOrder)).size(), 1);
    // The conversation's audit trail says so, after the rule's own entry.
    QStringList trail;
    for (const domain::AuditEntry &entry : storage::AuditLogRepository(db()).forConversation(conversation)) {
        trail << entry.detail;
    }
    ASSERT_EQ(trail.size(), 2) << trail.join(u'\n').toStdString();
    EXPECT_TRUE(trail.at(0).contains(QStringLiteral("queued Amazon's review request"))) << trail.at(0).toStdString();
    EXPECT_EQ(trail.at(1),
        QStringLiteral("Amazon sent its review request for order ") + SandboxOrder
            + QStringLiteral(" (Solicitations API)"));

    // The next sender pass has nothing to send.
    const Pass again = send(*sender);
    EXPECT_EQ(again.sent, 0);
    EXPECT_EQ(replay.requestsFor(listPath(SandboxOrder)).size(), 1);
    EXPECT_EQ(replay.requestsFor(reviewPath(SandboxOrder)).size(), 1);
}

TEST_F(AmazonReviewRequestTest, OnlyInsideAmazonsWindowAfterDelivery)
{
    const qint64 early = addOrder(SandboxOrder, now - 3 * Day);
    const qint64 late = addOrder(OtherOrder, now - 31 * Day);
    addReviewRule(2);
    addReviewRule(28, QStringLiteral("Late review request"));
    EXPECT_TRUE(pass().run().decisions.isEmpty());
    EXPECT_FALSE(solicitation(early));
    EXPECT_FALSE(solicitation(late));

    // Two days on, the first order is inside the window; the second stays outside it.
    now += 2 * Day;
    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.decisions.size(), 1);
    EXPECT_EQ(report.decisions.at(0).orderId, early);
    EXPECT_TRUE(solicitation(early));
    EXPECT_FALSE(solicitation(late));

    // Pending until the window closes: then it is recorded as expired and nothing is sent.
    now += 26 * Day;
    auto sender = makeSender();
    const Pass result = send(*sender);
    EXPECT_EQ(result.sent, 0);
    EXPECT_EQ(solicitation(early)->state, QStringLiteral("expired"));
    EXPECT_TRUE(solicitation(early)->detail.contains(QStringLiteral("window closed")));
    EXPECT_TRUE(replay.requestsFor(listPath(SandboxOrder)).isEmpty());
}

TEST_F(AmazonReviewRequestTest, WaitsWhileAConversationAboutTheOrderIsOpen)
{
    const qint64 order = addOrder(SandboxOrder, now - 6 * Day);
    addReviewRule();
    domain::ConversationSummary c;
    c.channel = domain::Channel::Amazon;
    c.orderId = order;
    c.createdAt = now - Day;
    c.lastActivity = now - Day;
    const qint64 conversation = storage::ConversationRepository(db()).insert(c);
    EXPECT_TRUE(pass().run().decisions.isEmpty());
    EXPECT_FALSE(solicitation(order));

    db().execute(
        QStringLiteral("UPDATE conversations SET status = 'closed' WHERE id = ") + QString::number(conversation));
    EXPECT_EQ(pass().run().decisions.size(), 1);
    EXPECT_TRUE(solicitation(order));
}

TEST_F(AmazonReviewRequestTest, NotEligibleIsRecordedAndNeverTriedAgain)
{
    const qint64 refusedOrder = addOrder(SandboxOrder, now - 6 * Day);
    const qint64 notOffered = addOrder(OtherOrder, now - 6 * Day);
    addReviewRule();
    pass().run();
    // A 403 with the ErrorList shape the model documents (the sandbox has no 403 example), even after a fresh token.
    replay.route("GET", listPath(SandboxOrder) + Query,
        ReplayHttpServer::json(
            R"({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":""}]})",
            403));
    // The sandbox list without its action: Amazon does not take a review request for this order.
    replay.route("GET", listPath(OtherOrder) + Query, actionsFor(OtherOrder, false));
    replay.route("POST", reviewPath(OtherOrder) + Query, created());

    auto sender = makeSender();
    const Pass first = send(*sender);
    EXPECT_EQ(first.sent, 0);
    EXPECT_EQ(first.refused, 2);
    EXPECT_EQ(solicitation(refusedOrder)->state, QStringLiteral("refused"));
    EXPECT_TRUE(solicitation(refusedOrder)->detail.contains(QStringLiteral("denied")))
        << solicitation(refusedOrder)->detail.toStdString();
    EXPECT_EQ(solicitation(notOffered)->state, QStringLiteral("refused"));
    EXPECT_TRUE(solicitation(notOffered)->detail.contains(QStringLiteral("productReviewAndSellerFeedback")));
    EXPECT_TRUE(replay.requestsFor(reviewPath(OtherOrder)).isEmpty());
    const qsizetype requests = replay.requests().size();

    now += Day;
    pass().run();
    const Pass second = send(*sender);
    EXPECT_EQ(second.sent + second.refused, 0);
    EXPECT_EQ(replay.requests().size(), requests) << "a refused request is not sent again";
}

TEST_F(AmazonReviewRequestTest, ABadAnswerForOneOrderLosesNothingElse)
{
    const qint64 broken = addOrder(SandboxOrder, now - 6 * Day);
    const qint64 fine = addOrder(OtherOrder, now - 6 * Day);
    addReviewRule();
    pass().run();
    replay.route("GET", listPath(SandboxOrder) + Query, ReplayHttpServer::json(R"({"_links": {"actions": [)"));
    replay.route("GET", listPath(OtherOrder) + Query, actionsFor(OtherOrder));
    replay.route("POST", reviewPath(OtherOrder) + Query, created());

    auto sender = makeSender();
    const Pass first = send(*sender);
    EXPECT_EQ(first.sent, 1);
    EXPECT_EQ(solicitation(fine)->state, QStringLiteral("sent"));
    EXPECT_EQ(solicitation(broken)->state, QStringLiteral("pending")); // tried again next pass
    EXPECT_EQ(solicitation(broken)->attempts, 1);
    EXPECT_TRUE(first.problem.contains(QStringLiteral("Harbor Tea US"))) << first.problem.toStdString();
    EXPECT_TRUE(first.problem.contains(SandboxOrder)) << first.problem.toStdString();
    EXPECT_TRUE(first.problem.contains(QStringLiteral("not valid JSON"))) << first.problem.toStdString();

    // Server errors count as attempts too; after MaxAttempts the request is given up, not retried forever.
    replay.clearRoutes();
    replay.route("GET", listPath(SandboxOrder) + Query, ReplayHttpServer::status(500));
    for (int pass = 2; pass <= AmazonSolicitationSender::MaxAttempts; ++pass) {
        send(*sender);
    }
    EXPECT_EQ(solicitation(broken)->state, QStringLiteral("failed"));
    EXPECT_EQ(solicitation(broken)->attempts, AmazonSolicitationSender::MaxAttempts);
    const qsizetype requests = replay.requests().size();
    send(*sender);
    EXPECT_EQ(replay.requests().size(), requests);
}

TEST_F(AmazonReviewRequestTest, TooManyRequestsEndsThePassAndKeepsTheRest)
{
    const qint64 first = addOrder(SandboxOrder, now - 6 * Day);
    const qint64 second = addOrder(OtherOrder, now - 6 * Day);
    addReviewRule();
    pass().run();
    replay.route("GET", listPath(SandboxOrder) + Query, ReplayHttpServer::tooManyRequests(QByteArray()));
    replay.route("GET", listPath(OtherOrder) + Query, actionsFor(OtherOrder));

    auto sender = makeSender();
    const Pass result = send(*sender);
    EXPECT_EQ(result.sent, 0);
    EXPECT_FALSE(result.problem.isEmpty());
    EXPECT_EQ(solicitation(first)->state, QStringLiteral("pending"));
    EXPECT_EQ(solicitation(second)->state, QStringLiteral("pending"));
    EXPECT_TRUE(replay.requestsFor(listPath(OtherOrder)).isEmpty()) << "the rest waits for the next pass";
}
