// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Proactive messages to Amazon buyers, end to end with an injected clock: the rules pass (RulesPass, RuleExecutor)
// queues a rule's message for an Amazon order only about an unexpected problem (a delay), and AmazonOutbound sends
// it through the Messaging API on ReplayHttpServer, which answers at the Selling Partner API's real paths with the
// sandbox examples of Amazon's Messaging model (tests/data/third_party/amazon-sp-api-messaging) or faults built
// from them. The message types Amazon allows for the order are asked for first; a type it does not list is never
// posted.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "SwaggerSandbox.h"
#include "TestWorkspace.h"
#include "commerce/AmazonOrderSync.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "engine/AmazonOutbound.h"
#include "engine/ConversationActions.h"
#include "engine/RulesPass.h"
#include "engine/SlaClock.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"
#include "storage/AccountRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TagRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace waybill;
using domain::Message;
using engine::AmazonOutbound;
using engine::RulesPass;
using storage::SqlQuery;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Day = 24 * 3600;
const QString Model = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-messaging/models/messaging-api-model/messaging.json");
const QString ActionsOperation = QStringLiteral("/messaging/v1/orders/{amazonOrderId}");
const QString ProblemOperation = QStringLiteral("/messaging/v1/orders/{amazonOrderId}/messages/unexpectedProblem");
const QString SandboxOrder = QStringLiteral("123-1234567-1234567");
const QString TokenPath = QStringLiteral("/auth/o2/token");
const QString Query = QStringLiteral("?marketplaceIds=ATVPDKIKX0DER");
const QString DelayTemplate = QStringLiteral("Amazon delay");
const QString DelayText
    = QStringLiteral("Hello, the carrier has delayed order %1. We are following it up and will write again as soon "
                     "as it moves.")
          .arg(SandboxOrder);

class AmazonOutboundTest : public ::testing::Test {
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
        storage::TagRepository(db()).insertTemplate({ 0, DelayTemplate,
            QStringLiteral("Hello, the carrier has delayed order {{order.number}}. We are following it up and will "
                           "write again as soon as it moves.") });
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

    std::unique_ptr<AmazonOutbound> makeOutbound()
    {
        commerce::HttpJsonClient::Config config = commerce::AmazonOrderSync::clientConfig(account);
        config.backoffMs = 20;
        config.timeoutMs = 5000;
        config.maxServerRetries = 0; // a 5xx reaches the outbox at once: its back-off is what is tested
        config.defaultRetryAfterMs = 100;
        config.maxRateLimitWaits = 0;
        auto tokens = std::make_unique<security::OAuthTokenSource>(
            security::OAuthProvider::loginWithAmazon(QUrl(account.lwaUrl), account.clientId, QStringLiteral("s3cret")),
            account.id, credentials, network);
        auto outbound = std::make_unique<AmazonOutbound>(
            workspace.db(), network, config, std::move(tokens), account, [this] { return now; });
        outbound->start(60 * 60 * 1000); // no polling during a test: pokes only
        return outbound;
    }

    /// Pokes the sender and waits until it has nothing in flight and nothing due.
    void drain(AmazonOutbound &outbound)
    {
        outbound.poke();
        EXPECT_TRUE(waitUntil([&] { return outbound.isIdle(); }, 20000));
    }

    /// An Amazon order of this account whose one parcel is late since yesterday.
    qint64 addLateOrder()
    {
        const storage::OrderRepository orders(db());
        domain::Order order { 0, QStringLiteral("amazon"), SandboxOrder, 0, now - 6 * Day, QStringLiteral("USD"), 2500,
            0, 0, 2500, QStringLiteral("Shipped"), {} };
        const qint64 id = orders.insert(order);
        SqlQuery q(db(), QStringLiteral("UPDATE orders SET account = ?, external_id = ? WHERE id = ?"));
        q.bind(account.id).bind(SandboxOrder).bind(id).exec();
        domain::Shipment shipment;
        shipment.orderId = id;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
        shipment.status = domain::TrackingStatus::InTransit;
        shipment.shippedAt = now - 5 * Day;
        shipment.expectedAt = now - Day;
        shipment.lateAfter = now - Day;
        orders.insertShipment(shipment);
        return id;
    }

    qint64 addRule(domain::RuleTrigger trigger, const QString &templateName, int amount = 0)
    {
        domain::Rule rule;
        rule.name = QStringLiteral("Rule %1").arg(templateName);
        rule.trigger = trigger;
        rule.triggerAmount = amount;
        rule.templateName = templateName;
        rule.createdAt = now;
        rule.updatedAt = now;
        return storage::RuleRepository(db()).insert(rule);
    }

    qint64 count(const QString &sql)
    {
        SqlQuery q(db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }
    /// The one message the rules wrote.
    std::optional<Message> message()
    {
        SqlQuery q(db(), QStringLiteral("SELECT id FROM messages ORDER BY id"));
        q.exec();
        return q.next() ? storage::MessageRepository(db()).find(q.int64(0)) : std::nullopt;
    }
    QStringList audit()
    {
        QStringList details;
        SqlQuery q(db(), QStringLiteral("SELECT detail FROM audit_log ORDER BY id"));
        q.exec();
        while (q.next()) {
            details << q.text(0);
        }
        return details;
    }

    /// getMessagingActionsForOrder's sandbox answer, with only the actions named `keep` when given.
    ReplayHttpServer::Answer actions(const std::optional<QStringList> &keep = std::nullopt) const
    {
        QByteArray body = sandbox.response(ActionsOperation, QStringLiteral("get"), QStringLiteral("200"));
        if (keep) {
            QJsonObject object = QJsonDocument::fromJson(body).object();
            QJsonObject links = object.value(QStringLiteral("_links")).toObject();
            QJsonArray kept;
            for (const QJsonValue &action : links.value(QStringLiteral("actions")).toArray()) {
                if (keep->contains(action.toObject().value(QStringLiteral("name")).toString())) {
                    kept.append(action);
                }
            }
            links.insert(QStringLiteral("actions"), kept);
            object.insert(QStringLiteral("_links"), links);
            body = QJsonDocument(object).toJson();
        }
        return ReplayHttpServer::json(body);
    }
    ReplayHttpServer::Answer created() const
    {
        return ReplayHttpServer::json(
            sandbox.response(ProblemOperation, QStringLiteral("post"), QStringLiteral("201")), 201);
    }
    /// The sandbox's 201 for posting a message of `type`.
    ReplayHttpServer::Answer createdAs(const QString &type) const
    {
        return ReplayHttpServer::json(
            sandbox.response(QStringLiteral("/messaging/v1/orders/{amazonOrderId}/messages/") + type,
                QStringLiteral("post"), QStringLiteral("201")),
            201);
    }
    /// A conversation about the order `orderId`, as an agent sees it.
    qint64 addConversation(qint64 orderId)
    {
        domain::ConversationSummary c;
        c.channel = domain::Channel::Amazon;
        c.subject = QStringLiteral("Delivery instructions");
        c.orderId = orderId;
        c.createdAt = now - 3600;
        c.lastActivity = now - 3600;
        return storage::ConversationRepository(db()).insert(c);
    }
    /// An agent writes `text` to the buyer as `type` (ConversationActions, as the desktop does).
    qint64 agentMessage(qint64 conversationId, const QString &type, const QString &text)
    {
        const engine::SlaClock sla;
        engine::ConversationActions actions(db(), sla, 0, [this] { return now; });
        const int version = storage::ConversationRepository(db()).find(conversationId)->version;
        return actions.messageOnAmazon(conversationId, version, type, text);
    }
    static QString listPath() { return QStringLiteral("/messaging/v1/orders/") + SandboxOrder; }
    static QString typePath(const QString &type) { return listPath() + QStringLiteral("/messages/") + type; }
    static QString problemPath() { return listPath() + QStringLiteral("/messages/unexpectedProblem"); }

    waybill::testing::TestWorkspace workspace;
    waybill::testing::SwaggerSandbox sandbox { Model };
    QNetworkAccessManager network;
    ReplayHttpServer replay;
    waybill::testing::FakeCredentialStore credentials;
    domain::AmazonAccount account;
    qint64 now = 1772000000;
};

} // namespace

TEST_F(AmazonOutboundTest, ADelayIsSentOnceAsAnUnexpectedProblem)
{
    addLateOrder();
    addRule(domain::RuleTrigger::Late, DelayTemplate);
    replay.route("GET", listPath() + Query, actions());
    replay.route("POST", problemPath() + Query, created());

    const RulesPass::Report first = pass().run();
    ASSERT_EQ(first.decisions.size(), 1);
    EXPECT_EQ(first.decisions.at(0).sendChannel, QStringLiteral("amazon"));
    ASSERT_EQ(first.results.size(), 1);
    EXPECT_TRUE(first.results.at(0).messaged) << first.results.at(0).outcome.toStdString();
    const auto queued = message();
    ASSERT_TRUE(queued);
    EXPECT_EQ(queued->delivery, Message::Delivery::Queued);
    const auto row = storage::OutboxRepository(db()).forMessage(queued->id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->channel, QStringLiteral("amazon"));
    EXPECT_EQ(row->account, account.id);

    auto outbound = makeOutbound();
    QSignalSpy changed(outbound.get(), &AmazonOutbound::conversationsChanged);
    drain(*outbound);
    EXPECT_EQ(message()->delivery, Message::Delivery::Sent) << message()->error.toStdString();
    EXPECT_EQ(changed.count(), 1);
    EXPECT_TRUE(outbound->health().isConnected()) << outbound->health().reason.toStdString();

    // Asked first, then exactly one message with the rendered text, as the model's request body.
    ASSERT_EQ(replay.requestsFor(listPath()).size(), 1);
    const QList<ReplayHttpServer::Request> posts = replay.requestsFor(problemPath());
    ASSERT_EQ(posts.size(), 1);
    EXPECT_EQ(posts.at(0).method, QByteArray("POST"));
    EXPECT_EQ(
        QJsonDocument::fromJson(posts.at(0).body).object(), QJsonObject({ { QStringLiteral("text"), DelayText } }));
    EXPECT_EQ(posts.at(0).headers.value("x-amz-access-token"), QByteArray("Atza|first"));
    EXPECT_LE(replay.requestsFor(listPath()).at(0).atMs, posts.at(0).atMs);

    // A second rules pass, and another look at the outbox, send nothing more.
    now += 3600;
    EXPECT_TRUE(pass().run().decisions.isEmpty());
    drain(*outbound);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 1);
    EXPECT_EQ(replay.requestsFor(problemPath()).size(), 1);
    EXPECT_EQ(replay.requestsFor(listPath()).size(), 1);
}

TEST_F(AmazonOutboundTest, ATypeAmazonDoesNotListFailsTheMessageWithItsReason)
{
    addLateOrder();
    addRule(domain::RuleTrigger::Late, DelayTemplate);
    // Amazon lists only confirmDeliveryDetails for this order now.
    replay.route("GET", listPath() + Query, actions(QStringList { QStringLiteral("confirmDeliveryDetails") }));
    replay.route("POST", problemPath() + Query, created());
    pass().run();

    auto outbound = makeOutbound();
    drain(*outbound);
    const auto failed = message();
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->delivery, Message::Delivery::Failed);
    EXPECT_TRUE(failed->error.contains(QStringLiteral("unexpectedProblem"))) << failed->error.toStdString();
    EXPECT_TRUE(failed->error.contains(QStringLiteral("confirmDeliveryDetails"))) << "says what Amazon offers";
    EXPECT_TRUE(replay.requestsFor(problemPath()).isEmpty());

    // Never tried again, however long the sender runs.
    now += 5 * Day;
    drain(*outbound);
    EXPECT_EQ(replay.requestsFor(listPath()).size(), 1);
    EXPECT_EQ(storage::OutboxRepository(db()).forMessage(failed->id)->state, QStringLiteral("failed"));
}

TEST_F(AmazonOutboundTest, AmazonsRejectionFailsTheMessageAndTheAccountSaysSo)
{
    addLateOrder();
    addRule(domain::RuleTrigger::Late, DelayTemplate);
    replay.route("GET", listPath() + Query, actions());
    // The model's ErrorList shape for a 400 (the sandbox's own 400 example names another order).
    replay.route("POST", problemPath() + Query,
        ReplayHttpServer::json(
            R"({"errors":[{"code":"InvalidInput","message":"The text contains content that is not allowed."}]})", 400));
    pass().run();

    auto outbound = makeOutbound();
    drain(*outbound);
    EXPECT_EQ(message()->delivery, Message::Delivery::Failed);
    EXPECT_TRUE(message()->error.contains(QStringLiteral("not allowed"))) << message()->error.toStdString();
    EXPECT_FALSE(outbound->health().isConnected());
    EXPECT_TRUE(outbound->health().reason.startsWith(QStringLiteral("Amazon Harbor Tea US: ")))
        << outbound->health().reason.toStdString();
    now += Day;
    drain(*outbound);
    EXPECT_EQ(replay.requestsFor(problemPath()).size(), 1) << "a rejected message is not sent again";
}

TEST_F(AmazonOutboundTest, AServerErrorIsRetriedLaterAndTheMessageSentOnce)
{
    addLateOrder();
    addRule(domain::RuleTrigger::Late, DelayTemplate);
    replay.route("GET", listPath() + Query, actions());
    replay.route("POST", problemPath() + Query, ReplayHttpServer::status(503));
    replay.route("POST", problemPath() + Query, created());
    pass().run();

    auto outbound = makeOutbound();
    QSignalSpy problems(outbound.get(), &AmazonOutbound::problem);
    drain(*outbound);
    EXPECT_EQ(message()->delivery, Message::Delivery::Queued);
    const auto row = storage::OutboxRepository(db()).forMessage(message()->id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->state, QStringLiteral("pending"));
    EXPECT_EQ(row->attempts, 1);
    EXPECT_GT(row->nextAttemptAt, now);
    EXPECT_FALSE(outbound->health().isConnected());
    ASSERT_FALSE(problems.isEmpty());
    EXPECT_TRUE(problems.last().at(0).toString().contains(QStringLiteral("Harbor Tea US")));

    // Not before it is due.
    drain(*outbound);
    EXPECT_EQ(replay.requestsFor(problemPath()).size(), 1);

    now = row->nextAttemptAt;
    drain(*outbound);
    EXPECT_EQ(message()->delivery, Message::Delivery::Sent);
    EXPECT_EQ(replay.requestsFor(problemPath()).size(), 2); // the 503, then the one that was taken
    EXPECT_TRUE(outbound->health().isConnected());
    now += Day;
    drain(*outbound);
    EXPECT_EQ(replay.requestsFor(problemPath()).size(), 2);
}

TEST_F(AmazonOutboundTest, NoAccessTokenFromLoginWithAmazonIsTriedAgainLater)
{
    addLateOrder();
    addRule(domain::RuleTrigger::Late, DelayTemplate);
    replay.clearRoutes();
    replay.route("POST", TokenPath, ReplayHttpServer::status(503));
    replay.route("POST", TokenPath,
        ReplayHttpServer::json(R"({"access_token":"Atza|second","token_type":"bearer","expires_in":3600})"));
    replay.route("GET", listPath() + Query, actions());
    replay.route("POST", problemPath() + Query, created());
    pass().run();

    auto outbound = makeOutbound();
    drain(*outbound);
    EXPECT_EQ(message()->delivery, Message::Delivery::Queued) << message()->error.toStdString();
    const auto row = storage::OutboxRepository(db()).forMessage(message()->id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->state, QStringLiteral("pending"));
    EXPECT_TRUE(replay.requestsFor(listPath()).isEmpty());
    EXPECT_FALSE(outbound->health().isConnected());

    now = row->nextAttemptAt;
    drain(*outbound);
    EXPECT_EQ(message()->delivery, Message::Delivery::Sent) << message()->error.toStdString();
    EXPECT_EQ(replay.requestsFor(problemPath()).size(), 1);
}

TEST_F(AmazonOutboundTest, OtherTriggersAreNotSentWithTheReason)
{
    const qint64 order = addLateOrder();
    db().execute(QStringLiteral("UPDATE shipments SET status = 'delivered', delivered_at = %1 WHERE order_id = %2")
                     .arg(now - 2 * Day)
                     .arg(order));
    storage::TagRepository(db()).insertTemplate(
        { 0, QStringLiteral("Delivered"), QStringLiteral("Your parcel has arrived. Enjoy your tea.") });
    addRule(domain::RuleTrigger::Delivered, QStringLiteral("Delivered"), 1);

    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.results.size(), 1);
    EXPECT_FALSE(report.results.at(0).messaged);
    EXPECT_TRUE(report.results.at(0).outcome.contains(
        QStringLiteral("Amazon allows proactive messages only about an unexpected problem with the order")))
        << report.results.at(0).outcome.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 0);
    EXPECT_TRUE(audit().join(u'\n').contains(QStringLiteral("“Delivered” not sent")))
        << audit().join(u'\n').toStdString();
}

TEST_F(AmazonOutboundTest, AnExternalLinkHoldsTheMessageBack)
{
    addLateOrder();
    storage::TagRepository(db()).insertTemplate({ 0, QStringLiteral("Delay with link"),
        QStringLiteral("Your parcel is delayed. Follow it at https://track.example.com/1Z999AA10123456784") });
    addRule(domain::RuleTrigger::Late, QStringLiteral("Delay with link"));

    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.results.size(), 1);
    EXPECT_FALSE(report.results.at(0).messaged);
    const QString outcome = report.results.at(0).outcome;
    EXPECT_TRUE(outcome.contains(QStringLiteral("“Delay with link” not sent"))) << outcome.toStdString();
    EXPECT_TRUE(outcome.contains(QStringLiteral("track.example.com"))) << outcome.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);

    auto outbound = makeOutbound();
    drain(*outbound);
    EXPECT_TRUE(replay.requests().isEmpty());
}

TEST_F(AmazonOutboundTest, WithoutAConnectedAccountNothingIsQueued)
{
    addLateOrder();
    addRule(domain::RuleTrigger::Late, DelayTemplate);
    account.enabled = false;
    storage::AccountRepository(db()).saveAmazonAccount(account, now);

    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.results.size(), 1);
    EXPECT_TRUE(report.results.at(0).outcome.contains(QStringLiteral("Amazon messaging is not connected")))
        << report.results.at(0).outcome.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

TEST_F(AmazonOutboundTest, AnAgentsMessageIsSentAsItsOwnType)
{
    const qint64 conversation = addConversation(addLateOrder());
    replay.route("GET", listPath() + Query, actions());
    replay.route("POST", typePath(QStringLiteral("confirmDeliveryDetails")) + Query,
        createdAs(QStringLiteral("confirmDeliveryDetails")));
    const QString text = QStringLiteral("Hello, could you confirm the gate code for the delivery of your order?");
    const qint64 messageId = agentMessage(conversation, QStringLiteral("confirmDeliveryDetails"), text);
    const auto row = storage::OutboxRepository(db()).forMessage(messageId);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->channel, QStringLiteral("amazon"));
    EXPECT_EQ(row->account, account.id);
    EXPECT_EQ(row->messageType, QStringLiteral("confirmDeliveryDetails"));
    EXPECT_EQ(storage::MessageRepository(db()).find(messageId)->delivery, Message::Delivery::Queued);

    auto outbound = makeOutbound();
    drain(*outbound);
    EXPECT_EQ(storage::MessageRepository(db()).find(messageId)->delivery, Message::Delivery::Sent)
        << storage::MessageRepository(db()).find(messageId)->error.toStdString();
    ASSERT_EQ(replay.requestsFor(listPath()).size(), 1);
    const QList<ReplayHttpServer::Request> posts
        = replay.requestsFor(typePath(QStringLiteral("confirmDeliveryDetails")));
    ASSERT_EQ(posts.size(), 1);
    EXPECT_EQ(QJsonDocument::fromJson(posts.at(0).body).object(), QJsonObject({ { QStringLiteral("text"), text } }));
    EXPECT_TRUE(replay.requestsFor(problemPath()).isEmpty());
    EXPECT_TRUE(audit().join(u'\n').contains(QStringLiteral("as confirmDeliveryDetails")))
        << audit().join(u'\n').toStdString();
}

TEST_F(AmazonOutboundTest, AnAgentsTypeAmazonDoesNotListFailsWithTheListedTypes)
{
    const qint64 conversation = addConversation(addLateOrder());
    replay.route("GET", listPath() + Query, actions(QStringList { QStringLiteral("unexpectedProblem") }));
    replay.route("POST", typePath(QStringLiteral("confirmOrderDetails")) + Query,
        createdAs(QStringLiteral("confirmOrderDetails")));
    const qint64 messageId = agentMessage(
        conversation, QStringLiteral("confirmOrderDetails"), QStringLiteral("Which colour would you like?"));

    auto outbound = makeOutbound();
    drain(*outbound);
    const auto failed = storage::MessageRepository(db()).find(messageId);
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->delivery, Message::Delivery::Failed);
    EXPECT_TRUE(failed->error.contains(QStringLiteral("confirmOrderDetails"))) << failed->error.toStdString();
    EXPECT_TRUE(failed->error.contains(QStringLiteral("unexpectedProblem"))) << "says what Amazon offers";
    EXPECT_TRUE(replay.requestsFor(typePath(QStringLiteral("confirmOrderDetails"))).isEmpty());
    EXPECT_EQ(storage::OutboxRepository(db()).forMessage(messageId)->state, QStringLiteral("failed"));
}

TEST_F(AmazonOutboundTest, AnAgentsMessageIsCheckedBeforeAnythingIsQueued)
{
    const qint64 conversation = addConversation(addLateOrder());
    const auto refused = [&](const QString &type, const QString &text) {
        try {
            agentMessage(conversation, type, text);
        } catch (const storage::StorageError &error) {
            return error.userMessage();
        }
        return QString();
    };
    EXPECT_TRUE(
        refused(QStringLiteral("confirmDeliveryDetails"), QStringLiteral("Track it at https://track.example.com/1"))
            .contains(QStringLiteral("track.example.com")));
    EXPECT_FALSE(refused(QStringLiteral("warranty"), QStringLiteral("Two years")).isEmpty());
    EXPECT_FALSE(refused(QStringLiteral("confirmCustomizationDetails"), QString(801, u'a')).isEmpty());
    EXPECT_FALSE(refused(QStringLiteral("confirmDeliveryDetails"), QStringLiteral("  ")).isEmpty());
    EXPECT_TRUE(refused(QStringLiteral("confirmDeliveryDetails"), QStringLiteral("Hello")).isEmpty())
        << "this one is fine";
    // A conversation without an Amazon order.
    const qint64 without = addConversation(0);
    try {
        agentMessage(without, QStringLiteral("confirmDeliveryDetails"), QStringLiteral("Hello"));
        ADD_FAILURE() << "queued without an Amazon order";
    } catch (const storage::StorageError &error) {
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("not linked to an order"))) << error.what();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox")), 1); // the one that was fine
}

TEST_F(AmazonOutboundTest, TheTypesAmazonAllowsAreListedForAnAgent)
{
    replay.route("GET", listPath() + Query, actions());
    replay.route("GET", listPath() + Query, ReplayHttpServer::status(403));
    replay.route("GET", listPath() + Query, ReplayHttpServer::status(403));
    auto outbound = makeOutbound();
    QSignalSpy listed(outbound.get(), &AmazonOutbound::messageTypesListed);
    outbound->listMessageTypes(42, SandboxOrder);
    ASSERT_TRUE(listed.wait(10000));
    EXPECT_EQ(listed.at(0).at(0).toLongLong(), 42);
    const QStringList types = listed.at(0).at(1).toStringList();
    EXPECT_TRUE(types.contains(QStringLiteral("confirmDeliveryDetails"))) << types.join(u',').toStdString();
    EXPECT_TRUE(types.contains(QStringLiteral("unexpectedProblem")));
    EXPECT_TRUE(listed.at(0).at(2).toString().isEmpty());

    // Amazon refusing the account: no types, and the reason names the account.
    outbound->listMessageTypes(42, SandboxOrder);
    ASSERT_TRUE(listed.wait(10000));
    EXPECT_TRUE(listed.at(1).at(1).toStringList().isEmpty());
    EXPECT_TRUE(listed.at(1).at(2).toString().startsWith(QStringLiteral("Amazon Harbor Tea US: ")))
        << listed.at(1).at(2).toString().toStdString();
}
