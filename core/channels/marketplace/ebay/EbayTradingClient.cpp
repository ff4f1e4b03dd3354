// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayTradingClient.h"

#include "EbayTradingCall.h"

namespace waybill::channels::marketplace {

namespace {

commerce::HttpJsonClient::Config httpConfig(const EbayTradingClient::Config &config)
{
    commerce::HttpJsonClient::Config http;
    http.baseUrl = config.tradingUrl;
    http.serviceName = QStringLiteral("eBay");
    http.timeoutMs = config.timeoutMs;
    http.maxServerRetries = config.maxServerRetries;
    http.backoffMs = config.backoffMs;
    return http;
}

} // namespace

EbayTradingClient::EbayTradingClient(QNetworkAccessManager &network, Config config, security::OAuthTokenSource &tokens,
    EbayCallBudget &budget, std::function<qint64()> nowMs)
    : m_config(std::move(config))
    , m_http(network, httpConfig(m_config))
    , m_tokens(tokens)
    , m_budget(budget)
    , m_nowMs(std::move(nowMs))
{
}

EbayTradingClient::~EbayTradingClient() = default;

std::unique_ptr<EbayTradingCall> EbayTradingClient::call(const QString &callName, const QByteArray &body)
{
    return std::make_unique<EbayTradingCall>(*this, callName, body);
}

} // namespace waybill::channels::marketplace
