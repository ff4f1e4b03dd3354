// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine runs Shopify accounts: the access token comes from the credential store, the orders from
// ReplayHttpServer (Shopify's recorded payloads); a store without a token fails on its own while the other syncs.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "engine/Engine.h"
#include "storage/AccountRepository.h"
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

domain::ShopifyAccount store(const QString &shop, const QUrl &base)
{
    domain::ShopifyAccount account;
    account.shop = shop;
    account.id = domain::ShopifyAccount::idForShop(shop);
    account.name = shop;
    account.baseUrl = base.toString();
    return account;
}

TEST(EngineShopifyTest, StoresOrdersWithTheTokenFromTheKeychainWhileAnAccountWithoutOneFails)
{
    TestWorkspace workspace(TestWorkspace::Kind::OnDisk);
    ReplayHttpServer server;
    server.route("GET", QStringLiteral("/admin/api/2024-01/orders.json?limit=250&status=any"),
        ReplayHttpServer::file(
            QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/orders/shopify-python-api/test/fixtures/orders.json")));
    const storage::AccountRepository accounts(workspace.db());
    accounts.saveShopifyAccount(store(QStringLiteral("good-shop.myshopify.com"), server.baseUrl()), 0);
    accounts.saveShopifyAccount(store(QStringLiteral("no-token.myshopify.com"), server.baseUrl()), 0);

    auto credentials = std::make_unique<FakeCredentialStore>();
    credentials->setSecret(QStringLiteral("shopify:good-shop.myshopify.com"), QStringLiteral("shpat_engine"));
    Engine engine(workspace.directory(), std::move(credentials));
    QSignalSpy statuses(&engine, &Engine::accountStatus);
    QSignalSpy synced(&engine, &Engine::ordersSynced);
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && synced.count() == 1; }, 20000));

    EXPECT_EQ(synced.at(0).at(0).toString(), QStringLiteral("shopify:good-shop.myshopify.com"));
    EXPECT_EQ(synced.at(0).at(1).toInt(), 1);
    ASSERT_EQ(server.requests().size(), 1);
    EXPECT_EQ(server.requests().at(0).headers.value("x-shopify-access-token"), QByteArray("shpat_engine"));
    EXPECT_TRUE(
        storage::OrderRepository(workspace.db()).findByNumber(QStringLiteral("shopify"), QStringLiteral("#1001")));

    bool toldAboutTheToken = false;
    for (const QList<QVariant> &status : std::as_const(statuses)) {
        if (status.at(0).toString() == QLatin1String("shopify:no-token.myshopify.com")
            && status.at(1).toString() == QLatin1String("failed")) {
            toldAboutTheToken = status.at(2).toString().contains(QStringLiteral("no access token in the keychain"));
        }
    }
    EXPECT_TRUE(toldAboutTheToken);
    engine.stop();
}

} // namespace
