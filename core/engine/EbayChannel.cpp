// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayChannel.h"

#include "EbayInbound.h"
#include "EbayOutbound.h"
#include "channels/marketplace/ebay/EbayCallBudget.h"
#include "channels/marketplace/ebay/EbayTradingClient.h"
#include "channels/marketplace/ebay/EbayTradingRequest.h"
#include "security/OAuthProvider.h"
#include "security/OAuthTokenSource.h"

#include <QDateTime>

namespace waybill::engine {

EbayChannel::EbayChannel(const storage::Database &database, Ingest &ingest, QNetworkAccessManager &network,
    security::CredentialStore &credentials, domain::EbayAccount account, const QString &certId,
    std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
{
    m_tokens = std::make_unique<security::OAuthTokenSource>(
        security::OAuthProvider::ebay(m_account.tokenEndpoint(), m_account.appId, certId, QString()), m_account.id,
        credentials, network);
    m_budget = std::make_unique<channels::marketplace::EbayCallBudget>();
    channels::marketplace::EbayTradingClient::Config config;
    config.tradingUrl = m_account.tradingEndpoint();
    config.siteId = m_account.siteId;
    const auto clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_client = std::make_unique<channels::marketplace::EbayTradingClient>(network, config, *m_tokens, *m_budget, clock);
    // A reply eBay may have taken is never posted again by the HTTP layer (eBay has no idempotency key): an
    // unanswered one goes back to the outbox, which tries again minutes later.
    config.maxServerRetries = 0;
    m_sendClient
        = std::make_unique<channels::marketplace::EbayTradingClient>(network, config, *m_tokens, *m_budget, clock);
    m_inbound = std::make_unique<EbayInbound>(database, ingest, *m_client, m_account, now);
    m_outbound = std::make_unique<EbayOutbound>(database, *m_sendClient, m_account, now);
    connect(m_inbound.get(), &EbayInbound::conversationsChanged, this, &EbayChannel::conversationsChanged);
    connect(m_outbound.get(), &EbayOutbound::conversationsChanged, this, &EbayChannel::conversationsChanged);
    const auto failing = [this](const QString &message) {
        m_health = { channels::ChannelHealth::State::Failing, message };
        Q_EMIT problem(message);
    };
    connect(m_inbound.get(), &EbayInbound::problem, this, failing);
    connect(m_outbound.get(), &EbayOutbound::problem, this, failing);
    connect(m_inbound.get(), &EbayInbound::passEnded, this, [this](int, bool ok) {
        if (!ok) {
            return;
        }
        m_health = {}; // eBay answered with the account's token: a reply's earlier trouble is the outbox's to retry
        Q_EMIT connected();
        m_outbound->poke(); // a reply waiting for the sign-in may go now
    });
}

EbayChannel::~EbayChannel()
{
    // The sides first: their calls use the clients, which use the token source and the budget.
    m_outbound.reset();
    m_inbound.reset();
    m_sendClient.reset();
    m_client.reset();
}

void EbayChannel::start(int pollMs, int outboxPollMs)
{
    m_outbound->start(outboxPollMs);
    m_inbound->start(pollMs);
}

channels::ChannelCapabilities EbayChannel::capabilities() const
{
    channels::ChannelCapabilities capabilities;
    capabilities.maxLength = channels::marketplace::EbayTradingRequest::MaxBodyLength;
    capabilities.links = false;
    return capabilities;
}

void EbayChannel::poke()
{
    m_outbound->poke();
}

bool EbayChannel::isIdle() const
{
    return m_outbound->isIdle() && m_inbound->isIdle();
}

} // namespace waybill::engine
