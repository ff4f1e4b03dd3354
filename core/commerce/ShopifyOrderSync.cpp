// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopifyOrderSync.h"

#include "HttpJsonTask.h"
#include "ShopifyOrderParser.h"
#include "StoreOrderWriter.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

namespace waybill::commerce {

namespace {

Q_LOGGING_CATEGORY(lcShopify, "waybill.shopify")

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

HttpJsonClient::Config ShopifyOrderSync::clientConfig(const domain::ShopifyAccount &account, const QString &accessToken)
{
    HttpJsonClient::Config config;
    config.baseUrl = account.apiBase();
    config.serviceName = QStringLiteral("Shopify");
    config.headers = { { QByteArrayLiteral("X-Shopify-Access-Token"), accessToken.toUtf8() } };
    config.callLimitHeader = QByteArrayLiteral("X-Shopify-Shop-Api-Call-Limit");
    config.callLimitLeakPerSecond = 2.0; // the REST bucket leaks two calls a second (standard plans)
    // Shopify sends Retry-After with its 429s; without one, wait long enough for the standard bucket (2 calls a
    // second) to free a few calls.
    config.defaultRetryAfterMs = 2000;
    return config;
}

ShopifyOrderSync::ShopifyOrderSync(storage::Database &database, std::unique_ptr<HttpJsonClient> client,
    domain::ShopifyAccount account, QObject *parent)
    : OrderSync(parent)
    , m_database(database)
    , m_client(std::move(client))
    , m_account(std::move(account))
{
}

ShopifyOrderSync::~ShopifyOrderSync()
{
    abort();
}

QString ShopifyOrderSync::ordersPath() const
{
    return QStringLiteral("/admin/api/%1/orders.json").arg(m_account.apiVersion);
}

QString ShopifyOrderSync::label() const
{
    return QStringLiteral("Shopify %1").arg(m_account.shop);
}

void ShopifyOrderSync::start()
{
    abort();
    m_page = 0;
    m_stored = 0;
    QString cursor;
    QString pageInfo;
    try {
        const OrderSyncCursor state = this->cursor();
        cursor = state.cursor();
        pageInfo = state.pageToken();
    } catch (const storage::StorageError &error) {
        failSoon(error.userMessage());
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    m_resumed = !pageInfo.isEmpty();
    if (m_resumed) {
        // Only limit and page_info may go with page_info; the filters are part of it.
        query.addQueryItem(QStringLiteral("page_info"), pageInfo);
    } else {
        query.addQueryItem(QStringLiteral("status"), QStringLiteral("any"));
        if (!cursor.isEmpty()) {
            query.addQueryItem(QStringLiteral("updated_at_min"), cursor);
        }
    }
    request(m_client->get(ordersPath(), query));
}

void ShopifyOrderSync::request(std::unique_ptr<HttpJsonTask> owned)
{
    // Replacing the task from inside its own finished() is safe: TaskPtr deletes it later.
    HttpJsonTask *task = owned.get();
    m_task.reset(owned.release());
    ++m_page;
    connect(task, &HttpJsonTask::finished, this, &ShopifyOrderSync::onPage);
    connect(task, &HttpJsonTask::failed, this, &ShopifyOrderSync::onError);
    connect(task, &HttpJsonTask::retrying, this, [this](const QString &reason, int delayMs) {
        Q_EMIT retrying(
            QStringLiteral("%1: %2; trying again in %3 s").arg(label(), reason).arg((delayMs + 999) / 1000));
    });
    task->start();
}

void ShopifyOrderSync::onError(const HttpJsonError &error)
{
    const bool staleResume
        = m_resumed && m_page == 1 && (error.httpStatus == 400 || error.httpStatus == 404 || error.httpStatus == 422);
    if (staleResume) {
        // The saved page_info expired: forget it and start this pass again from the cursor (upserts make the
        // pages already stored harmless).
        qCInfo(lcShopify) << label() << "saved page_info refused, starting again from the cursor:" << error.message;
        try {
            storage::TransactionGuard guard(m_database);
            cursor().forgetPageToken();
            guard.commit();
        } catch (const storage::StorageError &storageError) {
            finish(label() + u": " + storageError.userMessage());
            return;
        }
        start();
        return;
    }
    finish(QStringLiteral("%1: page %2 of orders: %3").arg(label()).arg(m_page).arg(error.message));
}

void ShopifyOrderSync::onPage(const HttpJsonResponse &response)
{
    QString problem;
    const std::optional<QList<StoreOrder>> orders
        = ShopifyOrderParser::parsePage(response.json, m_account.id, &problem);
    if (!orders) {
        finish(QStringLiteral("%1: page %2 of orders is not what Shopify documents (%3); nothing from that page was "
                              "stored")
                   .arg(label())
                   .arg(m_page)
                   .arg(problem));
        return;
    }
    const QUrl next = HttpJsonClient::linkWithRel(response.header("link"), QStringLiteral("next"));
    const QString nextPageInfo
        = next.isEmpty() ? QString() : QUrlQuery(next).queryItemValue(QStringLiteral("page_info"), QUrl::FullyDecoded);
    if (!next.isEmpty() && nextPageInfo.isEmpty()) {
        finish(QStringLiteral("%1: page %2 of orders links to a next page without page_info (%3); nothing from that "
                              "page was stored")
                   .arg(label())
                   .arg(m_page)
                   .arg(next.toString()));
        return;
    }
    // The store's clock when this pass began bounds the next cursor (see OrderSyncCursor).
    const bool startsRun = m_page == 1 && !m_resumed;
    const QDateTime date = HttpJsonClient::httpDate(response.header("date"));
    try {
        m_stored += store(*orders, nextPageInfo, startsRun, date.isValid() ? date.toSecsSinceEpoch() : 0);
    } catch (const storage::StorageError &error) {
        finish(QStringLiteral("%1: %2").arg(label(), error.userMessage()));
        return;
    }
    if (nextPageInfo.isEmpty()) {
        finish(QString());
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(PageSize));
    query.addQueryItem(QStringLiteral("page_info"), nextPageInfo);
    request(m_client->get(ordersPath(), query));
}

OrderSyncCursor ShopifyOrderSync::cursor() const
{
    return OrderSyncCursor(m_database, m_account.id, key(CursorKey), key(PageInfoKey));
}

int ShopifyOrderSync::store(
    const QList<StoreOrder> &orders, const QString &nextPageInfo, bool startsRun, qint64 storeClock)
{
    storage::TransactionGuard guard(m_database);
    const OrderSyncCursor state = cursor();
    if (startsRun) {
        state.beginRun(storeClock);
    }
    const int stored = StoreOrderWriter(m_database, m_account.id, label()).write(orders);
    state.pageStored(orders, nextPageInfo);
    guard.commit();
    return stored;
}

} // namespace waybill::commerce
