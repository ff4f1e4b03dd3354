// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// AmazonOrderSync against ReplayHttpServer answering with the Selling Partner API's sandbox examples at the API's
// real paths, and a Login with Amazon token endpoint on the same server: full and incremental passes, NextToken
// paging of orders and of items, the LWA token refresh (cached, and again after a 401), 429 and 5xx retries, bad
// pages that leave nothing behind, and an account that keeps syncing while another fails.
#include "FakeCredentialStore.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "commerce/AmazonOrderSync.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/SyncStateRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace commerce = waybill::commerce;
namespace domain = waybill::domain;
namespace security = waybill::security;
namespace storage = waybill::storage;
using waybill::commerce::AmazonOrderSync;
using waybill::testing::FakeCredentialStore;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

const QString Since = QStringLiteral("1970-01-01T00:00:00Z");
const QString FirstPage = QStringLiteral("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=") + Since;
const QString FirstOrder = QStringLiteral("902-1845936-5435065");
const QString SecondOrder = QStringLiteral("902-8745147-1934268");
const QString TokenPath = QStringLiteral("/auth/o2/token");

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-orders/") + name);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

QJsonObject payloadOf(const QString &name)
{
    return QJsonDocument::fromJson(fixture(name)).object().value(QStringLiteral("payload")).toObject();
}

/// getOrders example 1 with the first order's BuyerInfo and ShippingAddress as the Orders model documents them on
/// Order, taken from the getOrderBuyerInfo and getOrderAddress examples of the same order.
QJsonObject ordersWithBuyer()
{
    QJsonObject payload = payloadOf(QStringLiteral("getOrders.200.json"));
    QJsonArray orders = payload.value(QStringLiteral("Orders")).toArray();
    QJsonObject first = orders.at(0).toObject();
    QJsonObject buyer = payloadOf(QStringLiteral("getOrderBuyerInfo.200.json"));
    buyer.remove(QStringLiteral("AmazonOrderId"));
    first.insert(QStringLiteral("BuyerInfo"), buyer);
    first.insert(QStringLiteral("ShippingAddress"),
        payloadOf(QStringLiteral("getOrderAddress.200.json")).value(QStringLiteral("ShippingAddress")));
    orders.replace(0, first);
    payload.insert(QStringLiteral("Orders"), orders);
    return payload;
}

QByteArray body(const QJsonObject &payload)
{
    return QJsonDocument(QJsonObject { { QStringLiteral("payload"), payload } }).toJson();
}

/// getOrderItems' example for another order id (the sandbox has one items example).
QByteArray itemsFor(const QString &orderId, const QString &nextToken = {})
{
    QJsonObject payload = payloadOf(QStringLiteral("getOrderItems.200.json"));
    payload.insert(QStringLiteral("AmazonOrderId"), orderId);
    if (!nextToken.isEmpty()) {
        payload.insert(QStringLiteral("NextToken"), nextToken);
    }
    return body(payload);
}

QString itemsPath(const QString &orderId)
{
    return QStringLiteral("/orders/v0/orders/%1/orderItems").arg(orderId);
}

ReplayHttpServer::Answer token(const QByteArray &accessToken, int expiresIn = 3600)
{
    return ReplayHttpServer::json(R"({"access_token":")" + accessToken
        + R"(","refresh_token":"Atzr|refresh","token_type":"bearer","expires_in":)" + QByteArray::number(expiresIn)
        + "}");
}

struct Outcome {
    bool finished = false;
    int orders = 0;
    QString error;
};

class AmazonOrderSyncTest : public ::testing::Test {
protected:
    void SetUp() override { credentials.setSecret(accountId, QStringLiteral("Atzr|refresh")); }

    std::unique_ptr<AmazonOrderSync> makeSync(
        ReplayHttpServer &replay, const QString &marketplace = QStringLiteral("ATVPDKIKX0DER"))
    {
        domain::AmazonAccount account;
        account.marketplaceIds = { marketplace };
        account.id = domain::AmazonAccount::idFor(account.marketplaceIds);
        account.name = QStringLiteral("Seller ") + marketplace;
        account.baseUrl = replay.baseUrl().toString();
        account.lwaUrl = replay.baseUrl().toString() + TokenPath;
        account.clientId = QStringLiteral("amzn1.application-oa2-client.test");
        account.syncSince = Since;
        commerce::HttpJsonClient::Config config = AmazonOrderSync::clientConfig(account);
        config.backoffMs = 20;
        config.timeoutMs = 5000;
        config.maxServerRetries = 2;
        config.defaultRetryAfterMs = 300;
        auto tokens = std::make_unique<security::OAuthTokenSource>(
            security::OAuthProvider::loginWithAmazon(QUrl(account.lwaUrl), account.clientId, QStringLiteral("s3cret")),
            account.id, credentials, network);
        return std::make_unique<AmazonOrderSync>(workspace.db(), network, config, std::move(tokens), account);
    }

    Outcome run(AmazonOrderSync &sync)
    {
        QSignalSpy finished(&sync, &AmazonOrderSync::finished);
        QSignalSpy failed(&sync, &AmazonOrderSync::failed);
        sync.start();
        EXPECT_TRUE(waitUntil([&] { return finished.count() + failed.count() > 0; }, 20000));
        Outcome outcome;
        outcome.finished = finished.count() == 1;
        outcome.orders = finished.isEmpty() ? 0 : finished.at(0).at(0).toInt();
        outcome.error = failed.isEmpty() ? QString() : failed.at(0).at(0).toString();
        EXPECT_EQ(finished.count() + failed.count(), 1);
        return outcome;
    }

    /// Both orders of getOrders example 1 with the items example each.
    void routeFirstPass(ReplayHttpServer &replay)
    {
        replay.route("POST", TokenPath, token("Atza|first"));
        replay.route("GET", FirstPage, ReplayHttpServer::json(body(ordersWithBuyer())));
        replay.route("GET", itemsPath(FirstOrder), ReplayHttpServer::json(itemsFor(FirstOrder)));
        replay.route("GET", itemsPath(SecondOrder), ReplayHttpServer::json(itemsFor(SecondOrder)));
    }

    qint64 count(const QString &table)
    {
        storage::SqlQuery q(workspace.db(), QStringLiteral("SELECT count(*) FROM ") + table);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    QString state(const char *key)
    {
        return storage::SyncStateRepository(workspace.db()).value(accountId, QString::fromLatin1(key));
    }

    QList<ReplayHttpServer::Request> requestsFor(const QString &path) { return server.requestsFor(path); }

    TestWorkspace workspace;
    QNetworkAccessManager network;
    FakeCredentialStore credentials;
    ReplayHttpServer server;
    const QString accountId = QStringLiteral("amazon:ATVPDKIKX0DER");
};

TEST_F(AmazonOrderSyncTest, FullSyncStoresOrdersItemsBuyerAndRegionWithARefreshedToken)
{
    routeFirstPass(server);
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(outcome.orders, 2);

    // The LWA refresh: a form POST with the refresh token from the keychain and the client's id and secret.
    const QList<ReplayHttpServer::Request> tokenRequests = requestsFor(TokenPath);
    ASSERT_EQ(tokenRequests.size(), 1);
    const QUrlQuery form(QString::fromUtf8(tokenRequests.at(0).body));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded), QStringLiteral("Atzr|refresh"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("client_id")), QStringLiteral("amzn1.application-oa2-client.test"));
    EXPECT_EQ(form.queryItemValue(QStringLiteral("client_secret")), QStringLiteral("s3cret"));

    // Every API request carries the access token.
    const QList<ReplayHttpServer::Request> orderRequests = requestsFor(QStringLiteral("/orders/v0/orders"));
    ASSERT_EQ(orderRequests.size(), 1);
    EXPECT_EQ(orderRequests.at(0).headers.value("x-amz-access-token"), QByteArray("Atza|first"));
    EXPECT_EQ(orderRequests.at(0).query.queryItemValue(QStringLiteral("LastUpdatedAfter"), QUrl::FullyDecoded), Since);
    ASSERT_EQ(requestsFor(itemsPath(SecondOrder)).size(), 1);
    EXPECT_EQ(requestsFor(itemsPath(SecondOrder)).at(0).headers.value("x-amz-access-token"), QByteArray("Atza|first"));

    const storage::OrderRepository orders(workspace.db());
    const auto order = orders.findByNumber(QStringLiteral("amazon"), FirstOrder);
    ASSERT_TRUE(order);
    EXPECT_EQ(order->account, accountId);
    EXPECT_EQ(order->externalId, FirstOrder);
    EXPECT_EQ(order->status, QStringLiteral("unshipped"));
    EXPECT_EQ(order->currency, QStringLiteral("USD"));
    EXPECT_EQ(order->totalCents, 1101);
    EXPECT_EQ(order->subtotalCents, 1000);
    EXPECT_EQ(order->taxCents, 101);
    EXPECT_EQ(order->shippingRegion, QStringLiteral("WA, US"));
    EXPECT_EQ(
        order->placedAt, QDateTime::fromString(QStringLiteral("1970-01-19T03:58:30Z"), Qt::ISODate).toSecsSinceEpoch());
    ASSERT_EQ(order->lines.size(), 1);
    EXPECT_EQ(order->lines.at(0).sku, QStringLiteral("NABetaASINB00551Q3CS"));
    EXPECT_EQ(order->lines.at(0).title, QStringLiteral("B00551Q3CS [Card Book]"));
    EXPECT_EQ(order->lines.at(0).quantity, 1);
    EXPECT_EQ(order->lines.at(0).unitPriceCents, 1000);
    EXPECT_EQ(order->lines.at(0).externalId, QStringLiteral("05015851154158"));

    const auto owner = storage::CustomerRepository(workspace.db())
                           .findByIdentity(QStringLiteral("email"), QStringLiteral("fzyrv6gwkhbb15c@example.com"));
    ASSERT_TRUE(owner);
    EXPECT_EQ(order->customerId, owner->customerId);
    // The second order has no buyer information (the sandbox gives none): no customer is invented for it.
    const auto second = orders.findByNumber(QStringLiteral("amazon"), SecondOrder);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->customerId, 0);
    EXPECT_EQ(count(QStringLiteral("customers")), 1);
    EXPECT_EQ(state(AmazonOrderSync::CursorKey), QStringLiteral("1970-01-19T03:58:32Z"));
    EXPECT_TRUE(state(AmazonOrderSync::NextTokenKey).isEmpty());
}

TEST_F(AmazonOrderSyncTest, FollowsNextTokenForOrdersAndForItems)
{
    server.route("POST", TokenPath, token("Atza|first"));
    server.route("GET", FirstPage,
        ReplayHttpServer::file(
            QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/amazon-sp-api-orders/getOrders.200.next-token.json")));
    server.route("GET",
        QStringLiteral("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&NextToken=2YgYW55IGNhcm5hbCBwbGVhc3VyZS4"),
        ReplayHttpServer::json(body(ordersWithBuyer())));
    // 902-3159896-1390916's items come in two pages.
    server.route("GET", itemsPath(QStringLiteral("902-3159896-1390916")),
        ReplayHttpServer::json(itemsFor(QStringLiteral("902-3159896-1390916"), QStringLiteral("items-2"))));
    QJsonObject secondItems = payloadOf(QStringLiteral("getOrderItems.200.json"));
    QJsonArray items = secondItems.value(QStringLiteral("OrderItems")).toArray();
    QJsonObject other = items.at(0).toObject();
    other.insert(QStringLiteral("OrderItemId"), QStringLiteral("05015851154159"));
    other.insert(QStringLiteral("SellerSKU"), QStringLiteral("NABetaASINB00551Q3CT"));
    other.insert(QStringLiteral("QuantityOrdered"), 2);
    other.insert(QStringLiteral("ItemPrice"),
        QJsonObject { { QStringLiteral("CurrencyCode"), QStringLiteral("USD") },
            { QStringLiteral("Amount"), QStringLiteral("30.00") } });
    secondItems.insert(QStringLiteral("OrderItems"), QJsonArray { other });
    server.route("GET", itemsPath(QStringLiteral("902-3159896-1390916")) + QStringLiteral("?NextToken=items-2"),
        ReplayHttpServer::json(body(secondItems)));
    server.route("GET", itemsPath(FirstOrder), ReplayHttpServer::json(itemsFor(FirstOrder)));
    server.route("GET", itemsPath(SecondOrder), ReplayHttpServer::json(itemsFor(SecondOrder)));

    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(outcome.orders, 3);
    EXPECT_EQ(count(QStringLiteral("orders")), 3);
    // The NextToken page is asked for without LastUpdatedAfter.
    const QList<ReplayHttpServer::Request> pages = requestsFor(QStringLiteral("/orders/v0/orders"));
    ASSERT_EQ(pages.size(), 2);
    EXPECT_FALSE(pages.at(1).query.hasQueryItem(QStringLiteral("LastUpdatedAfter")));

    const auto pending = storage::OrderRepository(workspace.db())
                             .findByNumber(QStringLiteral("amazon"), QStringLiteral("902-3159896-1390916"));
    ASSERT_TRUE(pending);
    ASSERT_EQ(pending->lines.size(), 2);
    EXPECT_EQ(pending->lines.at(1).quantity, 2);
    EXPECT_EQ(pending->lines.at(1).unitPriceCents, 1500); // ItemPrice is for both units
    // A Pending order has no OrderTotal yet: the currency and total come from its items.
    EXPECT_EQ(pending->currency, QStringLiteral("USD"));
    EXPECT_EQ(pending->totalCents, 1000 + 101 + 3000 + 101);
    EXPECT_EQ(pending->status, QStringLiteral("pending"));
}

TEST_F(AmazonOrderSyncTest, SecondRunAsksForChangesSinceTheCursorAndUpdatesInPlaceWithTheCachedToken)
{
    routeFirstPass(server);
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);

    // The first order ships later; Amazon lists only it for LastUpdatedAfter.
    QJsonObject payload = ordersWithBuyer();
    QJsonObject shipped = payload.value(QStringLiteral("Orders")).toArray().at(0).toObject();
    shipped.insert(QStringLiteral("OrderStatus"), QStringLiteral("Shipped"));
    shipped.insert(QStringLiteral("LastUpdateDate"), QStringLiteral("1970-01-20T10:00:00Z"));
    payload.insert(QStringLiteral("Orders"), QJsonArray { shipped });
    server.route("GET",
        QStringLiteral("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=1970-01-19T03:58:32Z"),
        ReplayHttpServer::json(body(payload)));

    const Outcome second = run(*sync);
    ASSERT_TRUE(second.finished) << second.error.toStdString();
    EXPECT_EQ(second.orders, 1);
    EXPECT_EQ(requestsFor(TokenPath).size(), 1); // the token is still fresh: kept in memory
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
    EXPECT_EQ(count(QStringLiteral("order_lines")), 2);
    const auto order = storage::OrderRepository(workspace.db()).findByNumber(QStringLiteral("amazon"), FirstOrder);
    ASSERT_TRUE(order);
    EXPECT_EQ(order->status, QStringLiteral("shipped"));
    EXPECT_EQ(state(AmazonOrderSync::CursorKey), QStringLiteral("1970-01-20T10:00:00Z"));
}

TEST_F(AmazonOrderSyncTest, ATokenAboutToExpireIsRefreshedBeforeTheNextPass)
{
    // LWA tokens live an hour; this one has a minute left, less than the refresh margin.
    server.route("POST", TokenPath, token("Atza|short", 60));
    server.route("POST", TokenPath, token("Atza|fresh", 3600));
    server.route("GET", FirstPage, ReplayHttpServer::json(body(ordersWithBuyer())));
    server.route("GET", itemsPath(FirstOrder), ReplayHttpServer::json(itemsFor(FirstOrder)));
    server.route("GET", itemsPath(SecondOrder), ReplayHttpServer::json(itemsFor(SecondOrder)));
    server.route("GET",
        QStringLiteral("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=1970-01-19T03:58:32Z"),
        ReplayHttpServer::json(body(QJsonObject { { QStringLiteral("Orders"), QJsonArray() } })));
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);
    const Outcome second = run(*sync);
    ASSERT_TRUE(second.finished) << second.error.toStdString();
    EXPECT_EQ(second.orders, 0);
    EXPECT_EQ(requestsFor(TokenPath).size(), 2);
    const QList<ReplayHttpServer::Request> pages = requestsFor(QStringLiteral("/orders/v0/orders"));
    ASSERT_EQ(pages.size(), 2);
    EXPECT_EQ(pages.at(0).headers.value("x-amz-access-token"), QByteArray("Atza|short"));
    EXPECT_EQ(pages.at(1).headers.value("x-amz-access-token"), QByteArray("Atza|fresh"));
}

TEST_F(AmazonOrderSyncTest, AnAccessTokenRefusedWith401IsRefreshedAndTheRequestSentAgain)
{
    server.route("POST", TokenPath, token("Atza|first"));
    server.route("POST", TokenPath, token("Atza|second"));
    server.route("GET", FirstPage,
        ReplayHttpServer::status(
            401, R"({"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied."}]})"));
    server.route("GET", FirstPage, ReplayHttpServer::json(body(ordersWithBuyer())));
    server.route("GET", itemsPath(FirstOrder), ReplayHttpServer::json(itemsFor(FirstOrder)));
    server.route("GET", itemsPath(SecondOrder), ReplayHttpServer::json(itemsFor(SecondOrder)));

    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(requestsFor(TokenPath).size(), 2);
    const QList<ReplayHttpServer::Request> pages = requestsFor(QStringLiteral("/orders/v0/orders"));
    ASSERT_EQ(pages.size(), 2);
    EXPECT_EQ(pages.at(0).headers.value("x-amz-access-token"), QByteArray("Atza|first"));
    EXPECT_EQ(pages.at(1).headers.value("x-amz-access-token"), QByteArray("Atza|second"));
    EXPECT_EQ(requestsFor(itemsPath(FirstOrder)).at(0).headers.value("x-amz-access-token"), QByteArray("Atza|second"));
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
}

TEST_F(AmazonOrderSyncTest, ATokenRefusedAgainAfterTheRefreshFailsNamingTheAccount)
{
    server.route("POST", TokenPath, token("Atza|first"));
    server.route("POST", TokenPath, token("Atza|second"));
    server.route("GET", FirstPage, ReplayHttpServer::status(403, R"({"errors":[{"code":"Unauthorized"}]})"));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.startsWith(QStringLiteral("Amazon Seller ATVPDKIKX0DER:")))
        << outcome.error.toStdString();
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("403"))) << outcome.error.toStdString();
    EXPECT_EQ(requestsFor(TokenPath).size(), 2);
    EXPECT_EQ(requestsFor(QStringLiteral("/orders/v0/orders")).size(), 2); // one retry, not a loop
}

TEST_F(AmazonOrderSyncTest, ARevokedRefreshTokenFailsNamingTheAccountWithoutCallingTheApi)
{
    server.route("POST", TokenPath,
        ReplayHttpServer::json(
            R"({"error":"invalid_grant","error_description":"The request has an invalid grant parameter"})", 400));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.startsWith(QStringLiteral("Amazon Seller ATVPDKIKX0DER: no access token from Login with "
                                                        "Amazon")))
        << outcome.error.toStdString();
    EXPECT_TRUE(requestsFor(QStringLiteral("/orders/v0/orders")).isEmpty());
}

TEST_F(AmazonOrderSyncTest, TooManyRequestsWaitsRetryAfterOrTheOperationsRate)
{
    server.route("POST", TokenPath, token("Atza|first"));
    server.route("GET", FirstPage, ReplayHttpServer::tooManyRequests("1"));
    server.route("GET", FirstPage, ReplayHttpServer::json(body(ordersWithBuyer())));
    // getOrderItems reports its rate (2 requests a second) and is throttled without Retry-After.
    server.route("GET", itemsPath(FirstOrder),
        ReplayHttpServer::json(itemsFor(FirstOrder)).header("x-amzn-RateLimit-Limit", "2.0"));
    ReplayHttpServer::Answer throttled = ReplayHttpServer::tooManyRequests({});
    throttled.header("x-amzn-RateLimit-Limit", "2.0");
    server.route("GET", itemsPath(SecondOrder), throttled);
    server.route("GET", itemsPath(SecondOrder), ReplayHttpServer::json(itemsFor(SecondOrder)));

    auto sync = makeSync(server);
    QSignalSpy retrying(sync.get(), &AmazonOrderSync::retrying);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    const QList<ReplayHttpServer::Request> pages = requestsFor(QStringLiteral("/orders/v0/orders"));
    ASSERT_EQ(pages.size(), 2);
    EXPECT_GE(pages.at(1).atMs - pages.at(0).atMs, 950);
    const QList<ReplayHttpServer::Request> items = requestsFor(itemsPath(SecondOrder));
    ASSERT_EQ(items.size(), 2);
    EXPECT_GE(items.at(1).atMs - items.at(0).atMs, 450); // one interval at 2 a second (500 ms), not the 300 ms default
    EXPECT_EQ(retrying.count(), 2);
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
}

TEST_F(AmazonOrderSyncTest, ServerErrorsAreRetried)
{
    server.route("POST", TokenPath, token("Atza|first"));
    server.route("GET", FirstPage, ReplayHttpServer::status(503));
    server.route("GET", FirstPage, ReplayHttpServer::json(body(ordersWithBuyer())));
    server.route("GET", itemsPath(FirstOrder), ReplayHttpServer::status(500));
    server.route("GET", itemsPath(FirstOrder), ReplayHttpServer::json(itemsFor(FirstOrder)));
    server.route("GET", itemsPath(SecondOrder), ReplayHttpServer::json(itemsFor(SecondOrder)));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(requestsFor(QStringLiteral("/orders/v0/orders")).size(), 2);
    EXPECT_EQ(requestsFor(itemsPath(FirstOrder)).size(), 2);
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
}

TEST_F(AmazonOrderSyncTest, MalformedItemsStoreNothingFromThePageAndNameTheAccount)
{
    server.route("POST", TokenPath, token("Atza|first"));
    server.route("GET", FirstPage, ReplayHttpServer::json(body(ordersWithBuyer())));
    server.route("GET", itemsPath(FirstOrder), ReplayHttpServer::json(itemsFor(FirstOrder)));
    server.route("GET", itemsPath(SecondOrder), ReplayHttpServer::json(itemsFor(SecondOrder).left(120)));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.startsWith(QStringLiteral("Amazon Seller ATVPDKIKX0DER:")))
        << outcome.error.toStdString();
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("not valid JSON"))) << outcome.error.toStdString();
    EXPECT_TRUE(outcome.error.contains(SecondOrder)) << outcome.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("orders")), 0); // not even the first order of that page
    EXPECT_EQ(count(QStringLiteral("customers")), 0);
    EXPECT_TRUE(state(AmazonOrderSync::CursorKey).isEmpty());
}

TEST_F(AmazonOrderSyncTest, UnexpectedShapeNamesTheFieldAndStoresNothing)
{
    QJsonObject payload = ordersWithBuyer();
    QJsonArray orders = payload.value(QStringLiteral("Orders")).toArray();
    QJsonObject second = orders.at(1).toObject();
    second.insert(QStringLiteral("OrderTotal"),
        QJsonObject { { QStringLiteral("CurrencyCode"), QStringLiteral("USD") },
            { QStringLiteral("Amount"), QStringLiteral("eleven") } });
    orders.replace(1, second);
    payload.insert(QStringLiteral("Orders"), orders);
    server.route("POST", TokenPath, token("Atza|first"));
    server.route("GET", FirstPage, ReplayHttpServer::json(body(payload)));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("payload.Orders[1].OrderTotal.Amount is not an amount")))
        << outcome.error.toStdString();
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("nothing from that page was stored")));
    EXPECT_EQ(count(QStringLiteral("orders")), 0);
    EXPECT_TRUE(requestsFor(itemsPath(FirstOrder)).isEmpty());
}

TEST_F(AmazonOrderSyncTest, AnotherAccountKeepsSyncingWhileOneFails)
{
    ReplayHttpServer broken;
    broken.route("POST", TokenPath, token("Atza|broken"));
    broken.route("GET", QStringLiteral("/orders/v0/orders?MarketplaceIds=A1PA6795UKMFR9&LastUpdatedAfter=") + Since,
        ReplayHttpServer::json("{\"payload\": {\"Orders\": [ {\"AmazonOrderId\": "));
    credentials.setSecret(QStringLiteral("amazon:A1PA6795UKMFR9"), QStringLiteral("Atzr|other"));
    auto failing = makeSync(broken, QStringLiteral("A1PA6795UKMFR9"));
    routeFirstPass(server);
    auto good = makeSync(server);

    QSignalSpy failed(failing.get(), &AmazonOrderSync::failed);
    QSignalSpy finished(good.get(), &AmazonOrderSync::finished);
    failing->start();
    good->start();
    ASSERT_TRUE(waitUntil([&] { return failed.count() == 1 && finished.count() == 1; }, 20000));
    EXPECT_TRUE(failed.at(0).at(0).toString().startsWith(QStringLiteral("Amazon Seller A1PA6795UKMFR9:")));
    EXPECT_EQ(finished.at(0).at(0).toInt(), 2);
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
}

} // namespace
