// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpJsonClient.h"
#include "OrderSync.h"
#include "OrderSyncCursor.h"
#include "StoreOrder.h"
#include "domain/ShopifyAccount.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace waybill::storage {
class Database;
}

namespace waybill::commerce {

class HttpJsonTask;
struct HttpJsonError;
struct HttpJsonResponse;

/// One incremental pass over a Shopify store's orders through the Admin REST API: `GET
/// /admin/api/<version>/orders.json?status=any&updated_at_min=<cursor>&limit=250`, then every page named by the Link
/// header's rel="next" page_info. Each page is stored in one transaction (StoreOrderWriter: customers, orders with
/// their lines, fulfillments as shipments, refunds) together with the sync state (OrderSyncCursor), so that an
/// interrupted pass resumes at the page it had not stored, and the cursor moves only when the last page is stored. A
/// page that is not what the API documents is refused whole: nothing from it is stored and the pass fails naming the
/// problem. The state lives in SyncStateRepository under the account id.
///
/// Owned by the engine (one per account), on the engine's thread; uses the engine's write connection. After start()
/// it emits exactly one of finished() or failed(); abort() (or destroying it) ends it without either. start() may be
/// called again after either.
class ShopifyOrderSync final : public OrderSync {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShopifyOrderSync)

public:
    static constexpr int PageSize = 250;
    /// The sync_state keys under the account id.
    static constexpr const char *CursorKey = "orders.updated_at_min";
    static constexpr const char *PageInfoKey = "orders.page_info";
    static constexpr const char *RunMaxKey = OrderSyncCursor::RunMaxKey;
    static constexpr const char *RunCeilingKey = OrderSyncCursor::RunCeilingKey;

    /// The HTTP configuration for the account: its base URL, the access token header, Shopify's call-limit header.
    static HttpJsonClient::Config clientConfig(const domain::ShopifyAccount &account, const QString &accessToken);

    ShopifyOrderSync(storage::Database &database, std::unique_ptr<HttpJsonClient> client,
        domain::ShopifyAccount account, QObject *parent = nullptr);
    ~ShopifyOrderSync() override;

    void start() override;
    QString accountId() const override { return m_account.id; }
    bool isRunning() const { return m_task != nullptr; }
    const domain::ShopifyAccount &account() const { return m_account; }
    HttpJsonClient &client() const { return *m_client; }

private:
    QString ordersPath() const;
    void request(std::unique_ptr<HttpJsonTask> task);
    void onPage(const HttpJsonResponse &response);
    void onError(const HttpJsonError &error);
    /// Stores the page and the state after it in one transaction; returns the number of orders stored. `startsRun`:
    /// the first page of a pass that did not resume; `storeClock`: the store's clock then (or 0).
    int store(const QList<StoreOrder> &orders, const QString &nextPageInfo, bool startsRun, qint64 storeClock);
    OrderSyncCursor cursor() const;
    QString label() const override;

    storage::Database &m_database;
    std::unique_ptr<HttpJsonClient> m_client;
    domain::ShopifyAccount m_account;
    bool m_resumed = false; ///< this pass started from a stored page_info
    int m_page = 0;
};

} // namespace waybill::commerce
