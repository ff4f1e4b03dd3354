// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpJsonClient.h"
#include "OrderSync.h"
#include "OrderSyncCursor.h"
#include "StoreOrder.h"
#include "domain/WooCommerceAccount.h"

#include <QList>
#include <QString>

#include <memory>

namespace waybill::storage {
class Database;
}

namespace waybill::commerce {

class HttpJsonTask;
struct HttpJsonError;
struct HttpJsonResponse;

/// One incremental pass over a WooCommerce store's orders through the REST API v3: `GET
/// /wp-json/wc/v3/orders?modified_after=<cursor>&dates_are_gmt=true&orderby=modified&order=asc&per_page=100&page=N`
/// for N up to the X-WP-TotalPages header (or while the Link header names a next page), and for each order its
/// notes (`/orders/<id>/notes`) and, when it lists refunds, its refunds (`/orders/<id>/refunds`). Requests carry
/// the REST API consumer key and secret as HTTP Basic credentials (so only over https, or http to this computer).
/// Each page is stored with its notes and refunds in one transaction with the cursor (OrderSyncCursor), as for
/// Shopify; a page that is not what the API documents is refused whole and the pass fails naming the account.
///
/// Owned by the engine (one per account), on the engine's thread; uses the engine's write connection. After start()
/// it emits exactly one of finished() or failed(); abort() (or destroying it) ends it without either.
class WooCommerceOrderSync final : public OrderSync {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WooCommerceOrderSync)

public:
    static constexpr int PageSize = 100;
    static constexpr const char *CursorKey = "orders.modified_after";
    static constexpr const char *PageKey = "orders.page";
    static constexpr const char *OrdersPath = "/wp-json/wc/v3/orders";

    /// The HTTP configuration for the store: its base URL and the Basic credentials of the key pair.
    static HttpJsonClient::Config clientConfig(
        const domain::WooCommerceAccount &account, const QString &consumerKey, const QString &consumerSecret);

    WooCommerceOrderSync(storage::Database &database, std::unique_ptr<HttpJsonClient> client,
        domain::WooCommerceAccount account, QObject *parent = nullptr);
    ~WooCommerceOrderSync() override;

    void start() override;
    QString accountId() const override { return m_account.id; }
    bool isRunning() const { return m_task != nullptr; }
    const domain::WooCommerceAccount &account() const { return m_account; }

private:
    enum class Step {
        Orders,
        Notes,
        Refunds,
    };

    void requestPage(int page);
    void requestDetail(Step step);
    void send(Step step, std::unique_ptr<HttpJsonTask> task);
    void onAnswer(Step step, const HttpJsonResponse &response);
    void onError(Step step, const HttpJsonError &error);
    void onOrdersPage(const HttpJsonResponse &response);
    /// The next order's notes, or the page is complete and stored.
    void nextOrder();
    void storePage();
    OrderSyncCursor cursor() const;
    QString label() const override;

    storage::Database &m_database;
    std::unique_ptr<HttpJsonClient> m_client;
    domain::WooCommerceAccount m_account;
    QString m_cursor; ///< modified_after of this pass
    bool m_resumed = false;
    bool m_startsRun = false;
    qint64 m_storeClock = 0;
    int m_page = 0; ///< the page number being read
    int m_pagesRead = 0;
    int m_nextPage = 0; ///< 0 on the last page
    QList<StoreOrder> m_pageOrders;
    qsizetype m_orderIndex = -1; ///< the order whose notes and refunds are being read
};

} // namespace waybill::commerce
