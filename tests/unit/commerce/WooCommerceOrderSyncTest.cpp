// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// WooCommerceOrderSync against ReplayHttpServer at the WooCommerce REST API's real paths, answering with payloads in
// the documented v3 shape (tests/data/woocommerce, written by the project): full and incremental passes, paging by
// X-WP-TotalPages and by the Link header, order notes and refunds, 429 and 5xx retries, bad pages that leave nothing
// behind, and an account that keeps syncing while another fails.
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "commerce/WooCommerceOrderSync.h"
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
namespace storage = waybill::storage;
using waybill::commerce::WooCommerceOrderSync;
using waybill::testing::ReplayHttpServer;
using waybill::testing::TestWorkspace;
using waybill::testing::waitUntil;

namespace {

const QString OrdersPath = QStringLiteral("/wp-json/wc/v3/orders");
const QString Listing = OrdersPath + QStringLiteral("?orderby=modified&order=asc&per_page=100");
const QString Page1 = Listing + QStringLiteral("&page=1");
const QString Page2 = Listing + QStringLiteral("&page=2");

QString dataPath(const QString &name)
{
    return QStringLiteral(WAYBILL_TEST_DATA_DIR "/woocommerce/") + name;
}

QByteArray data(const QString &name)
{
    QFile file(dataPath(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

QString notesPath(int id)
{
    return OrdersPath + QStringLiteral("/%1/notes").arg(id);
}

struct Outcome {
    bool finished = false;
    int orders = 0;
    QString error;
};

class WooCommerceOrderSyncTest : public ::testing::Test {
protected:
    std::unique_ptr<WooCommerceOrderSync> makeSync(
        ReplayHttpServer &replay, const QString &name = QStringLiteral("Shop"))
    {
        domain::WooCommerceAccount account;
        account.baseUrl = replay.baseUrl().toString();
        account.id = domain::WooCommerceAccount::idForUrl(replay.baseUrl());
        account.name = name;
        commerce::HttpJsonClient::Config config
            = WooCommerceOrderSync::clientConfig(account, QStringLiteral("ck_0123456789"), QStringLiteral("cs_abcdef"));
        config.backoffMs = 20;
        config.timeoutMs = 5000;
        config.maxServerRetries = 2;
        config.defaultRetryAfterMs = 300;
        return std::make_unique<WooCommerceOrderSync>(
            workspace.db(), std::make_unique<commerce::HttpJsonClient>(network, config), account);
    }

    Outcome run(WooCommerceOrderSync &sync)
    {
        QSignalSpy finished(&sync, &WooCommerceOrderSync::finished);
        QSignalSpy failed(&sync, &WooCommerceOrderSync::failed);
        sync.start();
        EXPECT_TRUE(waitUntil([&] { return finished.count() + failed.count() > 0; }, 20000));
        Outcome outcome;
        outcome.finished = finished.count() == 1;
        outcome.orders = finished.isEmpty() ? 0 : finished.at(0).at(0).toInt();
        outcome.error = failed.isEmpty() ? QString() : failed.at(0).at(0).toString();
        EXPECT_EQ(finished.count() + failed.count(), 1);
        return outcome;
    }

    /// Two pages (X-WP-TotalPages: 2): orders 727 and 728, then 723 with its notes and refund.
    void routeTwoPages(ReplayHttpServer &replay)
    {
        replay.route("GET", Page1,
            ReplayHttpServer::file(dataPath(QStringLiteral("orders-page1.json")))
                .header("X-WP-Total", "3")
                .header("X-WP-TotalPages", "2"));
        replay.route("GET", Page2,
            ReplayHttpServer::file(dataPath(QStringLiteral("orders-page2.json")))
                .header("X-WP-Total", "3")
                .header("X-WP-TotalPages", "2"));
        replay.route("GET", notesPath(727), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
        replay.route("GET", notesPath(728), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
        replay.route("GET", notesPath(723), ReplayHttpServer::file(dataPath(QStringLiteral("notes-723.json"))));
        replay.route("GET", OrdersPath + QStringLiteral("/723/refunds?per_page=100"),
            ReplayHttpServer::file(dataPath(QStringLiteral("refunds-723.json"))));
    }

    qint64 count(const QString &table)
    {
        storage::SqlQuery q(workspace.db(), QStringLiteral("SELECT count(*) FROM ") + table);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    QString state(const char *key)
    {
        return storage::SyncStateRepository(workspace.db()).value(accountId(), QString::fromLatin1(key));
    }

    QString accountId() const { return domain::WooCommerceAccount::idForUrl(server.baseUrl()); }

    TestWorkspace workspace;
    QNetworkAccessManager network;
    ReplayHttpServer server;
};

TEST_F(WooCommerceOrderSyncTest, FullSyncStoresOrdersLinesCustomersNotesAndRefundsOverAllPages)
{
    routeTwoPages(server);
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(outcome.orders, 3);
    EXPECT_EQ(count(QStringLiteral("orders")), 3);

    // HTTP Basic with the consumer key and secret.
    const QList<ReplayHttpServer::Request> pages = server.requestsFor(OrdersPath);
    ASSERT_EQ(pages.size(), 2);
    EXPECT_EQ(pages.at(0).headers.value("authorization"), "Basic " + QByteArray("ck_0123456789:cs_abcdef").toBase64());
    EXPECT_FALSE(pages.at(0).query.hasQueryItem(QStringLiteral("modified_after")));
    EXPECT_EQ(pages.at(1).query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));

    const storage::OrderRepository orders(workspace.db());
    const auto order = orders.findByNumber(QStringLiteral("woocommerce"), QStringLiteral("#727"));
    ASSERT_TRUE(order);
    EXPECT_EQ(order->account, accountId());
    EXPECT_EQ(order->externalId, QStringLiteral("727"));
    EXPECT_EQ(order->status, QStringLiteral("processing"));
    EXPECT_EQ(order->currency, QStringLiteral("USD"));
    EXPECT_EQ(order->totalCents, 2935);
    EXPECT_EQ(order->subtotalCents, 1800);
    EXPECT_EQ(order->shippingCents, 1000);
    EXPECT_EQ(order->taxCents, 135);
    EXPECT_EQ(order->shippingRegion, QStringLiteral("CA, US"));
    EXPECT_EQ(order->placedAt, QDateTime(QDate(2017, 3, 22), QTime(19, 28, 2), Qt::UTC).toSecsSinceEpoch());
    ASSERT_EQ(order->lines.size(), 2);
    EXPECT_EQ(order->lines.at(0).title, QStringLiteral("Woo Single #1"));
    EXPECT_EQ(order->lines.at(0).quantity, 2);
    EXPECT_EQ(order->lines.at(0).unitPriceCents, 300);
    EXPECT_EQ(order->lines.at(1).sku, QStringLiteral("SYI-BLK-M"));
    EXPECT_EQ(order->lines.at(1).externalId, QStringLiteral("316"));

    // John Doe bought #727 and #723: one customer, found again by e-mail.
    const auto john = storage::CustomerRepository(workspace.db())
                          .findByIdentity(QStringLiteral("email"), QStringLiteral("john.doe@example.com"));
    ASSERT_TRUE(john);
    EXPECT_EQ(order->customerId, john->customerId);
    EXPECT_EQ(count(QStringLiteral("customers")), 2);

    const auto refunded = orders.findByNumber(QStringLiteral("woocommerce"), QStringLiteral("#723"));
    ASSERT_TRUE(refunded);
    EXPECT_EQ(refunded->customerId, john->customerId);
    EXPECT_EQ(refunded->refundedCents, 1000);
    const QList<domain::OrderRefund> refunds = orders.refunds(refunded->id);
    ASSERT_EQ(refunds.size(), 1);
    EXPECT_EQ(refunds.at(0).externalId, QStringLiteral("726"));
    EXPECT_EQ(refunds.at(0).note, QStringLiteral("Damaged in transit"));
    EXPECT_EQ(refunds.at(0).createdAt, QDateTime(QDate(2017, 3, 21), QTime(20, 7, 11), Qt::UTC).toSecsSinceEpoch());
    const QList<domain::OrderNote> notes = orders.notes(refunded->id);
    ASSERT_EQ(notes.size(), 2);
    EXPECT_EQ(notes.at(0).text, QStringLiteral("Your parcel ships tomorrow."));
    EXPECT_TRUE(notes.at(0).toCustomer);
    EXPECT_EQ(notes.at(1).author, QStringLiteral("system"));
    EXPECT_FALSE(notes.at(1).toCustomer);
    // Orders without refunds are not asked about them.
    EXPECT_TRUE(server.requestsFor(OrdersPath + QStringLiteral("/727/refunds")).isEmpty());

    EXPECT_EQ(state(WooCommerceOrderSync::CursorKey), QStringLiteral("2017-03-24T12:00:00Z"));
    EXPECT_TRUE(state(WooCommerceOrderSync::PageKey).isEmpty());
}

TEST_F(WooCommerceOrderSyncTest, SecondRunAsksForChangesSinceTheCursorAndUpdatesInPlace)
{
    routeTwoPages(server);
    auto sync = makeSync(server);
    ASSERT_TRUE(run(*sync).finished);

    // #728 is cancelled later; the store lists only it as modified after the cursor.
    QJsonArray page = QJsonDocument::fromJson(data(QStringLiteral("orders-page1.json"))).array();
    QJsonObject changed = page.at(1).toObject();
    changed.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    changed.insert(QStringLiteral("date_modified_gmt"), QStringLiteral("2017-03-25T08:00:00"));
    server.route("GET",
        OrdersPath
            + QStringLiteral("?modified_after=2017-03-24T12:00:00Z&dates_are_gmt=true&orderby=modified&order=asc"
                             "&per_page=100&page=1"),
        ReplayHttpServer::json(QJsonDocument(QJsonArray { changed }).toJson()).header("X-WP-TotalPages", "1"));

    const Outcome second = run(*sync);
    ASSERT_TRUE(second.finished) << second.error.toStdString();
    EXPECT_EQ(second.orders, 1);
    EXPECT_EQ(count(QStringLiteral("orders")), 3);
    EXPECT_EQ(count(QStringLiteral("order_lines")), 4);
    const auto order
        = storage::OrderRepository(workspace.db()).findByNumber(QStringLiteral("woocommerce"), QStringLiteral("#728"));
    ASSERT_TRUE(order);
    EXPECT_EQ(order->status, QStringLiteral("cancelled"));
    EXPECT_EQ(state(WooCommerceOrderSync::CursorKey), QStringLiteral("2017-03-25T08:00:00Z"));
}

TEST_F(WooCommerceOrderSyncTest, FollowsTheLinkHeaderWhenTheTotalIsNotSent)
{
    server.route("GET", Page1,
        ReplayHttpServer::file(dataPath(QStringLiteral("orders-page1.json")))
            .header("Link",
                "<https://shop.example/wp-json/wc/v3/orders?orderby=modified&order=asc&per_page=100&page=2>; "
                "rel=\"next\""));
    server.route("GET", Page2, ReplayHttpServer::file(dataPath(QStringLiteral("orders-page2.json"))));
    server.route("GET", notesPath(727), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
    server.route("GET", notesPath(728), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
    server.route("GET", notesPath(723), ReplayHttpServer::file(dataPath(QStringLiteral("notes-723.json"))));
    server.route("GET", OrdersPath + QStringLiteral("/723/refunds?per_page=100"),
        ReplayHttpServer::file(dataPath(QStringLiteral("refunds-723.json"))));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    EXPECT_EQ(outcome.orders, 3);
    EXPECT_EQ(server.requestsFor(OrdersPath).size(), 2);
}

TEST_F(WooCommerceOrderSyncTest, TooManyRequestsAndServerErrorsAreWaitedOutAndRetried)
{
    server.route("GET", Page1, ReplayHttpServer::tooManyRequests("1"));
    server.route("GET", Page1,
        ReplayHttpServer::file(dataPath(QStringLiteral("orders-page1.json"))).header("X-WP-TotalPages", "1"));
    server.route("GET", notesPath(727), ReplayHttpServer::status(502));
    server.route("GET", notesPath(727), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
    server.route("GET", notesPath(728), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_TRUE(outcome.finished) << outcome.error.toStdString();
    const QList<ReplayHttpServer::Request> pages = server.requestsFor(OrdersPath);
    ASSERT_EQ(pages.size(), 2);
    EXPECT_GE(pages.at(1).atMs - pages.at(0).atMs, 950);
    EXPECT_EQ(server.requestsFor(notesPath(727)).size(), 2);
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
}

TEST_F(WooCommerceOrderSyncTest, MalformedSecondPageKeepsTheFirstAndTheNextRunResumesThere)
{
    server.route("GET", Page1,
        ReplayHttpServer::file(dataPath(QStringLiteral("orders-page1.json"))).header("X-WP-TotalPages", "2"));
    server.route("GET", notesPath(727), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
    server.route("GET", notesPath(728), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
    server.route("GET", Page2, ReplayHttpServer::json(data(QStringLiteral("orders-page2.json")).left(300)));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.startsWith(QStringLiteral("WooCommerce Shop: page 2 of orders:")))
        << outcome.error.toStdString();
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("not valid JSON"))) << outcome.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("orders")), 2);
    EXPECT_EQ(state(WooCommerceOrderSync::PageKey), QStringLiteral("2"));
    EXPECT_TRUE(state(WooCommerceOrderSync::CursorKey).isEmpty());

    // The next run asks for page 2 again and completes the pass.
    server.clearRoutes();
    server.route("GET", Page2,
        ReplayHttpServer::file(dataPath(QStringLiteral("orders-page2.json"))).header("X-WP-TotalPages", "2"));
    server.route("GET", notesPath(723), ReplayHttpServer::file(dataPath(QStringLiteral("notes-723.json"))));
    server.route("GET", OrdersPath + QStringLiteral("/723/refunds?per_page=100"),
        ReplayHttpServer::file(dataPath(QStringLiteral("refunds-723.json"))));
    const Outcome resumed = run(*sync);
    ASSERT_TRUE(resumed.finished) << resumed.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("orders")), 3);
    EXPECT_EQ(state(WooCommerceOrderSync::CursorKey), QStringLiteral("2017-03-24T12:00:00Z"));
}

TEST_F(WooCommerceOrderSyncTest, UnexpectedShapeNamesTheFieldAndStoresNothing)
{
    QJsonArray page = QJsonDocument::fromJson(data(QStringLiteral("orders-page1.json"))).array();
    QJsonObject order = page.at(1).toObject();
    order.insert(QStringLiteral("line_items"), QStringLiteral("none"));
    page.replace(1, order);
    server.route("GET", Page1, ReplayHttpServer::json(QJsonDocument(page).toJson()).header("X-WP-TotalPages", "1"));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.startsWith(QStringLiteral("WooCommerce Shop:"))) << outcome.error.toStdString();
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("[1].line_items is not a list"))) << outcome.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("orders")), 0);
}

TEST_F(WooCommerceOrderSyncTest, BadNotesStoreNothingFromThePage)
{
    server.route("GET", Page1,
        ReplayHttpServer::file(dataPath(QStringLiteral("orders-page1.json"))).header("X-WP-TotalPages", "1"));
    server.route("GET", notesPath(727), ReplayHttpServer::file(dataPath(QStringLiteral("notes-empty.json"))));
    server.route("GET", notesPath(728), ReplayHttpServer::json(R"({"notes": []})"));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.contains(QStringLiteral("the notes of order #728"))) << outcome.error.toStdString();
    EXPECT_EQ(count(QStringLiteral("orders")), 0);
}

TEST_F(WooCommerceOrderSyncTest, RefusedCredentialsAreReportedNamingTheAccount)
{
    server.route("GET", Page1,
        ReplayHttpServer::json(
            R"({"code":"woocommerce_rest_cannot_view","message":"Sorry, you cannot list resources.","data":{"status":401}})",
            401));
    auto sync = makeSync(server);
    const Outcome outcome = run(*sync);
    ASSERT_FALSE(outcome.finished);
    EXPECT_TRUE(outcome.error.startsWith(QStringLiteral("WooCommerce Shop: page 1 of orders: WooCommerce refused")))
        << outcome.error.toStdString();
}

TEST_F(WooCommerceOrderSyncTest, AnotherAccountKeepsSyncingWhileOneFails)
{
    ReplayHttpServer broken;
    broken.route("GET", Page1, ReplayHttpServer::status(500));
    auto failing = makeSync(broken, QStringLiteral("Broken"));
    routeTwoPages(server);
    auto good = makeSync(server);
    QSignalSpy failed(failing.get(), &WooCommerceOrderSync::failed);
    QSignalSpy finished(good.get(), &WooCommerceOrderSync::finished);
    failing->start();
    good->start();
    ASSERT_TRUE(waitUntil([&] { return failed.count() == 1 && finished.count() == 1; }, 20000));
    EXPECT_TRUE(failed.at(0).at(0).toString().startsWith(QStringLiteral("WooCommerce Broken:")));
    EXPECT_EQ(finished.at(0).at(0).toInt(), 3);
    EXPECT_EQ(count(QStringLiteral("orders")), 3);
}

} // namespace
