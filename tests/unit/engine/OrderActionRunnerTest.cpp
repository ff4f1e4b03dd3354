// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Refunds, cancellations and resends of a Shopify order against ReplayHttpServer answering at Shopify's real paths
// with the shopify_python_api recordings: the idempotency key is stored before the first request and every attempt
// (client retries and a later send() by a new runner, as after a restart) carries the same one; Shopify's 422
// errors are shown; refunds above what was paid, or above what Shopify allows, are refused before the refund is
// sent; agents without the role are refused before anything is stored; each step is audited on the conversation.
#include "QtPrinters.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/ShopifyOrderSync.h"
#include "engine/OrderActionRunner.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderActionRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;
using domain::OrderAction;
using engine::OrderActionRunner;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Now = 1772000000;
const QString Api = QStringLiteral("/admin/api/2024-01");
const QString OrderPath = Api + QStringLiteral("/orders/450789469");

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/orders/shopify-python-api/test/fixtures/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

/// order.json's order with `changes` applied (a cancelled or a new order, as Shopify answers those).
QByteArray orderWith(const QJsonObject &changes)
{
    QJsonObject order = QJsonDocument::fromJson(fixture(QStringLiteral("order.json")))
                            .object()
                            .value(QStringLiteral("order"))
                            .toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        order.insert(it.key(), it.value());
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("order"), order } }).toJson();
}

struct Ended {
    OrderAction::State state = OrderAction::State::Pending;
    QString message;
};

class OrderActionRunnerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const storage::AgentRepository agents(db());
        supervisor = agents.insertAgent(
            { 0, QStringLiteral("Mia Chen"), QStringLiteral("mia@example.com"), 0, domain::AgentRole::Supervisor });
        agent = agents.insertAgent(
            { 0, QStringLiteral("Jonas Weber"), QStringLiteral("jonas@example.com"), 0, domain::AgentRole::Agent });
        const qint64 customer = storage::CustomerRepository(db()).insert(
            { 0, QStringLiteral("Bob Norman"), QStringLiteral("Bob"), Now, {} });
        // order.json's order as the sync stores it: total 409.94 USD, nothing refunded.
        domain::Order order { 0, QStringLiteral("shopify"), QStringLiteral("#1001"), customer, Now - 86400,
            QStringLiteral("USD"), 39800, 0, 1194, 40994, QStringLiteral("paid"), {} };
        order.account = QStringLiteral("shopify:test-shop.myshopify.com");
        order.externalId = QStringLiteral("450789469");
        orderId = storage::OrderRepository(db()).upsert(order).value_or(0);
        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = QStringLiteral("Broken on arrival");
        c.customerId = customer;
        c.createdAt = Now;
        c.lastActivity = Now;
        c.slaDueAt = sla.slaDeadline(Now);
        conversationId = storage::ConversationRepository(db()).insert(c);
    }

    storage::Database &db() { return workspace.db(); }

    std::unique_ptr<commerce::HttpJsonClient> client(int serverRetries = 2)
    {
        domain::ShopifyAccount account;
        account.shop = QStringLiteral("test-shop.myshopify.com");
        account.id = domain::ShopifyAccount::idForShop(account.shop);
        account.baseUrl = replay.baseUrl().toString();
        commerce::HttpJsonClient::Config config
            = commerce::ShopifyOrderSync::clientConfig(account, QStringLiteral("shpat_0123456789abcdef"));
        config.backoffMs = 20;
        config.timeoutMs = 5000;
        config.maxServerRetries = serverRetries;
        return std::make_unique<commerce::HttpJsonClient>(network, config);
    }

    OrderActionRunner::Request request(OrderAction::Kind kind, qint64 amountCents = 0, qint64 by = 0)
    {
        return { orderId, conversationId, by ? by : supervisor, kind, amountCents, QStringLiteral("it broke") };
    }

    Ended send(OrderActionRunner &runner, qint64 actionId, int serverRetries = 2)
    {
        QSignalSpy ended(&runner, &OrderActionRunner::ended);
        runner.send(actionId, client(serverRetries), QStringLiteral("2024-01"));
        EXPECT_TRUE(waitUntil([&] { return !ended.isEmpty(); }, 20000));
        EXPECT_EQ(ended.count(), 1);
        if (ended.isEmpty()) {
            return {};
        }
        EXPECT_EQ(ended.at(0).at(0).toLongLong(), actionId);
        EXPECT_EQ(ended.at(0).at(1).toLongLong(), conversationId);
        return { ended.at(0).at(2).value<OrderAction::State>(), ended.at(0).at(3).toString() };
    }

    qint64 count(const QString &table)
    {
        storage::SqlQuery q(db(), QStringLiteral("SELECT count(*) FROM ") + table);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    QStringList auditTexts()
    {
        QStringList texts;
        for (const domain::AuditEntry &entry : storage::AuditLogRepository(db()).forConversation(conversationId)) {
            EXPECT_EQ(entry.action, QStringLiteral("order_action"));
            texts << entry.agentName + u' ' + entry.detail;
        }
        return texts;
    }

    OrderAction stored(qint64 id) { return storage::OrderActionRepository(db()).find(id).value_or(OrderAction {}); }

    waybill::testing::TestWorkspace workspace;
    const engine::SlaClock sla;
    QNetworkAccessManager network;
    ReplayHttpServer replay;
    OrderActionRunner runner { workspace.db(), [] { return Now; } };
    qint64 supervisor = 0, agent = 0, orderId = 0, conversationId = 0;
};

TEST_F(OrderActionRunnerTest, RefundIsCalculatedThenSentWithTheStoredKeyAndRecorded)
{
    replay.route("POST", OrderPath + QStringLiteral("/refunds/calculate.json"),
        ReplayHttpServer::json(fixture(QStringLiteral("refund_calculate.json"))));
    replay.route("POST", OrderPath + QStringLiteral("/refunds.json"),
        ReplayHttpServer::json(fixture(QStringLiteral("refund.json")), 201));

    QString refusal;
    const std::optional<qint64> id = runner.prepare(request(OrderAction::Kind::Refund, 4194), &refusal);
    ASSERT_TRUE(id) << refusal.toStdString();
    // Stored, with its key, before anything was sent.
    const OrderAction pending = stored(*id);
    EXPECT_EQ(pending.state, OrderAction::State::Pending);
    EXPECT_EQ(pending.idempotencyKey.size(), 36);
    EXPECT_TRUE(replay.requests().isEmpty());

    const Ended ended = send(runner, *id);
    EXPECT_EQ(ended.state, OrderAction::State::Done) << ended.message.toStdString();

    const auto refunds = replay.requestsFor(OrderPath + QStringLiteral("/refunds.json"));
    ASSERT_EQ(refunds.size(), 1);
    EXPECT_EQ(refunds.at(0).headers.value("idempotency-key"), pending.idempotencyKey.toUtf8());
    EXPECT_EQ(refunds.at(0).headers.value("x-shopify-access-token"), QByteArray("shpat_0123456789abcdef"));
    // The transaction is the calculated one (gateway and parent) for the asked amount.
    const QJsonObject body
        = QJsonDocument::fromJson(refunds.at(0).body).object().value(QStringLiteral("refund")).toObject();
    const QJsonObject transaction = body.value(QStringLiteral("transactions")).toArray().at(0).toObject();
    EXPECT_EQ(transaction.value(QStringLiteral("amount")).toString(), QStringLiteral("41.94"));
    EXPECT_EQ(transaction.value(QStringLiteral("kind")).toString(), QStringLiteral("refund"));
    EXPECT_EQ(transaction.value(QStringLiteral("gateway")).toString(), QStringLiteral("bogus"));
    EXPECT_EQ(qint64(transaction.value(QStringLiteral("parent_id")).toDouble()), 801038806);
    EXPECT_EQ(body.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));

    // Shopify's answer is what is recorded: its refund id and its refunded amount (209.00 in the recording).
    const OrderAction done = stored(*id);
    EXPECT_EQ(done.state, OrderAction::State::Done);
    EXPECT_EQ(done.resultId, QStringLiteral("509562969"));
    const auto order = storage::OrderRepository(db()).find(orderId);
    EXPECT_EQ(order->refundedCents, 20900);
    const auto recorded = storage::OrderRepository(db()).refunds(orderId);
    ASSERT_EQ(recorded.size(), 1);
    EXPECT_EQ(recorded.at(0).externalId, QStringLiteral("509562969"));

    const QStringList audit = auditTexts();
    ASSERT_EQ(audit.size(), 2);
    EXPECT_EQ(audit.at(0), QStringLiteral("Mia Chen asked for a refund of 41.94 USD on order #1001"));
    EXPECT_TRUE(audit.at(1).startsWith(QStringLiteral("Mia Chen completed the refund of 209.00 USD on order #1001")))
        << audit.at(1).toStdString();
}

TEST_F(OrderActionRunnerTest, ShopifysRefusalIsShownAndTheActionFails)
{
    replay.route("POST", OrderPath + QStringLiteral("/refunds/calculate.json"),
        ReplayHttpServer::json(fixture(QStringLiteral("refund_calculate.json"))));
    // Shopify's error shape for a refused refund (422 with {"errors": {field: [messages]}}).
    replay.route("POST", OrderPath + QStringLiteral("/refunds.json"),
        ReplayHttpServer::json(
            R"({"errors":{"base":["Refund amount exceeds the amount that can be refunded"]}})", 422));

    const std::optional<qint64> id = runner.prepare(request(OrderAction::Kind::Refund, 4194), nullptr);
    ASSERT_TRUE(id);
    const Ended ended = send(runner, *id);
    EXPECT_EQ(ended.state, OrderAction::State::Failed);
    EXPECT_EQ(
        ended.message, QStringLiteral("Shopify refused it: Refund amount exceeds the amount that can be refunded"));
    EXPECT_EQ(stored(*id).state, OrderAction::State::Failed);
    EXPECT_EQ(stored(*id).error, ended.message);
    EXPECT_EQ(replay.requestsFor(OrderPath + QStringLiteral("/refunds.json")).size(), 1);
    EXPECT_EQ(count(QStringLiteral("refunds")), 0);
    const QStringList audit = auditTexts();
    ASSERT_EQ(audit.size(), 2);
    EXPECT_TRUE(audit.at(1).contains(QStringLiteral("Refund amount exceeds the amount that can be refunded")));

    // A failed action is not sent again.
    const Ended again = send(runner, *id);
    EXPECT_EQ(again.state, OrderAction::State::Failed);
    EXPECT_EQ(replay.requestsFor(OrderPath + QStringLiteral("/refunds.json")).size(), 1);
}

TEST_F(OrderActionRunnerTest, ServerErrorsKeepItPendingAndEveryRetryResendsTheSameKey)
{
    replay.route("POST", OrderPath + QStringLiteral("/refunds/calculate.json"),
        ReplayHttpServer::json(fixture(QStringLiteral("refund_calculate.json"))));
    const QString refundsPath = OrderPath + QStringLiteral("/refunds.json");
    replay.route("POST", refundsPath, ReplayHttpServer::status(503));
    replay.route("POST", refundsPath, ReplayHttpServer::status(502));

    const std::optional<qint64> id = runner.prepare(request(OrderAction::Kind::Refund, 4194), nullptr);
    ASSERT_TRUE(id);
    const QByteArray key = stored(*id).idempotencyKey.toUtf8();
    const Ended first = send(runner, *id, 1); // one client retry: 503, then 502
    EXPECT_EQ(first.state, OrderAction::State::Pending) << first.message.toStdString();
    EXPECT_EQ(stored(*id).state, OrderAction::State::Pending);
    EXPECT_FALSE(stored(*id).error.isEmpty());
    EXPECT_EQ(count(QStringLiteral("refunds")), 0);

    // As after a restart: a new runner sends the stored action again; Shopify answers with the refund.
    replay.clearRoutes();
    replay.route("POST", OrderPath + QStringLiteral("/refunds/calculate.json"),
        ReplayHttpServer::json(fixture(QStringLiteral("refund_calculate.json"))));
    replay.route("POST", refundsPath, ReplayHttpServer::json(fixture(QStringLiteral("refund.json")), 201));
    OrderActionRunner restarted(db(), [] { return Now + 60; });
    const Ended second = send(restarted, *id);
    EXPECT_EQ(second.state, OrderAction::State::Done) << second.message.toStdString();

    const auto refunds = replay.requestsFor(refundsPath);
    ASSERT_EQ(refunds.size(), 3);
    for (const auto &sent : refunds) {
        EXPECT_EQ(sent.headers.value("idempotency-key"), key);
        EXPECT_EQ(sent.body, refunds.at(0).body);
    }
    EXPECT_EQ(count(QStringLiteral("refunds")), 1);
    EXPECT_EQ(count(QStringLiteral("order_actions")), 1);
    EXPECT_EQ(stored(*id).attempts, 2);

    // Done is final: sending it again sends nothing.
    const Ended third = send(restarted, *id);
    EXPECT_EQ(third.state, OrderAction::State::Done);
    EXPECT_EQ(replay.requestsFor(refundsPath).size(), 3);
}

TEST_F(OrderActionRunnerTest, RefundAbovePaidIsRefusedBeforeAnythingIsStoredOrSent)
{
    QString refusal;
    EXPECT_FALSE(runner.prepare(request(OrderAction::Kind::Refund, 40995), &refusal));
    EXPECT_EQ(refusal,
        QStringLiteral("409.95 USD is more than what is left to refund on order #1001 (409.94 USD paid, 0.00 USD "
                       "already refunded)."));
    EXPECT_FALSE(runner.prepare(request(OrderAction::Kind::Refund, 0), &refusal));
    EXPECT_EQ(count(QStringLiteral("order_actions")), 0);
    EXPECT_TRUE(auditTexts().isEmpty());
    EXPECT_TRUE(replay.requests().isEmpty());
}

TEST_F(OrderActionRunnerTest, RefundAboveWhatShopifyAllowsIsRefusedBeforeTheRefundIsSent)
{
    replay.route("POST", OrderPath + QStringLiteral("/refunds/calculate.json"),
        ReplayHttpServer::json(fixture(QStringLiteral("refund_calculate.json"))));
    const std::optional<qint64> id = runner.prepare(request(OrderAction::Kind::Refund, 5000), nullptr);
    ASSERT_TRUE(id);
    const Ended ended = send(runner, *id);
    EXPECT_EQ(ended.state, OrderAction::State::Failed);
    EXPECT_TRUE(ended.message.contains(QStringLiteral("at most 41.94 USD"))) << ended.message.toStdString();
    EXPECT_EQ(replay.requestsFor(OrderPath + QStringLiteral("/refunds/calculate.json")).size(), 1);
    EXPECT_TRUE(replay.requestsFor(OrderPath + QStringLiteral("/refunds.json")).isEmpty());
}

TEST_F(OrderActionRunnerTest, AgentsWithoutTheRoleAreRefused)
{
    QString refusal;
    EXPECT_FALSE(runner.prepare(request(OrderAction::Kind::Refund, 100, agent), &refusal));
    EXPECT_EQ(refusal, QStringLiteral("Only supervisors and admins may refund, cancel or resend orders."));
    EXPECT_FALSE(runner.prepare(request(OrderAction::Kind::Cancel, 0, agent), &refusal));
    EXPECT_EQ(count(QStringLiteral("order_actions")), 0);
    EXPECT_TRUE(replay.requests().isEmpty());

    // Given the role, the same agent may.
    storage::AgentRepository(db()).setRole(agent, domain::AgentRole::Admin);
    EXPECT_TRUE(runner.prepare(request(OrderAction::Kind::Cancel, 0, agent), &refusal)) << refusal.toStdString();
}

TEST_F(OrderActionRunnerTest, CancelIsSentWithItsKeyAndMarksTheOrder)
{
    replay.route("POST", OrderPath + QStringLiteral("/cancel.json"),
        ReplayHttpServer::json(
            orderWith({ { QStringLiteral("cancelled_at"), QStringLiteral("2026-03-01T10:00:00-05:00") },
                { QStringLiteral("cancel_reason"), QStringLiteral("customer") } })));
    const std::optional<qint64> id = runner.prepare(request(OrderAction::Kind::Cancel), nullptr);
    ASSERT_TRUE(id);
    EXPECT_EQ(stored(*id).amountCents, 40994);
    const Ended ended = send(runner, *id);
    EXPECT_EQ(ended.state, OrderAction::State::Done) << ended.message.toStdString();
    const auto sent = replay.requestsFor(OrderPath + QStringLiteral("/cancel.json"));
    ASSERT_EQ(sent.size(), 1);
    EXPECT_EQ(sent.at(0).headers.value("idempotency-key"), stored(*id).idempotencyKey.toUtf8());
    EXPECT_EQ(storage::OrderRepository(db()).find(orderId)->status, QStringLiteral("cancelled"));
    EXPECT_EQ(auditTexts().value(0), QStringLiteral("Mia Chen asked for a cancellation of order #1001 (409.94 USD)"));
}

TEST_F(OrderActionRunnerTest, CancelAnswerNotShowingACancelledOrderStaysPending)
{
    // The recording's order has no cancelled_at: Shopify did not (yet) cancel it.
    replay.route("POST", OrderPath + QStringLiteral("/cancel.json"),
        ReplayHttpServer::json(fixture(QStringLiteral("order.json"))));
    const std::optional<qint64> id = runner.prepare(request(OrderAction::Kind::Cancel), nullptr);
    ASSERT_TRUE(id);
    EXPECT_EQ(send(runner, *id).state, OrderAction::State::Pending);
    EXPECT_EQ(storage::OrderRepository(db()).find(orderId)->status, QStringLiteral("paid"));
}

TEST_F(OrderActionRunnerTest, ResendCreatesANewOrderWithTheSameLinesAndAddress)
{
    replay.route(
        "GET", OrderPath + QStringLiteral(".json"), ReplayHttpServer::json(fixture(QStringLiteral("order.json"))));
    replay.route("POST", Api + QStringLiteral("/orders.json"),
        ReplayHttpServer::json(
            orderWith({ { QStringLiteral("id"), 450789470 }, { QStringLiteral("name"), QStringLiteral("#1002") } }),
            201));
    const std::optional<qint64> id = runner.prepare(request(OrderAction::Kind::Resend), nullptr);
    ASSERT_TRUE(id);
    const Ended ended = send(runner, *id);
    EXPECT_EQ(ended.state, OrderAction::State::Done) << ended.message.toStdString();
    EXPECT_EQ(stored(*id).resultId, QStringLiteral("450789470"));

    const auto created = replay.requestsFor(Api + QStringLiteral("/orders.json"));
    ASSERT_EQ(created.size(), 1);
    EXPECT_EQ(created.at(0).headers.value("idempotency-key"), stored(*id).idempotencyKey.toUtf8());
    const QJsonObject order
        = QJsonDocument::fromJson(created.at(0).body).object().value(QStringLiteral("order")).toObject();
    QList<qint64> variants;
    for (const QJsonValue &line : order.value(QStringLiteral("line_items")).toArray()) {
        variants << qint64(line.toObject().value(QStringLiteral("variant_id")).toDouble());
    }
    EXPECT_EQ(variants, (QList<qint64> { 39072856, 49148385, 457924702 }));
    EXPECT_EQ(order.value(QStringLiteral("shipping_address")).toObject().value(QStringLiteral("city")).toString(),
        QStringLiteral("Louisville"));
    EXPECT_EQ(order.value(QStringLiteral("note")).toString(), QStringLiteral("Resend of order #1001: it broke"));
    EXPECT_EQ(order.value(QStringLiteral("financial_status")).toString(), QStringLiteral("paid"));
    EXPECT_EQ(storage::OrderRepository(db()).find(orderId)->status, QStringLiteral("paid"));
}

} // namespace
