// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AmazonOrderParser.h"
#include "HttpJsonClient.h"
#include "OrderSync.h"
#include "OrderSyncCursor.h"
#include "domain/AmazonAccount.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace waybill::security {
class OAuthTokenSource;
struct OAuthError;
} // namespace waybill::security
namespace waybill::storage {
class Database;
}

namespace waybill::commerce {

class HttpJsonTask;
struct HttpJsonError;
struct HttpJsonResponse;

/// One incremental pass over an Amazon seller's orders through the Selling Partner API Orders v0: `GET
/// /orders/v0/orders?MarketplaceIds=…&LastUpdatedAfter=<cursor>`, then every page named by `NextToken`, and for each
/// order `GET /orders/v0/orders/{id}/orderItems` (with its own NextToken) for the lines. Requests carry the LWA
/// access token in `x-amz-access-token`; the token comes from an OAuthTokenSource (the refresh token in the keychain
/// under the account id), is kept in memory until it expires, and is refreshed once when the API answers 401 or
/// 403, after which the request is sent again. 429s wait Retry-After, else one interval of the operation's
/// x-amzn-RateLimit-Limit (each operation has its own client and rate). Each orders page is stored with all its
/// items in one transaction with the cursor (OrderSyncCursor), as for Shopify; a page that is not what the API
/// documents is refused whole and the pass fails naming the account. The first pass asks for orders changed since
/// the account's syncSince.
///
/// Owned by the engine (one per account), on the engine's thread; uses the engine's write connection. After start()
/// it emits exactly one of finished() or failed(); abort() (or destroying it) ends it without either.
class AmazonOrderSync final : public OrderSync {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AmazonOrderSync)

public:
    static constexpr const char *CursorKey = "orders.last_updated_after";
    static constexpr const char *NextTokenKey = "orders.next_token";
    static constexpr const char *OrdersPath = "/orders/v0/orders";

    /// The HTTP configuration for the account's SP-API endpoint (the access token is added per pass).
    static HttpJsonClient::Config clientConfig(const domain::AmazonAccount &account);

    /// `tokens` reads the refresh token under the account id; `network` must outlive this object.
    AmazonOrderSync(storage::Database &database, QNetworkAccessManager &network, const HttpJsonClient::Config &config,
        std::unique_ptr<security::OAuthTokenSource> tokens, domain::AmazonAccount account, QObject *parent = nullptr);
    ~AmazonOrderSync() override;

    void start() override;
    void abort() override;
    QString accountId() const override { return m_account.id; }
    bool isRunning() const { return m_running; }
    const domain::AmazonAccount &account() const { return m_account; }

private:
    enum class Operation {
        Orders,
        Items,
    };

    /// Runs `then` with a valid access token in both clients' headers (refreshing it when needed).
    void withToken(std::function<void()> then);
    void onTokenFailed(const security::OAuthError &error);
    void requestOrders(const QString &nextToken);
    void requestItems(const QString &nextToken);
    void send(Operation operation, const QUrl &url);
    void onAnswer(Operation operation, const HttpJsonResponse &response);
    void onError(Operation operation, const QUrl &url, const HttpJsonError &error);
    void onOrdersPage(const HttpJsonResponse &response);
    void onItemsPage(const HttpJsonResponse &response);
    void storePage();
    OrderSyncCursor cursor() const;
    void finish(const QString &error) override;
    QString label() const override;

    storage::Database &m_database;
    std::unique_ptr<HttpJsonClient> m_ordersClient;
    std::unique_ptr<HttpJsonClient> m_itemsClient;
    std::unique_ptr<security::OAuthTokenSource> m_tokens;
    domain::AmazonAccount m_account;
    std::function<void()> m_afterToken; ///< waiting for the token source
    bool m_running = false;
    bool m_refreshedForThisRequest = false; ///< a 401/403 already led to a fresh token for the current request
    bool m_resumed = false;
    bool m_startsRun = false;
    qint64 m_storeClock = 0;
    int m_page = 0;
    QList<StoreOrder> m_pageOrders; ///< the orders page being completed with its items
    QString m_pageNextToken;
    qsizetype m_itemIndex = 0; ///< the order whose items are being read
    AmazonOrderParser::ItemsPage m_items; ///< its items so far
};

} // namespace waybill::commerce
