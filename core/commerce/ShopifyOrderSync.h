// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpJsonClient.h"
#include "ShopifyOrder.h"
#include "channels/TaskPtr.h"
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
/// header's rel="next" page_info. Each page is stored in one transaction — customers (found or created by e-mail
/// identity), orders with their lines, fulfillments as shipments, refunds, all as upserts — together with the sync
/// state, so that an interrupted pass resumes at the page it had not stored, and the cursor moves only when the last
/// page is stored. A page that is not what the API documents is refused whole: nothing from it is stored and the
/// pass fails naming the problem. The state lives in SyncStateRepository under the account id.
///
/// Owned by the engine (one per account), on the engine's thread; uses the engine's write connection. After start()
/// it emits exactly one of finished() or failed(); abort() (or destroying it) ends it without either. start() may be
/// called again after either.
class ShopifyOrderSync final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShopifyOrderSync)

public:
    static constexpr int PageSize = 250;
    /// The sync_state keys under the account id.
    static constexpr const char *CursorKey = "orders.updated_at_min";
    static constexpr const char *PageInfoKey = "orders.page_info";
    static constexpr const char *RunMaxKey = "orders.run_max";
    static constexpr const char *RunCeilingKey = "orders.run_ceiling";

    /// The HTTP configuration for the account: its base URL, the access token header, Shopify's call-limit header.
    static HttpJsonClient::Config clientConfig(const domain::ShopifyAccount &account, const QString &accessToken);

    ShopifyOrderSync(storage::Database &database, std::unique_ptr<HttpJsonClient> client,
        domain::ShopifyAccount account, QObject *parent = nullptr);
    ~ShopifyOrderSync() override;

    void start();
    void abort();
    bool isRunning() const { return m_task != nullptr; }
    const domain::ShopifyAccount &account() const { return m_account; }
    HttpJsonClient &client() const { return *m_client; }

Q_SIGNALS:
    /// The pass stored every page; `orders` orders were added or updated.
    void finished(int orders);
    /// A message for people that names the account and what was wrong.
    void failed(const QString &message);
    /// The store is slow or busy and the pass is waiting to retry (for status lines).
    void retrying(const QString &message);

private:
    QString ordersPath() const;
    void request(std::unique_ptr<HttpJsonTask> task);
    void onPage(const HttpJsonResponse &response);
    void onError(const HttpJsonError &error);
    /// Stores the page and the state after it in one transaction; returns the number of orders stored. `startsRun`:
    /// the first page of a pass that did not resume; `ceiling`: the store's clock then, minus a margin (or 0).
    int store(const QList<ShopifyOrder> &orders, const QString &nextPageInfo, bool startsRun, qint64 ceiling);
    qint64 customerFor(const ShopifyOrder &order) const;
    void finish(const QString &error);
    QString label() const;

    storage::Database &m_database;
    std::unique_ptr<HttpJsonClient> m_client;
    domain::ShopifyAccount m_account;
    channels::TaskPtr<HttpJsonTask> m_task;
    bool m_resumed = false; ///< this pass started from a stored page_info
    int m_page = 0;
    int m_stored = 0;
};

} // namespace waybill::commerce
