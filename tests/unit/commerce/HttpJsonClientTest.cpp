// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// HttpJsonClient's pure parts: Link headers, call-limit pacing, which addresses it may talk to; and a request to a
// server that is not there.
#include "TestWorkspace.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/HttpJsonTask.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>

#include <gtest/gtest.h>
#include <memory>

using waybill::commerce::HttpJsonClient;
using waybill::commerce::HttpJsonError;
using waybill::commerce::HttpJsonTask;

namespace {

TEST(HttpJsonClientTest, LinkHeaderEntriesByRel)
{
    const QByteArray header = "<https://shop.myshopify.com/admin/api/2024-01/orders.json?limit=250&page_info=prev1>; "
                              "rel=\"previous\", "
                              "<https://shop.myshopify.com/admin/api/2024-01/orders.json?limit=250&page_info=next2>; "
                              "rel=\"next\"";
    EXPECT_EQ(HttpJsonClient::linkWithRel(header, QStringLiteral("next")).query(),
        QStringLiteral("limit=250&page_info=next2"));
    EXPECT_EQ(HttpJsonClient::linkWithRel(header, QStringLiteral("previous")).query(),
        QStringLiteral("limit=250&page_info=prev1"));
    EXPECT_TRUE(
        HttpJsonClient::linkWithRel("<https://x.example/a>; rel=\"previous\"", QStringLiteral("next")).isEmpty());
    EXPECT_TRUE(HttpJsonClient::linkWithRel(QByteArray(), QStringLiteral("next")).isEmpty());
    EXPECT_TRUE(HttpJsonClient::linkWithRel("garbage, <unterminated", QStringLiteral("next")).isEmpty());
}

TEST(HttpJsonClientTest, SlowsDownNearTheCallLimit)
{
    QNetworkAccessManager network;
    HttpJsonClient::Config config;
    config.callLimitHeader = "X-Shopify-Shop-Api-Call-Limit";
    HttpJsonClient client(network, config);
    EXPECT_EQ(client.paceDelayMs(), 0);
    client.noteCallLimit("20/40");
    EXPECT_EQ(client.paceDelayMs(), 0);
    client.noteCallLimit("36/40");
    EXPECT_EQ(client.paceDelayMs(), 500);
    client.noteCallLimit("40/40");
    EXPECT_EQ(client.paceDelayMs(), 2500);
    client.noteCallLimit("nonsense");
    EXPECT_EQ(client.paceDelayMs(), 2500);
    client.noteCallLimit("3/40");
    EXPECT_EQ(client.paceDelayMs(), 0);
}

TEST(HttpJsonClientTest, RateHeaderGivesTheIntervalBetweenRequests)
{
    QNetworkAccessManager network;
    HttpJsonClient client(network, {});
    EXPECT_EQ(client.rateIntervalMs(), -1);
    client.noteRateLimit("0.0167"); // Amazon's getOrders: one request a minute once the burst is spent
    EXPECT_EQ(client.rateIntervalMs(), 59881);
    client.noteRateLimit("2.0");
    EXPECT_EQ(client.rateIntervalMs(), 500);
    client.noteRateLimit("none");
    client.noteRateLimit("0");
    EXPECT_EQ(client.rateIntervalMs(), 500);
}

TEST(HttpJsonClientTest, SetHeaderReplacesAHeaderWhateverItsCase)
{
    QNetworkAccessManager network;
    HttpJsonClient::Config config;
    config.headers = { { "Accept-Language", "en" }, { "x-amz-access-token", "Atza|old" } };
    HttpJsonClient client(network, config);
    client.setHeader("X-Amz-Access-Token", "Atza|new");
    client.setHeader("User-Agent", "Waybill");
    ASSERT_EQ(client.config().headers.size(), 3);
    EXPECT_EQ(client.config().headers.at(1).second, QByteArray("Atza|new"));
    EXPECT_EQ(client.config().headers.at(2), std::make_pair(QByteArray("User-Agent"), QByteArray("Waybill")));
}

TEST(HttpJsonClientTest, HttpDates)
{
    EXPECT_EQ(HttpJsonClient::httpDate("Fri, 11 Jan 2008 13:02:00 GMT"),
        QDateTime::fromString(QStringLiteral("2008-01-11T13:02:00Z"), Qt::ISODate));
    EXPECT_EQ(HttpJsonClient::httpDate("Fri, 11 Jan 2008 08:02:00 -0500"),
        QDateTime::fromString(QStringLiteral("2008-01-11T13:02:00Z"), Qt::ISODate));
    EXPECT_FALSE(HttpJsonClient::httpDate("2.0").isValid());
    EXPECT_FALSE(HttpJsonClient::httpDate(QByteArray()).isValid());
}

TEST(HttpJsonClientTest, PlainHttpOnlyToThisComputer)
{
    EXPECT_TRUE(HttpJsonClient::urlProblem(QUrl(QStringLiteral("https://shop.myshopify.com"))).isEmpty());
    EXPECT_TRUE(HttpJsonClient::urlProblem(QUrl(QStringLiteral("http://127.0.0.1:8080"))).isEmpty());
    EXPECT_TRUE(HttpJsonClient::urlProblem(QUrl(QStringLiteral("http://localhost:8080/proxy"))).isEmpty());
    EXPECT_FALSE(HttpJsonClient::urlProblem(QUrl(QStringLiteral("http://shop.myshopify.com"))).isEmpty());
    EXPECT_FALSE(HttpJsonClient::urlProblem(QUrl(QStringLiteral("ftp://shop.myshopify.com"))).isEmpty());
    EXPECT_FALSE(HttpJsonClient::urlProblem(QUrl(QStringLiteral("not a url"))).isEmpty());
}

TEST(HttpJsonClientTest, UnreachableServerIsRetriedThenNamed)
{
    // A port that was free a moment ago: connections are refused.
    quint16 port = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QNetworkAccessManager network;
    HttpJsonClient::Config config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.serviceName = QStringLiteral("Shopify");
    config.backoffMs = 10;
    config.maxServerRetries = 2;
    HttpJsonClient client(network, config);
    const std::unique_ptr<HttpJsonTask> task = client.get(QStringLiteral("/admin/api/2024-01/orders.json"));
    QSignalSpy failed(task.get(), &HttpJsonTask::failed);
    task->start();
    ASSERT_TRUE(waybill::testing::waitUntil([&] { return failed.count() == 1; }, 10000));
    const auto error = failed.at(0).at(0).value<HttpJsonError>();
    EXPECT_EQ(task->attempts(), 3);
    EXPECT_EQ(error.kind, HttpJsonError::Kind::Network);
    EXPECT_TRUE(error.message.contains(QStringLiteral("Shopify could not be reached"))) << error.message.toStdString();
}

} // namespace
