// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine writes to an Amazon buyer on its own: with the Amazon account's LWA secrets from the credential store
// it runs the rules, and the account's AmazonOutbound asks Amazon which messages it allows for the late order
// (getMessagingActionsForOrder) and sends the rule's message once as unexpectedProblem. The account is one of the
// engine's channels (what `waybillctl serve` reports on /health). ReplayHttpServer answers at the Selling Partner
// API's real paths with the sandbox examples of Amazon's Orders and Messaging models.
#include "AmazonSellerReplay.h"
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "SwaggerSandbox.h"
#include "TestWorkspace.h"
#include "channels/Channel.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "engine/Engine.h"
#include "storage/AccountRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/OrderRepository.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TagRepository.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <algorithm>
#include <gtest/gtest.h>

namespace domain = waybill::domain;
namespace storage = waybill::storage;
using waybill::engine::Engine;
using waybill::testing::FakeCredentialStore;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Day = 24 * 3600;
const QString Order = QStringLiteral("123-1234567-1234567"); // the Messaging sandbox example's order
const QString ListPath = QStringLiteral("/messaging/v1/orders/123-1234567-1234567");
const QString ProblemPath = ListPath + QStringLiteral("/messages/unexpectedProblem");
const QString Query = QStringLiteral("?marketplaceIds=ATVPDKIKX0DER");

/// The sandbox examples of Amazon's Messaging model.
waybill::testing::SwaggerSandbox messagingSandbox()
{
    return waybill::testing::SwaggerSandbox(QStringLiteral(
        WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-messaging/models/messaging-api-model/messaging.json"));
}

/// Amazon's list of the message types it allows for the example order, at its real path.
void routeAllowedTypes(ReplayHttpServer &amazon, const waybill::testing::SwaggerSandbox &messaging)
{
    amazon.route("GET", ListPath + Query,
        ReplayHttpServer::json(messaging.response(
            QStringLiteral("/messaging/v1/orders/{amazonOrderId}"), QStringLiteral("get"), QStringLiteral("200"))));
}

} // namespace

TEST(EngineAmazonMessagingTest, ALateAmazonOrderGetsOneUnexpectedProblemMessage)
{
    TestWorkspace workspace(TestWorkspace::Kind::OnDisk);
    const waybill::testing::SwaggerSandbox messaging = messagingSandbox();
    ReplayHttpServer amazon;
    routeAllowedTypes(amazon, messaging);
    amazon.route("POST", ProblemPath + Query,
        ReplayHttpServer::json(
            messaging.response(QStringLiteral("/messaging/v1/orders/{amazonOrderId}/messages/unexpectedProblem"),
                QStringLiteral("post"), QStringLiteral("201")),
            201));

    const domain::AmazonAccount seller = waybill::testing::AmazonSellerReplay::setUp(amazon, workspace.db());

    // An Amazon order of this seller whose parcel is late since yesterday, and a delay rule without quiet hours.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    domain::Shipment shipment;
    shipment.carrier = QStringLiteral("ups");
    shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
    shipment.status = domain::TrackingStatus::InTransit;
    shipment.shippedAt = now - 5 * Day;
    shipment.expectedAt = now - Day;
    shipment.lateAfter = now - Day;
    waybill::testing::AmazonSellerReplay::addOrder(workspace.db(), seller, Order, now - 6 * Day, shipment);
    workspace.db().execute(QStringLiteral("DELETE FROM rules"));
    storage::TagRepository(workspace.db())
        .insertTemplate({ 0, QStringLiteral("Amazon delay"),
            QStringLiteral("The carrier has delayed order {{order.number}}; we will write again when it moves.") });
    domain::Rule rule;
    rule.name = QStringLiteral("Late parcel");
    rule.trigger = domain::RuleTrigger::Late;
    rule.templateName = QStringLiteral("Amazon delay");
    storage::RuleRepository(workspace.db()).insert(rule);

    auto credentials = std::make_unique<FakeCredentialStore>();
    credentials->setSecret(seller.id, QStringLiteral("Atzr|engine"));
    credentials->setSecret(domain::AmazonAccount::clientSecretKey(seller.id), QStringLiteral("lwa-secret"));
    Engine engine(workspace.directory(), std::move(credentials));
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && amazon.requestsFor(ProblemPath).size() == 1; }, 20000));
    EXPECT_EQ(QJsonDocument::fromJson(amazon.requestsFor(ProblemPath).at(0).body).object(),
        QJsonObject({ { QStringLiteral("text"),
            QStringLiteral("The carrier has delayed order %1; we will write again when it moves.").arg(Order) } }));
    storage::SqlQuery delivery(workspace.db(), QStringLiteral("SELECT delivery FROM messages"));
    delivery.exec();
    ASSERT_TRUE(delivery.next());
    EXPECT_EQ(delivery.text(0), QStringLiteral("sent"));

    // The account is one of the engine's channels, connected.
    const QList<const waybill::channels::Channel *> channels = engine.channels();
    const auto found = std::find_if(channels.cbegin(), channels.cend(),
        [&](const waybill::channels::Channel *channel) { return channel->accountId() == seller.id; });
    ASSERT_NE(found, channels.cend());
    EXPECT_TRUE((*found)->health().isConnected()) << (*found)->health().reason.toStdString();
    EXPECT_FALSE((*found)->capabilities().links);

    // Another rules pass (as every ten minutes) sends nothing more.
    engine.runRules();
    EXPECT_FALSE(waitUntil([&] { return amazon.requestsFor(ProblemPath).size() > 1; }, 1000));
    EXPECT_TRUE(waitUntil([&] { return engine.isIdle(); }, 5000));
    engine.stop();
}

TEST(EngineAmazonMessagingTest, AnAgentAsksWhichMessagesAmazonAllowsForTheConversationsOrder)
{
    TestWorkspace workspace(TestWorkspace::Kind::OnDisk);
    const waybill::testing::SwaggerSandbox messaging = messagingSandbox();
    ReplayHttpServer amazon;
    routeAllowedTypes(amazon, messaging);
    const domain::AmazonAccount seller = waybill::testing::AmazonSellerReplay::setUp(amazon, workspace.db());
    workspace.db().execute(QStringLiteral("DELETE FROM rules"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    domain::Shipment shipment;
    shipment.carrier = QStringLiteral("ups");
    shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
    shipment.status = domain::TrackingStatus::InTransit;
    shipment.shippedAt = now - Day;
    const qint64 orderId
        = waybill::testing::AmazonSellerReplay::addOrder(workspace.db(), seller, Order, now - 2 * Day, shipment);
    const storage::ConversationRepository conversations(workspace.db());
    domain::ConversationSummary about;
    about.channel = domain::Channel::Amazon;
    about.orderId = orderId;
    const qint64 linked = conversations.insert(about);
    const qint64 unlinked = conversations.insert({});

    auto credentials = std::make_unique<FakeCredentialStore>();
    credentials->setSecret(seller.id, QStringLiteral("Atzr|engine"));
    credentials->setSecret(domain::AmazonAccount::clientSecretKey(seller.id), QStringLiteral("lwa-secret"));
    Engine engine(workspace.directory(), std::move(credentials));
    QSignalSpy listed(&engine, &Engine::amazonMessageTypesListed);
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle(); }, 20000));

    engine.listAmazonMessageTypes(linked);
    ASSERT_TRUE(waitUntil([&] { return listed.count() == 1; }, 10000));
    EXPECT_EQ(listed.at(0).at(0).toLongLong(), linked);
    EXPECT_TRUE(listed.at(0).at(1).toStringList().contains(QStringLiteral("confirmDeliveryDetails")))
        << listed.at(0).at(1).toStringList().join(u',').toStdString();
    EXPECT_TRUE(listed.at(0).at(2).toString().isEmpty()) << listed.at(0).at(2).toString().toStdString();
    EXPECT_EQ(amazon.requestsFor(ListPath).size(), 1);

    // No Amazon order: answered at once, nothing asked of Amazon.
    engine.listAmazonMessageTypes(unlinked);
    ASSERT_EQ(listed.count(), 2);
    EXPECT_TRUE(listed.at(1).at(1).toStringList().isEmpty());
    EXPECT_TRUE(listed.at(1).at(2).toString().contains(QStringLiteral("not linked to an order")));

    // The seller's account is gone: the agent is told, nothing is asked.
    storage::AccountRepository(workspace.db()).remove(seller.id);
    engine.reloadAccounts();
    engine.listAmazonMessageTypes(linked);
    ASSERT_TRUE(waitUntil([&] { return listed.count() == 3; }, 5000));
    EXPECT_TRUE(listed.at(2).at(2).toString().contains(QStringLiteral("is not connected")))
        << listed.at(2).at(2).toString().toStdString();
    EXPECT_EQ(amazon.requestsFor(ListPath).size(), 1);
    engine.stop();
}
