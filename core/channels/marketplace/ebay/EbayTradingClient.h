// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commerce/HttpJsonClient.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace waybill::security {
class OAuthTokenSource;
} // namespace waybill::security

namespace waybill::channels::marketplace {

class EbayCallBudget;
class EbayTradingCall;

/// eBay's Trading API for one seller account: makes one EbayTradingCall per request, sharing the account's access
/// tokens (eBay OAuth, OAuthProvider::ebay()), its call budget and the HTTP settings in Config. Requests go only to
/// https:// (http:// only to this computer: a proxy or a test server), with TLS verification on. Not a QObject;
/// owned by the account's poller on the engine thread, which must destroy its calls first. The network manager,
/// token source and budget are injected and must outlive it; `nowMs` gives epoch milliseconds for the budget.
class EbayTradingClient final {
public:
    struct Config {
        QUrl tradingUrl = QUrl(QStringLiteral("https://api.ebay.com/ws/api.dll"));
        QString siteId = QStringLiteral("0"); ///< X-EBAY-API-SITEID: 0 is eBay US
        /// X-EBAY-API-COMPATIBILITY-LEVEL: the Trading API schema version the requests and answers follow.
        QString compatibilityLevel = QStringLiteral("1455");
        int timeoutMs = 30 * 1000; ///< per attempt, while nothing arrives
        int maxServerRetries = 3; ///< retries after 5xx answers, timeouts and broken connections
        int backoffMs = 1000; ///< before the first such retry; doubles each time
    };

    EbayTradingClient(QNetworkAccessManager &network, Config config, security::OAuthTokenSource &tokens,
        EbayCallBudget &budget, std::function<qint64()> nowMs);
    ~EbayTradingClient();
    EbayTradingClient(const EbayTradingClient &) = delete;
    EbayTradingClient &operator=(const EbayTradingClient &) = delete;

    /// The call `callName` ("GetMemberMessages") with the XML `body` (EbayTradingRequest), not started yet.
    std::unique_ptr<EbayTradingCall> call(const QString &callName, const QByteArray &body);

    const Config &config() const { return m_config; }
    commerce::HttpJsonClient &http() { return m_http; }
    security::OAuthTokenSource &tokens() const { return m_tokens; }
    EbayCallBudget &budget() const { return m_budget; }
    qint64 nowMs() const { return m_nowMs(); }

private:
    Config m_config;
    commerce::HttpJsonClient m_http;
    security::OAuthTokenSource &m_tokens;
    EbayCallBudget &m_budget;
    std::function<qint64()> m_nowMs;
};

} // namespace waybill::channels::marketplace
