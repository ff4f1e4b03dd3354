// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine runs WooCommerce and Amazon accounts beside Shopify's: secrets come from the credential store (the
// WooCommerce key pair, the LWA client secret and refresh token), orders from ReplayHttpServer at the providers' real
// paths; mail that came before its order is linked after the sync; an account without its secret fails on its own
// while the others sync.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "domain/IncomingMessage.h"
#include "engine/Engine.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AccountRepository.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/OrderRepository.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace domain = waybill::domain;
namespace engine = waybill::engine;
namespace storage = waybill::storage;
using waybill::engine::Engine;
using waybill::testing::FakeCredentialStore;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

QByteArray read(const QString &path)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/") + path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

/// getOrders' first sandbox example with the buyer of its first order (from the getOrderBuyerInfo example).
QByteArray amazonOrders()
{
    QJsonObject document
        = QJsonDocument::fromJson(read(QStringLiteral("third_party/amazon-sp-api-orders/getOrders.200.json"))).object();
    QJsonObject payload = document.value(QStringLiteral("payload")).toObject();
    QJsonArray orders = payload.value(QStringLiteral("Orders")).toArray();
    QJsonObject first = orders.at(0).toObject();
    QJsonObject buyer
        = QJsonDocument::fromJson(read(QStringLiteral("third_party/amazon-sp-api-orders/getOrderBuyerInfo.200.json")))
              .object()
              .value(QStringLiteral("payload"))
              .toObject();
    first.insert(QStringLiteral("BuyerInfo"), buyer);
    orders = QJsonArray { first };
    payload.insert(QStringLiteral("Orders"), orders);
    document.insert(QStringLiteral("payload"), payload);
    return QJsonDocument(document).toJson();
}

qint64 mail(storage::Database &db, const QString &from, const QString &subject)
{
    QTemporaryDir attachments;
    storage::AttachmentStore store(attachments.path());
    engine::SlaClock sla;
    domain::IncomingMessage m;
    m.account = QStringLiteral("email:support@shop.example");
    m.externalId = from + subject;
    m.fromAddress = from;
    m.subject = subject;
    m.bodyText = QStringLiteral("Where is my parcel?");
    m.sentAt = QDateTime::currentSecsSinceEpoch() - 3600;
    return engine::Ingest(db, store, sla, [] { return QDateTime::currentSecsSinceEpoch(); }).ingest(m).conversationId;
}

TEST(EngineOrderSourcesTest, SyncsWooCommerceAndAmazonWithKeychainSecretsAndLinksEarlierMail)
{
    TestWorkspace workspace(TestWorkspace::Kind::OnDisk);
    ReplayHttpServer woo;
    woo.route("GET", QStringLiteral("/wp-json/wc/v3/orders?orderby=modified&order=asc&per_page=100&page=1"),
        ReplayHttpServer::json(read(QStringLiteral("woocommerce/orders-page1.json"))).header("X-WP-TotalPages", "1"));
    for (const int id : { 727, 728 }) {
        woo.route("GET", QStringLiteral("/wp-json/wc/v3/orders/%1/notes").arg(id),
            ReplayHttpServer::json(read(QStringLiteral("woocommerce/notes-empty.json"))));
    }
    ReplayHttpServer amazon;
    amazon.route("POST", QStringLiteral("/auth/o2/token"),
        ReplayHttpServer::json(R"({"access_token":"Atza|engine","token_type":"bearer","expires_in":3600})"));
    amazon.route("GET",
        QStringLiteral("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=1970-01-01T00:00:00Z"),
        ReplayHttpServer::json(amazonOrders()));
    amazon.route("GET", QStringLiteral("/orders/v0/orders/902-1845936-5435065/orderItems"),
        ReplayHttpServer::json(read(QStringLiteral("third_party/amazon-sp-api-orders/getOrderItems.200.json"))));

    domain::WooCommerceAccount shop;
    shop.baseUrl = woo.baseUrl().toString();
    shop.id = domain::WooCommerceAccount::idForUrl(woo.baseUrl());
    shop.name = QStringLiteral("Shop");
    domain::WooCommerceAccount locked;
    locked.baseUrl = woo.baseUrl().toString() + QStringLiteral("/other");
    locked.id = domain::WooCommerceAccount::idForUrl(QUrl(locked.baseUrl));
    locked.name = QStringLiteral("Locked");
    domain::AmazonAccount seller;
    seller.marketplaceIds = { QStringLiteral("ATVPDKIKX0DER") };
    seller.id = domain::AmazonAccount::idFor(seller.marketplaceIds);
    seller.name = QStringLiteral("US");
    seller.baseUrl = amazon.baseUrl().toString();
    seller.lwaUrl = amazon.baseUrl().toString() + QStringLiteral("/auth/o2/token");
    seller.clientId = QStringLiteral("amzn1.application-oa2-client.engine");
    seller.syncSince = QStringLiteral("1970-01-01T00:00:00Z");
    const storage::AccountRepository accounts(workspace.db());
    accounts.saveWooCommerceAccount(shop, 0);
    accounts.saveWooCommerceAccount(locked, 0);
    accounts.saveAmazonAccount(seller, 0);
    ASSERT_EQ(accounts.amazonAccounts().size(), 1);
    EXPECT_EQ(accounts.amazonAccounts().at(0).clientId, seller.clientId);
    EXPECT_EQ(accounts.amazonAccounts().at(0).marketplaceIds, seller.marketplaceIds);

    // Mail about both orders arrives before the orders do.
    const qint64 aboutWoo
        = mail(workspace.db(), QStringLiteral("john.doe@example.com"), QStringLiteral("Re: order #727"));
    const qint64 aboutAmazon = mail(
        workspace.db(), QStringLiteral("fzyrv6gwkhbb15c@example.com"), QStringLiteral("Order 902-1845936-5435065"));
    const storage::ConversationRepository conversations(workspace.db());
    EXPECT_EQ(conversations.find(aboutWoo)->orderId, 0);

    auto credentials = std::make_unique<FakeCredentialStore>();
    credentials->setSecret(shop.id, QStringLiteral("ck_engine:cs_engine"));
    credentials->setSecret(seller.id, QStringLiteral("Atzr|engine"));
    credentials->setSecret(domain::AmazonAccount::clientSecretKey(seller.id), QStringLiteral("lwa-secret"));
    Engine engine(workspace.directory(), std::move(credentials));
    QSignalSpy statuses(&engine, &Engine::accountStatus);
    QSignalSpy synced(&engine, &Engine::ordersSynced);
    engine.start();
    ASSERT_TRUE(waitUntil([&] { return engine.isIdle() && synced.count() == 2; }, 20000));

    QStringList syncedAccounts;
    for (const QList<QVariant> &entry : std::as_const(synced)) {
        syncedAccounts << entry.at(0).toString();
    }
    syncedAccounts.sort();
    EXPECT_EQ(syncedAccounts, (QStringList { seller.id, shop.id }));
    const storage::OrderRepository orders(workspace.db());
    const auto wooOrder = orders.findByNumber(QStringLiteral("woocommerce"), QStringLiteral("#727"));
    const auto amazonOrder = orders.findByNumber(QStringLiteral("amazon"), QStringLiteral("902-1845936-5435065"));
    ASSERT_TRUE(wooOrder);
    ASSERT_TRUE(amazonOrder);
    EXPECT_EQ(
        woo.requests().at(0).headers.value("authorization"), "Basic " + QByteArray("ck_engine:cs_engine").toBase64());
    EXPECT_EQ(amazon.requestsFor(QStringLiteral("/orders/v0/orders")).at(0).headers.value("x-amz-access-token"),
        QByteArray("Atza|engine"));
    EXPECT_TRUE(amazon.requestsFor(QStringLiteral("/auth/o2/token")).at(0).body.contains("client_secret=lwa-secret"));

    // After the sync, the mail found its orders.
    EXPECT_EQ(conversations.find(aboutWoo)->orderId, wooOrder->id);
    EXPECT_EQ(conversations.find(aboutAmazon)->orderId, amazonOrder->id);

    bool toldAboutTheKeys = false;
    for (const QList<QVariant> &status : std::as_const(statuses)) {
        if (status.at(0).toString() == locked.id && status.at(1).toString() == QLatin1String("failed")) {
            toldAboutTheKeys = status.at(2).toString().contains(QStringLiteral("no REST API key pair in the keychain"));
        }
    }
    EXPECT_TRUE(toldAboutTheKeys);
    engine.stop();
}

} // namespace
