// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"
#include "domain/EbayAccount.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace waybill::channels::marketplace {
class EbayCallBudget;
class EbayTradingCall;
class EbayTradingClient;
} // namespace waybill::channels::marketplace
namespace waybill::security {
class MemoryCredentialStore;
class OAuthTokenSource;
} // namespace waybill::security

namespace waybill::engine {

/// "Test connection" for an eBay seller account, the way the engine talks to eBay: an access token from eBay's
/// token endpoint with the refresh token, App ID and Cert ID given (held in memory only), then the Trading API's
/// GeteBayOfficialTime with it at the account's endpoint and site. Emits exactly one of succeeded() (with eBay's
/// time) or failed() (the sign-in refused, eBay's error, unreachable, TLS, an answer that is not eBay's — each named
/// with the account), never from inside start(). Owned by its caller on the caller's thread; the network manager
/// must outlive it.
class EbayAccountCheck final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EbayAccountCheck)

public:
    EbayAccountCheck(QNetworkAccessManager &network, domain::EbayAccount account, const QString &refreshToken,
        const QString &certId, int timeoutMs = 15000, QObject *parent = nullptr);
    ~EbayAccountCheck() override;

    void start();

Q_SIGNALS:
    /// `officialTime`: eBay's clock as its answer gave it (ISO 8601).
    void succeeded(const QString &officialTime);
    void failed(const QString &message);

private:
    domain::EbayAccount m_account;
    std::unique_ptr<security::MemoryCredentialStore> m_secrets;
    std::unique_ptr<security::OAuthTokenSource> m_tokens;
    std::unique_ptr<channels::marketplace::EbayCallBudget> m_budget;
    std::unique_ptr<channels::marketplace::EbayTradingClient> m_client;
    channels::TaskPtr<channels::marketplace::EbayTradingCall> m_call;
};

} // namespace waybill::engine
