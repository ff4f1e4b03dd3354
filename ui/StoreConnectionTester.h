// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commerce/HttpJsonClient.h"
#include "domain/AmazonAccount.h"
#include "domain/ChatAccount.h"
#include "domain/EbayAccount.h"
#include "domain/ShopifyAccount.h"
#include "domain/TrackingAccount.h"
#include "domain/TwilioAccount.h"
#include "domain/WooCommerceAccount.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QJsonDocument;
class QNetworkReply;
class QUrlQuery;

namespace waybill::commerce {
class HttpJsonTask;
struct HttpJsonError;
} // namespace waybill::commerce

namespace waybill::engine {
class EbayAccountCheck;
class TwilioAccountCheck;
} // namespace waybill::engine

namespace waybill::ui {

/// "Test connection" for a store account: exactly one real request (Amazon: two), made the way the engine's sync will
/// make it (same base URL, headers and TLS verification), without retries. Shopify: GET /admin/api/<version>/shop.json
/// with the access token. WooCommerce: GET /wp-json/wc/v3/orders?per_page=1 with the REST API key pair. Amazon: a Login
/// with Amazon refresh_token grant at the LWA endpoint (what every sync pass starts with), then with that access token
/// GET /orders/v0/orders for the last day of the account's marketplaces (the endpoint and the application's Orders
/// role; a refusal there is named as such). Tracking providers: a page of one from a list the API key may
/// read. Twilio: the account resource. eBay: an access token, then eBay's official time. Live chat: its widget from the
/// running gateway. Asynchronous (no waitFor*): a test*() call returns at once and finished() follows exactly once with
/// a sentence for people that names the problem — credentials refused, TLS failure, host unknown or unreachable,
/// timeout, or an answer that is not what the service sends. abort() (or destroying the tester, or starting another
/// test) ends a running test without a signal. Lives on the UI thread; the network manager must outlive it.
class StoreConnectionTester final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreConnectionTester)

public:
    static constexpr int DefaultTimeoutMs = 20'000;

    explicit StoreConnectionTester(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~StoreConnectionTester() override;

    /// How long the one request may go without an answer (tests shorten it).
    void setTimeoutMs(int milliseconds) { m_timeoutMs = milliseconds; }
    /// What "now" is (UTC) for the Amazon orders request's window; tests fix it.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

    void testShopify(const domain::ShopifyAccount &account, const QString &accessToken);
    void testWooCommerce(const domain::WooCommerceAccount &account, const QString &key, const QString &secret);
    void testAmazon(const domain::AmazonAccount &account, const QString &refreshToken, const QString &clientSecret);
    /// A tracking provider: TrackingProviderApi::keyCheck() with the key, as the refresh sends it.
    void testTracking(const domain::TrackingAccount &account, const QString &apiKey);
    /// A Twilio number: engine::TwilioAccountCheck (the account resource with the SID and auth token).
    void testTwilio(const domain::TwilioAccount &account, const QString &authToken);
    /// A live chat: GET <the widget's address>/chat/widget.js from the running gateway (the engine starts it once the
    /// account is saved).
    void testChat(const domain::ChatAccount &account);
    /// An eBay seller: engine::EbayAccountCheck (an access token from the refresh token, then GeteBayOfficialTime).
    void testEbay(const domain::EbayAccount &account, const QString &refreshToken, const QString &certId);
    void abort();
    bool isRunning() const { return m_running; }

    /// A sentence naming what went wrong in `error` when asking `service` at `host`.
    static QString describe(const commerce::HttpJsonError &error, const QString &service, const QString &host);

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    /// `describeFailure` may name a failure better than describe() (an empty answer: use describe()).
    void runJson(commerce::HttpJsonClient::Config config, const QString &path, const QUrlQuery &query,
        std::function<QString(const QJsonDocument &)> describeSuccess,
        std::function<QString(const commerce::HttpJsonError &)> describeFailure = {});
    void onLwaReply(QNetworkReply *reply, const QString &host);
    void finish(bool ok, const QString &message);
    /// The kind of failure a finished reply had, with its error string.
    static commerce::HttpJsonError errorOf(const QNetworkReply &reply);

    QNetworkAccessManager &m_network;
    std::unique_ptr<commerce::HttpJsonClient> m_client;
    std::unique_ptr<commerce::HttpJsonTask> m_task;
    std::unique_ptr<engine::TwilioAccountCheck> m_twilioCheck;
    std::unique_ptr<engine::EbayAccountCheck> m_ebayCheck;
    QPointer<QNetworkReply> m_reply;
    int m_timeoutMs = DefaultTimeoutMs;
    bool m_running = false;
    domain::AmazonAccount m_amazon; ///< the Amazon account being tested
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace waybill::ui
