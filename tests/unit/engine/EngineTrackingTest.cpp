// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine runs tracking provider accounts: the API key comes from the credential store, the tracker from
// ReplayHttpServer (EasyPost's recorded GET /v2/trackers reply), and the first refresh pass counts towards isIdle()
// (what `waybillctl sync --once` waits for); an agent's refreshShipment() is asked at once and answered once, also
// without a tracking account or for a delivered parcel.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "engine/Engine.h"
#include "storage/AccountRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace domain = waybill::domain;
namespace storage = waybill::storage;
using waybill::engine::Engine;
using waybill::testing::FakeCredentialStore;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

/// A workspace with one order and one USPS shipment of the recorded tracking number.
struct TrackedOrder {
    TrackedOrder()
    {
        const qint64 customerId = storage::CustomerRepository(workspace.db())
                                      .insert({ 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), 0,
                                          { { 0, QStringLiteral("email"), QStringLiteral("olivia@example.net") } } });
        orderId = storage::OrderRepository(workspace.db())
                      .insert({ 0, QStringLiteral("shopify"), QStringLiteral("#1042"), customerId, 0,
                          QStringLiteral("USD"), 2000, 599, 160, 2759, QStringLiteral("paid"), {} });
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("usps");
        shipment.trackingNumber = QStringLiteral("EZ1000000001");
        shipmentId = storage::OrderRepository(workspace.db()).insertShipment(shipment);
    }

    /// Adds the EasyPost account, asking `baseUrl`.
    domain::TrackingAccount addEasyPost(const QUrl &baseUrl)
    {
        domain::TrackingAccount account;
        account.id = domain::TrackingAccount::idForProvider(QStringLiteral("easypost"));
        account.name = QStringLiteral("EasyPost");
        account.provider = QStringLiteral("easypost");
        account.baseUrl = baseUrl.toString();
        storage::AccountRepository(workspace.db()).saveTrackingAccount(account, 0);
        return account;
    }

    TestWorkspace workspace { TestWorkspace::Kind::OnDisk };
    qint64 orderId = 0;
    qint64 shipmentId = 0;
};

TEST(EngineTrackingTest, ATrackingAccountRefreshesShipmentsWithTheKeyFromTheKeychain)
{
    TrackedOrder data;
    TestWorkspace &workspace = data.workspace;
    const qint64 orderId = data.orderId;
    ReplayHttpServer server;
    server.route("GET", QStringLiteral("/v2/trackers?tracking_code=EZ1000000001"),
        ReplayHttpServer::file(QStringLiteral(WAYBILL_TEST_DATA_DIR
            "/third_party/easypost-examples/official/docs/responses/trackers/trackers-list.json")));
    const domain::TrackingAccount account = data.addEasyPost(server.baseUrl());
    ASSERT_EQ(storage::AccountRepository(workspace.db()).trackingAccounts().size(), 1);
    auto credentials = std::make_unique<FakeCredentialStore>();
    credentials->setSecret(account.id, QStringLiteral("EZTK_engine"));

    Engine engine(workspace.directory(), std::move(credentials));
    QSignalSpy statuses(&engine, &Engine::accountStatus);
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && !server.requests().isEmpty(); }, 20000));

    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests().at(0).headers.value("authorization"), "Basic " + QByteArray("EZTK_engine:").toBase64());
    const QList<domain::Shipment> shipments = storage::OrderRepository(workspace.db()).shipments(orderId);
    ASSERT_EQ(shipments.size(), 1);
    EXPECT_EQ(shipments.at(0).status, domain::TrackingStatus::PreTransit);
    bool connected = false;
    for (const QList<QVariant> &status : std::as_const(statuses)) {
        connected = connected
            || (status.at(0).toString() == account.id && status.at(1).toString() == QLatin1String("connected"));
    }
    EXPECT_TRUE(connected);
    engine.stop();
}

TEST(EngineTrackingTest, RefreshingWithoutATrackingAccountSaysWhereToAddOne)
{
    TrackedOrder data;
    Engine engine(data.workspace.directory(), std::make_unique<FakeCredentialStore>());
    QSignalSpy ended(&engine, &Engine::shipmentRefreshEnded);
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle(); }, 20000));

    engine.refreshShipment(data.shipmentId);
    ASSERT_EQ(ended.count(), 1);
    EXPECT_EQ(ended.at(0).at(0).toLongLong(), data.shipmentId);
    EXPECT_FALSE(ended.at(0).at(1).toBool());
    EXPECT_TRUE(ended.at(0).at(2).toString().contains(QStringLiteral("Settings → Stores, tracking and SMS")))
        << qPrintable(ended.at(0).at(2).toString());
    engine.stop();
}

TEST(EngineTrackingTest, AnAgentsRefreshAsksAtOnceAndAnnouncesTheChange)
{
    TrackedOrder data;
    ReplayHttpServer server;
    const QString recorded = QStringLiteral(
        WAYBILL_TEST_DATA_DIR "/third_party/easypost-examples/official/docs/responses/trackers/trackers-list.json");
    server.route("GET", QStringLiteral("/v2/trackers?tracking_code=EZ1000000001"), ReplayHttpServer::file(recorded));
    server.route("GET", QStringLiteral("/v2/trackers?tracking_code=EZ1000000001"), ReplayHttpServer::file(recorded));
    const domain::TrackingAccount account = data.addEasyPost(server.baseUrl());
    auto credentials = std::make_unique<FakeCredentialStore>();
    credentials->setSecret(account.id, QStringLiteral("EZTK_engine"));
    Engine engine(data.workspace.directory(), std::move(credentials));
    QSignalSpy ended(&engine, &Engine::shipmentRefreshEnded);
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && server.requests().size() == 1; }, 20000));

    // Checked a moment ago: the schedule would not ask again for hours; the agent's request asks now.
    engine.refreshShipment(data.shipmentId);
    ASSERT_TRUE(waitUntil([&] { return ended.count() == 1; }, 20000));
    EXPECT_EQ(server.requests().size(), 2);
    EXPECT_EQ(ended.at(0).at(0).toLongLong(), data.shipmentId);
    EXPECT_TRUE(ended.at(0).at(2).toString().isEmpty()) << qPrintable(ended.at(0).at(2).toString());

    // A delivered parcel is not asked about again.
    data.workspace.db().execute(QStringLiteral("UPDATE shipments SET status = 'delivered'"));
    engine.refreshShipment(data.shipmentId);
    ASSERT_EQ(ended.count(), 2);
    EXPECT_TRUE(ended.at(1).at(2).toString().contains(QStringLiteral("delivered")));
    EXPECT_EQ(server.requests().size(), 2);
    engine.stop();
}

} // namespace
