// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/Channel.h"
#include "domain/EbayAccount.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace waybill::channels::marketplace {
class EbayCallBudget;
class EbayTradingClient;
} // namespace waybill::channels::marketplace
namespace waybill::security {
class CredentialStore;
class OAuthTokenSource;
} // namespace waybill::security
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class EbayInbound;
class EbayOutbound;
class Ingest;

/// One eBay seller account on the engine's side: its OAuth access tokens (refreshed from the seller's refresh token
/// in the keychain under the account id, with the application's App ID and Cert ID), one 75-calls-a-minute budget
/// that the buyer messages (EbayInbound) and the replies (EbayOutbound) share, a Trading API client for each (the
/// replies' never re-posts by itself: eBay has no idempotency key), and both sides.
/// Lives on the engine thread with the write connection; owned by the engine; destroying it ends the work. As a
/// channels::Channel: plain text up to 2,000 characters (eBay's member message limit), no links (eBay's rules keep
/// buyers on eBay), no attachments, no typing or read state; failing, with the reason naming the account, while eBay
/// cannot be reached or refuses the sign-in (the newest problem of the two sides; cleared by the next pass of buyer
/// messages that eBay answers, or the next reply it takes).
class EbayChannel final : public QObject, public channels::Channel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EbayChannel)

public:
    EbayChannel(const storage::Database &database, Ingest &ingest, QNetworkAccessManager &network,
        security::CredentialStore &credentials, domain::EbayAccount account, const QString &certId,
        std::function<qint64()> now, QObject *parent = nullptr);
    ~EbayChannel() override;

    /// Starts the passes (every `pollMs`) and the outbox (every `outboxPollMs`).
    void start(int pollMs = 5 * 60 * 1000, int outboxPollMs = 5000);
    QString accountId() const override { return m_account.id; }
    channels::ChannelCapabilities capabilities() const override;
    void poke() override;
    bool isIdle() const override;
    channels::ChannelHealth health() const override { return m_health; }
    EbayInbound &inbound() const { return *m_inbound; }
    channels::marketplace::EbayTradingClient &client() const { return *m_client; }

Q_SIGNALS:
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// A problem it is retrying by itself; names the account.
    void problem(const QString &message);
    /// A pass of buyer messages ended without a problem.
    void connected();

private:
    domain::EbayAccount m_account;
    std::unique_ptr<security::OAuthTokenSource> m_tokens;
    std::unique_ptr<channels::marketplace::EbayCallBudget> m_budget;
    std::unique_ptr<channels::marketplace::EbayTradingClient> m_client; ///< reads, retrying server errors itself
    std::unique_ptr<channels::marketplace::EbayTradingClient> m_sendClient; ///< replies: one POST per outbox try
    std::unique_ptr<EbayInbound> m_inbound;
    std::unique_ptr<EbayOutbound> m_outbound;
    channels::ChannelHealth m_health;
};

} // namespace waybill::engine
