// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayAccountCheck.h"

#include "channels/marketplace/ebay/EbayCallBudget.h"
#include "channels/marketplace/ebay/EbayTradingCall.h"
#include "channels/marketplace/ebay/EbayTradingClient.h"
#include "channels/marketplace/ebay/EbayTradingRequest.h"
#include "channels/marketplace/ebay/EbayTradingResponse.h"
#include "commerce/HttpJsonError.h"
#include "security/MemoryCredentialStore.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"

#include <QDateTime>

namespace waybill::engine {

EbayAccountCheck::EbayAccountCheck(QNetworkAccessManager &network, domain::EbayAccount account,
    const QString &refreshToken, const QString &certId, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_secrets(
          std::make_unique<security::MemoryCredentialStore>(QHash<QString, QString> { { m_account.id, refreshToken } }))
{
    m_tokens = std::make_unique<security::OAuthTokenSource>(
        security::OAuthProvider::ebay(m_account.tokenEndpoint(), m_account.appId, certId, QString()), m_account.id,
        *m_secrets, network);
    m_budget = std::make_unique<channels::marketplace::EbayCallBudget>();
    channels::marketplace::EbayTradingClient::Config config;
    config.tradingUrl = m_account.tradingEndpoint();
    config.siteId = m_account.siteId;
    config.maxServerRetries = 0; // one request, as every "test connection"
    config.timeoutMs = timeoutMs;
    m_tokens->setRequestTimeoutMs(timeoutMs);
    m_client = std::make_unique<channels::marketplace::EbayTradingClient>(
        network, config, *m_tokens, *m_budget, [] { return QDateTime::currentMSecsSinceEpoch(); });
}

EbayAccountCheck::~EbayAccountCheck()
{
    if (m_call) {
        m_call->abort();
    }
    m_call.reset();
}

void EbayAccountCheck::start()
{
    using channels::marketplace::EbayTradingCall;
    std::unique_ptr<EbayTradingCall> call = m_client->call(
        QStringLiteral("GeteBayOfficialTime"), channels::marketplace::EbayTradingRequest::geteBayOfficialTime());
    connect(call.get(), &EbayTradingCall::finished, this,
        [this](const channels::marketplace::EbayTradingResponse &response) {
            m_call.reset();
            Q_EMIT succeeded(response.timestamp().toString(Qt::ISODate));
        });
    connect(call.get(), &EbayTradingCall::failed, this, [this](const commerce::HttpJsonError &error) {
        m_call.reset();
        Q_EMIT failed(QStringLiteral("%1: %2").arg(m_account.label(), error.message));
    });
    m_call.reset(call.release());
    m_call->start();
}

} // namespace waybill::engine
