// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace waybill::commerce {

class HttpJsonTask;

/// The HTTP seam of commerce sources (Shopify, WooCommerce and Amazon): GET (and POST) requests for JSON against one
/// configurable base URL, with the source's headers, TLS verification, timeouts and the retry policy in Config.
/// It makes one HttpJsonTask per request and remembers the source's call-limit header so that later requests slow
/// down near the limit. Not a QObject; owned by the source's sync (which must destroy its tasks first) and used on
/// that object's thread. The QNetworkAccessManager is injected and must outlive it.
class HttpJsonClient final {
public:
    struct Config {
        QUrl baseUrl; ///< https://shop.example; http:// only to this computer (a proxy or a test server)
        QString serviceName = QStringLiteral("The server"); ///< "Shopify", for messages
        QList<std::pair<QByteArray, QByteArray>> headers; ///< sent with every request (access tokens)
        int timeoutMs = 30 * 1000; ///< per attempt, while nothing arrives
        int maxServerRetries = 3; ///< retries after 5xx answers, timeouts and broken connections
        int backoffMs = 1000; ///< before the first such retry; doubles each time
        int defaultRetryAfterMs = 2000; ///< a 429 without Retry-After
        int maxRetryAfterMs = 60 * 1000; ///< longer Retry-After values are cut to this
        int maxRateLimitWaits = 10; ///< 429 answers waited out before giving up
        QByteArray callLimitHeader; ///< "used/limit" header, e.g. X-Shopify-Shop-Api-Call-Limit; empty: none
        double callLimitLeakPerSecond = 2.0; ///< how fast the source frees calls
        /// Header with the requests per second the source allows for this operation (Amazon's
        /// x-amzn-RateLimit-Limit); a 429 without Retry-After then waits one such interval. Empty: none.
        QByteArray rateLimitHeader;
        int callLimitHeadroom = 4; ///< slow down when fewer calls than this are left
        qint64 maxBodyBytes = qint64(64) * 1024 * 1024;
    };

    HttpJsonClient(QNetworkAccessManager &network, Config config);
    HttpJsonClient(const HttpJsonClient &) = delete;
    HttpJsonClient &operator=(const HttpJsonClient &) = delete;

    /// A GET of `path` (below the base URL's path) with `query`, not started yet.
    std::unique_ptr<HttpJsonTask> get(const QString &path, const QUrlQuery &query = {});
    /// A POST of the form-encoded `body` to `path` (below the base URL's path), not started yet.
    std::unique_ptr<HttpJsonTask> postForm(const QString &path, const QByteArray &body);
    /// A GET of `url` as is.
    std::unique_ptr<HttpJsonTask> get(const QUrl &url);
    /// A POST of the JSON `body` to `path` (below the base URL's path), not started yet; every attempt (retries
    /// included) sends the same body and the extra `headers` (an Idempotency-Key).
    std::unique_ptr<HttpJsonTask> post(
        const QString &path, const QByteArray &body, const QList<std::pair<QByteArray, QByteArray>> &headers = {});

    const Config &config() const { return m_config; }
    QNetworkAccessManager &network() const { return m_network; }

    /// Milliseconds the next request should wait to stay under the call limit last reported (0 when far from it).
    int paceDelayMs() const;
    /// Records a call-limit header value ("38/40").
    void noteCallLimit(const QByteArray &value);
    /// Records a rate header value (requests per second, "0.0167").
    void noteRateLimit(const QByteArray &value);
    /// Milliseconds between two requests at the rate last reported, or -1 when none was.
    int rateIntervalMs() const;
    /// Sets (or replaces) a header sent with every later request or retry (a refreshed access token).
    void setHeader(const QByteArray &name, const QByteArray &value);

    /// The URL of the Link header entry with this rel ("next"), or an empty URL.
    static QUrl linkWithRel(const QByteArray &linkHeader, const QString &rel);
    /// An HTTP date ("Fri, 11 Jan 2008 13:02:00 GMT", as in Date and Retry-After), or an invalid QDateTime.
    static QDateTime httpDate(const QByteArray &value);
    /// Why requests may not go to `url` (not https, and http not to this computer), or an empty string.
    static QString urlProblem(const QUrl &url);

private:
    QUrl urlFor(const QString &path, const QUrlQuery &query) const;

    QNetworkAccessManager &m_network;
    Config m_config;
    int m_callsUsed = 0;
    int m_callLimit = 0;
    double m_ratePerSecond = 0;
};

} // namespace waybill::commerce
