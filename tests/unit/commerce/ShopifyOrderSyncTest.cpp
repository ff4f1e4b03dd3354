// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ShopifyOrderSync against ReplayHttpServer answering with Shopify's recorded payloads at Shopify's real paths:
// full and incremental passes, paging by the Link header, 429 and 5xx retries, call-limit pacing, bad pages that
// leave nothing behind, and an account that keeps syncing while another fails.
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/ShopifyOrderSync.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/SyncStateRepository.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace commerce = waybill::commerce;
namespace domain = waybill::domain;
namespace storage = waybill::storage;
using waybill::commerce::ShopifyOrderSync;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

const QString OrdersPath = QStringLiteral("/admin/api/2024-01/orders.json");
const QString FirstPage = OrdersPath + QStringLiteral("?limit=250&status=any");
const QString Token = QStringLiteral("shpat_0123456789abcdef");

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/orders/shopify-python-api/test/fixtures/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

QString fixturePath(const QString &name)
{
    return QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/orders/shopify-python-api/test/fixtures/") + name;
}

/// order.json's order object (the full #1001 with line items and a fulfillment).
QJsonObject recordedOrder()
{
    return QJsonDocument::fromJson(fixture(QStringLiteral("order.json")))
        .object()
        .value(QStringLiteral("order"))
        .toObject();
}

/// order.json's order once shipped: the recording's one fulfillment has status "failure" (it never shipped); here it
/// says "success", as Shopify does once the parcel is handed over. Nothing else differs.
QJsonObject shippedOrder()
{
    QJsonObject order = recordedOrder();
    QJsonArray fulfillments = order.value(QStringLiteral("fulfillments")).toArray();
    QJsonObject fulfillment = fulfillments.at(0).toObject();
    fulfillment.insert(QStringLiteral("status"), QStringLiteral("success"));
    fulfillments.replace(0, fulfillment);
    order.insert(QStringLiteral("fulfillments"), fulfillments);
    return order;
}

/// The shipped order as another order of the same store: only its ids, name, number and update time differ.
QJsonObject secondOrder()
{
    QJsonObject order = shippedOrder();
    order.insert(QStringLiteral("id"), 450789470);
    order.insert(QStringLiteral("name"), QStringLiteral("#1002"));
    order.insert(QStringLiteral("order_number"), 1002);
    order.insert(QStringLiteral("updated_at"), QStringLiteral("2008-01-11T08:00:00-05:00"));
    return order;
}

/// An orders.json page, as Shopify sends it, of these order objects.
QByteArray page(const QList<QJsonObject> &orders)
{
    QJsonArray array;
    for (const QJsonObject &order : orders) {
        array.append(order);
    }
    return QJsonDocument(QJsonObject { { QStringLiteral("orders"), array } }).toJson();
}

QByteArray nextLink(const QString &pageInfo)
{
    return QStringLiteral("<https://test-shop.myshopify.com/admin/api/2024-01/orders.json?limit=250&page_info=%1>; "
                          "rel=\"next\"")
        .arg(pageInfo)
        .toLatin1();
}

struct Outcome {
    bool finished = false;
    int orders = 0;
    QString error;
};

class ShopifyOrderSyncTest : public ::testing::Test {
protected:
    std::unique_ptr<ShopifyOrderSync> makeSync(
        ReplayHttpServer &replay, const QString &shop = QStringLiteral("test-shop.myshopify.com"))
    {
        domain::ShopifyAccount account;
        account.shop = shop;
        account.id = domain::ShopifyAccount::idForShop(shop);
        account.name = shop;
        account.baseUrl = replay.baseUrl().toString();
        commerce::HttpJsonClient::Config config = ShopifyOrderSync::clientConfig(account, Token);
        config.backoffMs = 20;
        config.timeoutMs = 5000;
        config.maxServerRetries = 2;
        config.defaultRetryAfterMs = 300;
        return std::make_unique<ShopifyOrderSync>(
            workspace.db(), std::make_unique<commerce::HttpJsonClient>(network, config), account);
    }

    Outcome run(ShopifyOrderSync &sync)
    {
        QSignalSpy finished(&sync, &ShopifyOrderSync::finished);
        QSignalSpy failed(&sync, &ShopifyOrderSync::failed);
        sync.start();
        EXPECT_TRUE(waitUntil([&] { return finished.count() + failed.count() > 0; }, 20000));
        Outcome outcome;
        outcome.finished = finished.count() == 1;
        outcome.orders = finished.isEmpty() ? 0 : finished.at(0).at(0).toInt();
        outcome.error = failed.isEmpty() ? QString() : failed.at(0).at(0).toString();
        EXPECT_EQ(finished.count() + failed.count(), 1);
        return outcome;
    }

    qint64 count(const QString &table)
    {
        storage::SqlQuery q(workspace.db(), QStringLiteral("SELECT count(*) FROM ") + table);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    QString state(const QString &account, const char *key)
    {
        return storage::SyncStateRepository(workspace.db()).value(account, QString::fromLatin1(key));
    }

    TestWorkspace workspace;
    QNetworkAccessManager network;
    ReplayHttpServer server;
    const QString accountId = QStringLiteral("shopify:test-shop.myshopify.com");
};

TEST_F(ShopifyOrderSyncTest, FullSyncStoresOrderCustomerLinesShipmentAndRefund)
{
    // Page 1: orders.json as recorded. Page 2: the same order as order.json has it, with refund.json's refund in
    // its refunds list (the orders endpoint embeds refunds).
    server.route("GET", FirstPage,
        ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json")))
            .header("Link", nextLink(QStringLiteral("p2"))));
    QJsonObject withRefund = shippedOrder();
    withRefund.insert(QStringLiteral("refunds"),
        QJsonArray {
            QJsonDocument::fromJson(fixture(QStringLiteral("refund.json"))).object().value(QStringLiteral("refund")) });
    server.route(
        "GET", OrdersPath + QStringLiteral("?limit=250&page_info=p2"), ReplayHttpServer::json(page({ withRefund })));

    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();

    // One order, never two, however many times Shopify sends it.
    EXPECT_EQ(count(QStringLiteral("orders")), 1);
    const storage::OrderRepository orders(workspace.db());
    const auto order = orders.findByNumber(QStringLiteral("shopify"), QStringLiteral("#1001"));
    ASSERT_TRUE(order);
    EXPECT_EQ(order->account, accountId);
    EXPECT_EQ(order->externalId, QStringLiteral("450789469"));
    EXPECT_EQ(order->currency, QStringLiteral("USD"));
    EXPECT_EQ(order->totalCents, 40994);
    EXPECT_EQ(order->subtotalCents, 39800);
    EXPECT_EQ(order->taxCents, 1194);
    EXPECT_EQ(order->shippingCents, 0);
    EXPECT_EQ(order->status, QStringLiteral("authorized"));
    EXPECT_EQ(order->refundedCents, 20900);
    ASSERT_EQ(order->lines.size(), 3);
    EXPECT_EQ(order->lines.at(0).sku, QStringLiteral("IPOD2008GREEN"));
    EXPECT_EQ(order->lines.at(0).title, QStringLiteral("IPod Nano - 8gb - green"));
    EXPECT_EQ(order->lines.at(0).unitPriceCents, 19900);
    EXPECT_EQ(order->lines.at(0).externalId, QStringLiteral("466157049"));

    // The customer is found again by e-mail identity.
    const auto owner = storage::CustomerRepository(workspace.db())
                           .findByIdentity(QStringLiteral("email"), QStringLiteral("bob.norman@hostmail.com"));
    ASSERT_TRUE(owner);
    EXPECT_EQ(owner->name, QStringLiteral("Bob Norman"));
    EXPECT_EQ(order->customerId, owner->customerId);
    EXPECT_EQ(count(QStringLiteral("customers")), 1);

    // The fulfillment's tracking number is a shipment; no tracking company, so the carrier comes from its URL.
    const QList<domain::Shipment> shipments = orders.shipments(order->id);
    ASSERT_EQ(shipments.size(), 1);
    EXPECT_EQ(shipments.at(0).trackingNumber, QStringLiteral("1Z2345"));
    EXPECT_EQ(shipments.at(0).carrier, QStringLiteral("ups"));
    EXPECT_EQ(shipments.at(0).externalId, QStringLiteral("255858046"));

    const QList<domain::OrderRefund> refunds = orders.refunds(order->id);
    ASSERT_EQ(refunds.size(), 1);
    EXPECT_EQ(refunds.at(0).externalId, QStringLiteral("509562969"));
    EXPECT_EQ(refunds.at(0).amountCents, 20900);
    EXPECT_EQ(refunds.at(0).note, QStringLiteral("it broke during shipping"));

    // Both pages asked for with the token; the second by page_info alone.
    const QList<ReplayHttpServer::Request> requests = server.requests();
    ASSERT_EQ(requests.size(), 2);
    EXPECT_EQ(requests.at(0).headers.value("x-shopify-access-token"), Token.toUtf8());
    EXPECT_EQ(requests.at(1).query.queryItemValue(QStringLiteral("page_info")), QStringLiteral("p2"));
    EXPECT_FALSE(requests.at(1).query.hasQueryItem(QStringLiteral("status")));
    EXPECT_EQ(state(accountId, ShopifyOrderSync::CursorKey), QStringLiteral("2008-01-10T11:00:00-05:00"));
    EXPECT_TRUE(state(accountId, ShopifyOrderSync::PageInfoKey).isEmpty());
}

TEST_F(ShopifyOrderSyncTest, SecondRunAsksForChangesSinceTheCursorAndUpdatesInPlace)
{
    server.route("GET", FirstPage, ReplayHttpServer::json(page({ shippedOrder(), secondOrder() })));
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
    EXPECT_EQ(state(accountId, ShopifyOrderSync::CursorKey), QStringLiteral("2008-01-11T08:00:00-05:00"));

    // Later #1001 is refunded and delivered; Shopify lists only it for updated_at_min.
    QJsonObject changed = shippedOrder();
    changed.insert(QStringLiteral("updated_at"), QStringLiteral("2008-01-12T09:30:00-05:00"));
    changed.insert(QStringLiteral("financial_status"), QStringLiteral("refunded"));
    QJsonArray fulfillments = changed.value(QStringLiteral("fulfillments")).toArray();
    QJsonObject fulfillment = fulfillments.at(0).toObject();
    fulfillment.insert(QStringLiteral("shipment_status"), QStringLiteral("delivered"));
    fulfillment.insert(QStringLiteral("tracking_company"), QStringLiteral("UPS"));
    fulfillments.replace(0, fulfillment);
    changed.insert(QStringLiteral("fulfillments"), fulfillments);
    server.route("GET", FirstPage + QStringLiteral("&updated_at_min=2008-01-11T08:00:00-05:00"),
        ReplayHttpServer::json(page({ changed })));

    const Outcome second = run(*sync);
    ASSERT_TRUE(second.finished) << second.error.toStdString();
    EXPECT_EQ(second.orders, 1);
    const QList<ReplayHttpServer::Request> requests = server.requests();
    ASSERT_EQ(requests.size(), 2);
    EXPECT_EQ(requests.at(1).query.queryItemValue(QStringLiteral("updated_at_min"), QUrl::FullyDecoded),
        QStringLiteral("2008-01-11T08:00:00-05:00"));

    const storage::OrderRepository orders(workspace.db());
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
    EXPECT_EQ(count(QStringLiteral("order_lines")), 6);
    EXPECT_EQ(count(QStringLiteral("shipments")), 2);
    EXPECT_EQ(count(QStringLiteral("customers")), 1);
    const auto first = orders.findByNumber(QStringLiteral("shopify"), QStringLiteral("#1001"));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, QStringLiteral("refunded"));
    const QList<domain::Shipment> shipments = orders.shipments(first->id);
    ASSERT_EQ(shipments.size(), 1);
    EXPECT_EQ(shipments.at(0).status, domain::TrackingStatus::Delivered);
    EXPECT_GT(shipments.at(0).deliveredAt, 0);
    const auto untouched = orders.findByNumber(QStringLiteral("shopify"), QStringLiteral("#1002"));
    ASSERT_TRUE(untouched);
    EXPECT_EQ(untouched->status, QStringLiteral("authorized"));
    EXPECT_EQ(state(accountId, ShopifyOrderSync::CursorKey), QStringLiteral("2008-01-12T09:30:00-05:00"));
}

TEST_F(ShopifyOrderSyncTest, AFulfillmentThatFailsOrIsCancelledIsNoLongerAShipment)
{
    server.route("GET", FirstPage, ReplayHttpServer::json(page({ shippedOrder() })));
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);
    EXPECT_EQ(count(QStringLiteral("shipments")), 1);

    // The order as recorded: its fulfillment failed.
    QJsonObject failed = recordedOrder();
    failed.insert(QStringLiteral("updated_at"), QStringLiteral("2008-01-12T09:30:00-05:00"));
    server.route("GET", FirstPage + QStringLiteral("&updated_at_min=2008-01-10T11:00:00-05:00"),
        ReplayHttpServer::json(page({ failed })));
    ASSERT_TRUE(run(*sync).finished);
    EXPECT_EQ(count(QStringLiteral("shipments")), 0);
    EXPECT_EQ(count(QStringLiteral("order_lines")), 3);
}

TEST_F(ShopifyOrderSyncTest, AShipmentWithADeliveryClaimStaysWhenItsFulfillmentFails)
{
    server.route("GET", FirstPage, ReplayHttpServer::json(page({ shippedOrder() })));
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);
    const storage::OrderRepository orders(workspace.db());
    const auto order = orders.findByNumber(QStringLiteral("shopify"), QStringLiteral("#1001"));
    ASSERT_TRUE(order);
    const QList<domain::Shipment> shipments = orders.shipments(order->id);
    ASSERT_EQ(shipments.size(), 1);
    storage::SqlQuery claim(workspace.db(),
        QStringLiteral("INSERT INTO claims (order_id, shipment_id, kind, state, created_at, updated_at) "
                       "VALUES (?, ?, 'lost', 'opened', 0, 0)"));
    claim.bind(order->id).bind(shipments.at(0).id).exec();

    QJsonObject failed = recordedOrder();
    failed.insert(QStringLiteral("updated_at"), QStringLiteral("2008-01-12T09:30:00-05:00"));
    server.route("GET", FirstPage + QStringLiteral("&updated_at_min=2008-01-10T11:00:00-05:00"),
        ReplayHttpServer::json(page({ failed })));
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("shipments")), 1);
}

TEST_F(ShopifyOrderSyncTest, FollowsTheLinkHeaderToTheLastPage)
{
    server.route("GET", FirstPage,
        ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json")))
            .header("Link", nextLink(QStringLiteral("p2"))));
    server.route("GET", OrdersPath + QStringLiteral("?limit=250&page_info=p2"),
        ReplayHttpServer::json(page({ secondOrder() }))
            .header("Link",
                "<https://test-shop.myshopify.com/admin/api/2024-01/orders.json?limit=250&page_info=p1>; "
                "rel=\"previous\""));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(outcome.orders, 2);
    EXPECT_EQ(server.requests().size(), 2);
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
    EXPECT_TRUE(
        storage::OrderRepository(workspace.db()).findByNumber(QStringLiteral("shopify"), QStringLiteral("#1002")));
}

TEST_F(ShopifyOrderSyncTest, TooManyRequestsWaitsRetryAfterThenSucceeds)
{
    server.route("GET", FirstPage, ReplayHttpServer::tooManyRequests("0.4"));
    server.route("GET", FirstPage, ReplayHttpServer::tooManyRequests(QByteArray())); // the default wait (300 ms here)
    server.route("GET", FirstPage, ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json"))));
    auto sync = makeSync(server);
    QSignalSpy retrying(sync.get(), &ShopifyOrderSync::retrying);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    const QList<ReplayHttpServer::Request> requests = server.requests();
    ASSERT_EQ(requests.size(), 3);
    EXPECT_GE(requests.at(1).atMs - requests.at(0).atMs, 380);
    EXPECT_GE(requests.at(2).atMs - requests.at(1).atMs, 280);
    EXPECT_EQ(retrying.count(), 2);
    EXPECT_EQ(count(QStringLiteral("orders")), 1);
}

TEST_F(ShopifyOrderSyncTest, ServerErrorsAreRetriedABoundedNumberOfTimes)
{
    server.route("GET", FirstPage, ReplayHttpServer::status(500, R"({"errors":"Internal Server Error"})"));
    server.route("GET", FirstPage, ReplayHttpServer::status(503));
    server.route("GET", FirstPage, ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json"))));
    auto sync = makeSync(server);
    const Outcome recovered = run(*sync);
    ASSERT_TRUE(recovered.finished) << recovered.error.toStdString();
    EXPECT_EQ(server.requests().size(), 3);
    EXPECT_EQ(count(QStringLiteral("orders")), 1);

    // A store that keeps failing: three attempts (two retries), then a message that names the account.
    ReplayHttpServer broken;
    broken.route("GET", FirstPage, ReplayHttpServer::status(500));
    auto other = makeSync(broken, QStringLiteral("broken-shop.myshopify.com"));
    const Outcome failed = run(*other);
    EXPECT_FALSE(failed.finished);
    EXPECT_EQ(broken.requests().size(), 3);
    EXPECT_TRUE(failed.error.contains(QStringLiteral("Shopify broken-shop.myshopify.com")))
        << failed.error.toStdString();
    EXPECT_TRUE(failed.error.contains(QStringLiteral("500"))) << failed.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("orders")), 1);
}

TEST_F(ShopifyOrderSyncTest, MalformedPageStoresNothingFromItAndTheNextRunResumesThere)
{
    server.route("GET", FirstPage,
        ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json")))
            .header("Link", nextLink(QStringLiteral("p2"))));
    const QByteArray second = page({ secondOrder() });
    server.route("GET", OrdersPath + QStringLiteral("?limit=250&page_info=p2"),
        ReplayHttpServer::json(second.left(second.size() / 2)));
    auto sync = makeSync(server);
    const Outcome broken = run(*sync);
    ASSERT_FALSE(broken.finished);
    EXPECT_TRUE(broken.error.contains(QStringLiteral("Shopify test-shop.myshopify.com"))) << broken.error.toStdString();
    EXPECT_TRUE(broken.error.contains(QStringLiteral("page 2"))) << broken.error.toStdString();
    EXPECT_TRUE(broken.error.contains(QStringLiteral("not valid JSON"))) << broken.error.toStdString();
    // Page 1 is stored, nothing of page 2, and the cursor has not moved.
    EXPECT_EQ(count(QStringLiteral("orders")), 1);
    EXPECT_FALSE(
        storage::OrderRepository(workspace.db()).findByNumber(QStringLiteral("shopify"), QStringLiteral("#1002")));
    EXPECT_TRUE(state(accountId, ShopifyOrderSync::CursorKey).isEmpty());
    EXPECT_EQ(state(accountId, ShopifyOrderSync::PageInfoKey), QStringLiteral("p2"));

    // Shopify answers properly again: the next run goes straight to page 2.
    server.clearRoutes();
    server.route("GET", OrdersPath + QStringLiteral("?limit=250&page_info=p2"), ReplayHttpServer::json(second));
    const Outcome resumed = run(*sync);
    ASSERT_TRUE(resumed.finished) << resumed.error.toStdString();
    EXPECT_EQ(server.requestsFor(OrdersPath).size(), 3);
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
    EXPECT_EQ(state(accountId, ShopifyOrderSync::CursorKey), QStringLiteral("2008-01-11T08:00:00-05:00"));
    EXPECT_TRUE(state(accountId, ShopifyOrderSync::PageInfoKey).isEmpty());
}

TEST_F(ShopifyOrderSyncTest, UnexpectedShapeNamesTheFieldAndStoresNothing)
{
    QJsonObject order = recordedOrder();
    order.insert(QStringLiteral("total_price"), QStringLiteral("409,94"));
    server.route("GET", FirstPage, ReplayHttpServer::json(page({ secondOrder(), order })));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("orders[1].total_price is not an amount: \"409,94\"")))
        << outcome.error.toStdString();
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("nothing from that page was stored")));
    EXPECT_EQ(count(QStringLiteral("orders")), 0);
    EXPECT_EQ(count(QStringLiteral("customers")), 0);

    // A single order (order.json) where a list is expected.
    server.clearRoutes();
    server.route("GET", FirstPage, ReplayHttpServer::file(fixturePath(QStringLiteral("order.json"))));
    const Outcome single = run(*sync);
    EXPECT_TRUE(single.error.contains(QStringLiteral("no \"orders\" list"))) << single.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("orders")), 0);
}

TEST_F(ShopifyOrderSyncTest, TruncatedBodiesAreRetriedThenReported)
{
    const QByteArray body = fixture(QStringLiteral("orders.json"));
    server.route("GET", FirstPage, ReplayHttpServer::truncated(body, 200));
    server.route("GET", FirstPage, ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json"))));
    auto sync = makeSync(server);
    const Outcome recovered = run(*sync);
    ASSERT_TRUE(recovered.finished) << recovered.error.toStdString();
    EXPECT_EQ(server.requests().size(), 2);

    ReplayHttpServer cut;
    cut.route("GET", FirstPage, ReplayHttpServer::truncated(body, 200));
    auto other = makeSync(cut, QStringLiteral("cut-shop.myshopify.com"));
    const Outcome failed = run(*other);
    EXPECT_FALSE(failed.finished);
    EXPECT_EQ(cut.requests().size(), 3);
    EXPECT_TRUE(failed.error.contains(QStringLiteral("Shopify cut-shop.myshopify.com"))) << failed.error.toStdString();
    EXPECT_TRUE(state(QStringLiteral("shopify:cut-shop.myshopify.com"), ShopifyOrderSync::CursorKey).isEmpty());
}

TEST_F(ShopifyOrderSyncTest, AnotherAccountKeepsSyncingWhileOneFails)
{
    ReplayHttpServer brokenStore;
    brokenStore.route("GET", FirstPage, ReplayHttpServer::json(R"({"orders": [{"id": "not a number"}]})"));
    server.route("GET", FirstPage, ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json"))));
    auto broken = makeSync(brokenStore, QStringLiteral("broken-shop.myshopify.com"));
    auto healthy = makeSync(server);
    QSignalSpy brokenFailed(broken.get(), &ShopifyOrderSync::failed);
    QSignalSpy healthyFinished(healthy.get(), &ShopifyOrderSync::finished);
    broken->start();
    healthy->start();
    ASSERT_TRUE(waitUntil([&] { return brokenFailed.count() == 1 && healthyFinished.count() == 1; }, 20000));
    const QString message = brokenFailed.at(0).at(0).toString();
    EXPECT_TRUE(message.contains(QStringLiteral("Shopify broken-shop.myshopify.com"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("orders[0].id is not an id"))) << message.toStdString();
    const auto order
        = storage::OrderRepository(workspace.db()).findByNumber(QStringLiteral("shopify"), QStringLiteral("#1001"));
    ASSERT_TRUE(order);
    EXPECT_EQ(order->account, accountId);
    EXPECT_FALSE(state(accountId, ShopifyOrderSync::CursorKey).isEmpty());
}

TEST_F(ShopifyOrderSyncTest, CallLimitNearlyUsedSlowsTheNextRequest)
{
    server.route("GET", FirstPage,
        ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json")))
            .header("Link", nextLink(QStringLiteral("p2")))
            .header("X-Shopify-Shop-Api-Call-Limit", "39/40"));
    server.route("GET", OrdersPath + QStringLiteral("?limit=250&page_info=p2"),
        ReplayHttpServer::json(page({ secondOrder() })).header("X-Shopify-Shop-Api-Call-Limit", "1/40"));
    auto sync = makeSync(server);
    // 39 of 40 used, slowing down 4 calls before the limit: wait for 4 calls to leak (2 a second) = 2 s.
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    const QList<ReplayHttpServer::Request> requests = server.requests();
    ASSERT_EQ(requests.size(), 2);
    EXPECT_GE(requests.at(1).atMs - requests.at(0).atMs, 1900);
    EXPECT_EQ(sync->client().paceDelayMs(), 0);
}

TEST_F(ShopifyOrderSyncTest, CursorIsTheNewestChangeSeenWhenThatIsBeforeThePassBegan)
{
    // #1002 was changed at 13:00 UTC; Shopify's clock said 14:00 when the pass began.
    server.route("GET", FirstPage,
        ReplayHttpServer::json(page({ recordedOrder(), secondOrder() }))
            .header("Date", "Fri, 11 Jan 2008 14:00:00 GMT"));
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);
    EXPECT_EQ(state(accountId, ShopifyOrderSync::CursorKey), QStringLiteral("2008-01-11T08:00:00-05:00"));
}

TEST_F(ShopifyOrderSyncTest, CursorNeverPassesTheStoresClockWhenThePassBegan)
{
    // Shopify's clock said 13:02 UTC when the pass began, so orders changed while it paged may be older than the
    // newest it saw (13:00): the cursor stops five minutes before the start.
    server.route("GET", FirstPage,
        ReplayHttpServer::json(page({ secondOrder() })).header("Date", "Fri, 11 Jan 2008 13:02:00 GMT"));
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);
    const QDateTime cursor = QDateTime::fromString(state(accountId, ShopifyOrderSync::CursorKey), Qt::ISODate);
    EXPECT_EQ(cursor, QDateTime::fromString(QStringLiteral("2008-01-11T12:57:00Z"), Qt::ISODate));
}

TEST_F(ShopifyOrderSyncTest, AnOrderNumberOfAnotherStoreIsLeftAlone)
{
    server.route("GET", FirstPage, ReplayHttpServer::file(fixturePath(QStringLiteral("orders.json"))));
    auto first = makeSync(server);
    ASSERT_TRUE(run(*first).finished);
    auto second = makeSync(server, QStringLiteral("other-shop.myshopify.com"));
    const Outcome outcome = run(*second);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(outcome.orders, 0);
    EXPECT_EQ(count(QStringLiteral("orders")), 1);
    EXPECT_EQ(storage::OrderRepository(workspace.db())
                  .findByNumber(QStringLiteral("shopify"), QStringLiteral("#1001"))
                  ->account,
        accountId);
}

} // namespace
