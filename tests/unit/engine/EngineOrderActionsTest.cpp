// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine sends order actions with the store account's token from the credential store, and on start sends the
// actions a crash left pending again with the key stored for them (ReplayHttpServer answering at Shopify's paths
// with the shopify_python_api recordings).
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "domain/OrderAction.h"
#include "engine/Engine.h"
#include "storage/AccountRepository.h"
#include "storage/AgentRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderActionRepository.h"
#include "storage/OrderRepository.h"

#include <QDateTime>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;
using domain::OrderAction;
using engine::Engine;
using waybill::testing::FakeCredentialStore;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

const QString Fixtures = QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/orders/shopify-python-api/test/fixtures/");
const QString OrderPath = QStringLiteral("/admin/api/2024-01/orders/450789469");

class EngineOrderActionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        server.route("GET", QStringLiteral("/admin/api/2024-01/orders.json?limit=250&status=any"),
            ReplayHttpServer::file(Fixtures + QStringLiteral("orders.json")));
        server.route("POST", OrderPath + QStringLiteral("/refunds/calculate.json"),
            ReplayHttpServer::file(Fixtures + QStringLiteral("refund_calculate.json")));
        server.route("POST", OrderPath + QStringLiteral("/refunds.json"),
            ReplayHttpServer::file(Fixtures + QStringLiteral("refund.json")));
        domain::ShopifyAccount account;
        account.shop = QStringLiteral("good-shop.myshopify.com");
        account.id = domain::ShopifyAccount::idForShop(account.shop);
        account.name = account.shop;
        account.baseUrl = server.baseUrl().toString();
        storage::AccountRepository(db()).saveShopifyAccount(account, 0);

        supervisor = storage::AgentRepository(db()).insertAgent(
            { 0, QStringLiteral("Mia Chen"), QStringLiteral("mia@example.com"), 0, domain::AgentRole::Supervisor });
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 customer = storage::CustomerRepository(db()).insert(
            { 0, QStringLiteral("Bob Norman"), QStringLiteral("Bob"), now, {} });
        // orders.json's order as the sync stores it (598.94 USD).
        domain::Order order { 0, QStringLiteral("shopify"), QStringLiteral("#1001"), customer, now,
            QStringLiteral("USD"), 0, 0, 0, 59894, QStringLiteral("paid"), {} };
        order.account = account.id;
        order.externalId = QStringLiteral("450789469");
        orderId = storage::OrderRepository(db()).upsert(order).value_or(0);
        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = QStringLiteral("Broken on arrival");
        c.customerId = customer;
        c.createdAt = now;
        c.lastActivity = now;
        conversationId = storage::ConversationRepository(db()).insert(c);
    }

    std::unique_ptr<FakeCredentialStore> credentials()
    {
        auto store = std::make_unique<FakeCredentialStore>();
        store->setSecret(QStringLiteral("shopify:good-shop.myshopify.com"), QStringLiteral("shpat_engine"));
        return store;
    }

    storage::Database &db() { return workspace.db(); }

    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    ReplayHttpServer server;
    qint64 supervisor = 0, orderId = 0, conversationId = 0;
};

TEST_F(EngineOrderActionsTest, SendsTheActionWithTheAccountsTokenAndItsStoredKey)
{
    Engine engine(workspace.directory(), credentials());
    QSignalSpy ended(&engine, &Engine::orderActionEnded);
    engine.start();
    engine.requestOrderAction(orderId, conversationId, supervisor, int(OrderAction::Kind::Refund), 4194, QString());
    ASSERT_TRUE(waitUntil([&] { return !ended.isEmpty(); }, 20000));
    EXPECT_EQ(ended.at(0).at(2).toInt(), int(OrderAction::State::Done)) << ended.at(0).at(3).toString().toStdString();
    const qint64 actionId = ended.at(0).at(0).toLongLong();

    const auto refunds = server.requestsFor(OrderPath + QStringLiteral("/refunds.json"));
    ASSERT_EQ(refunds.size(), 1);
    EXPECT_EQ(refunds.at(0).headers.value("x-shopify-access-token"), QByteArray("shpat_engine"));
    const auto stored = storage::OrderActionRepository(db()).find(actionId);
    ASSERT_TRUE(stored);
    EXPECT_EQ(refunds.at(0).headers.value("idempotency-key"), stored->idempotencyKey.toUtf8());
    EXPECT_EQ(storage::AuditLogRepository(db()).forConversation(conversationId).size(), 2);
    engine.stop();
}

TEST_F(EngineOrderActionsTest, RefusesAnAgentWithoutTheRoleBeforeStoringAnything)
{
    const qint64 agent = storage::AgentRepository(db()).insertAgent(
        { 0, QStringLiteral("Jonas Weber"), QStringLiteral("jonas@example.com"), 0, domain::AgentRole::Agent });
    Engine engine(workspace.directory(), credentials());
    QSignalSpy ended(&engine, &Engine::orderActionEnded);
    engine.start();
    engine.requestOrderAction(orderId, conversationId, agent, int(OrderAction::Kind::Refund), 4194, QString());
    ASSERT_EQ(ended.count(), 1);
    EXPECT_EQ(ended.at(0).at(0).toLongLong(), 0);
    EXPECT_EQ(ended.at(0).at(2).toInt(), int(OrderAction::State::Failed));
    EXPECT_TRUE(storage::OrderActionRepository(db()).allPending().isEmpty());
    EXPECT_TRUE(server.requestsFor(OrderPath + QStringLiteral("/refunds.json")).isEmpty());
    engine.stop();
}

TEST_F(EngineOrderActionsTest, OnStartSendsWhatACrashLeftPendingWithTheSameKey)
{
    // As a crash leaves it: stored with its key, maybe sent, no answer stored.
    OrderAction pending;
    pending.orderId = orderId;
    pending.conversationId = conversationId;
    pending.agentId = supervisor;
    pending.kind = OrderAction::Kind::Refund;
    pending.amountCents = 4194;
    pending.currency = QStringLiteral("USD");
    pending.idempotencyKey = QStringLiteral("6f1c2d4e-0b7a-4c1e-9a53-2f0e8c1d7b90");
    pending.createdAt = QDateTime::currentSecsSinceEpoch();
    const qint64 id = storage::OrderActionRepository(db()).insert(pending);

    Engine engine(workspace.directory(), credentials());
    QSignalSpy ended(&engine, &Engine::orderActionEnded);
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return !ended.isEmpty(); }, 20000));
    EXPECT_EQ(ended.at(0).at(0).toLongLong(), id);
    EXPECT_EQ(ended.at(0).at(2).toInt(), int(OrderAction::State::Done));
    const auto refunds = server.requestsFor(OrderPath + QStringLiteral("/refunds.json"));
    ASSERT_EQ(refunds.size(), 1);
    EXPECT_EQ(refunds.at(0).headers.value("idempotency-key"), pending.idempotencyKey.toUtf8());
    EXPECT_EQ(storage::OrderActionRepository(db()).find(id)->state, OrderAction::State::Done);
    EXPECT_EQ(storage::OrderRepository(db()).refunds(orderId).size(), 1);
    engine.stop();
}

} // namespace
