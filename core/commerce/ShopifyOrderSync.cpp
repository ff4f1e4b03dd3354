// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopifyOrderSync.h"

#include "HttpJsonTask.h"
#include "ShopifyOrderParser.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/OrderRepository.h"
#include "storage/StorageError.h"
#include "storage/SyncStateRepository.h"
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

/// Epoch seconds of a stored ISO 8601 time, 0 for none.
qint64 epochOf(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    return at.isValid() ? at.toSecsSinceEpoch() : 0;
}

/// How much earlier than the store's clock at the start of a pass the next pass starts looking: orders changed
/// while the pass was paging are seen again by the next one.
constexpr qint64 CeilingMarginSeconds = 5 * 60;

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
    : QObject(parent)
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
        const storage::SyncStateRepository state(m_database);
        cursor = state.value(m_account.id, key(CursorKey));
        pageInfo = state.value(m_account.id, key(PageInfoKey));
    } catch (const storage::StorageError &error) {
        QTimer::singleShot(0, this, [this, message = error.userMessage()] { finish(label() + u": " + message); });
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

void ShopifyOrderSync::abort()
{
    if (m_task) {
        m_task->abort(); // now: its reply and its timer must not outlive this object
    }
    m_task.reset();
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
            const storage::SyncStateRepository state(m_database);
            state.setValue(m_account.id, key(PageInfoKey), QString());
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
    const std::optional<QList<ShopifyOrder>> orders
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
    // The store's clock when this pass began bounds the next cursor (see CeilingMarginSeconds).
    const bool startsRun = m_page == 1 && !m_resumed;
    qint64 ceiling = 0;
    if (startsRun) {
        const QDateTime date = HttpJsonClient::httpDate(response.header("date"));
        ceiling = date.isValid() ? date.toSecsSinceEpoch() - CeilingMarginSeconds : 0;
    }
    try {
        m_stored += store(*orders, nextPageInfo, startsRun, ceiling);
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

int ShopifyOrderSync::store(
    const QList<ShopifyOrder> &orders, const QString &nextPageInfo, bool startsRun, qint64 ceiling)
{
    storage::TransactionGuard guard(m_database);
    const storage::OrderRepository repository(m_database);
    const storage::SyncStateRepository state(m_database);
    const QString account = m_account.id;
    if (startsRun) {
        state.setValue(account, key(RunMaxKey), QString());
        state.setValue(account, key(RunCeilingKey), ceiling > 0 ? QString::number(ceiling) : QString());
    }
    QString runMax = state.value(account, key(RunMaxKey));
    int stored = 0;
    for (const ShopifyOrder &parsed : orders) {
        domain::Order order = parsed.order;
        const std::optional<QString> owner = repository.accountOf(order.source, order.number);
        const bool othersNumber = owner && !owner->isEmpty() && *owner != account;
        order.customerId = othersNumber ? 0 : customerFor(parsed);
        const std::optional<qint64> id = othersNumber ? std::nullopt : repository.upsert(order);
        if (!id) {
            qCWarning(lcShopify) << label() << "order" << order.number
                                 << "was not stored: another account already has an order with that number";
            continue;
        }
        for (domain::Shipment shipment : parsed.shipments) {
            shipment.orderId = *id;
            repository.upsertShipment(shipment);
        }
        repository.removeStoreShipmentsExcept(*id, parsed.shipments);
        for (const domain::OrderRefund &refund : parsed.refunds) {
            repository.upsertRefund(*id, refund);
        }
        if (runMax.isEmpty() || order.updatedAt > epochOf(runMax)) {
            runMax = parsed.updatedAtText;
        }
        ++stored;
    }
    if (!nextPageInfo.isEmpty()) {
        state.setValue(account, key(PageInfoKey), nextPageInfo);
        state.setValue(account, key(RunMaxKey), runMax);
    } else {
        // The pass is complete: the cursor moves, bounded by the store's clock when the pass began.
        const QString oldCursor = state.value(account, key(CursorKey));
        const qint64 runCeiling = state.value(account, key(RunCeilingKey)).toLongLong();
        QString cursor = runMax;
        if (runCeiling > 0 && (runMax.isEmpty() || epochOf(runMax) > runCeiling)) {
            cursor = QDateTime::fromSecsSinceEpoch(runCeiling).toUTC().toString(Qt::ISODate);
        }
        if (!cursor.isEmpty() && epochOf(cursor) > epochOf(oldCursor)) {
            state.setValue(account, key(CursorKey), cursor);
        }
        state.setValue(account, key(PageInfoKey), QString());
        state.setValue(account, key(RunMaxKey), QString());
        state.setValue(account, key(RunCeilingKey), QString());
    }
    guard.commit();
    return stored;
}

qint64 ShopifyOrderSync::customerFor(const ShopifyOrder &order) const
{
    if (order.email.isEmpty()) {
        return 0;
    }
    const storage::CustomerRepository customers(m_database);
    if (const auto owner = customers.findByIdentity(QStringLiteral("email"), order.email)) {
        return owner->customerId;
    }
    domain::Customer customer;
    customer.name = order.customerName.isEmpty() ? order.email : order.customerName;
    customer.firstName = order.customerFirstName;
    customer.createdAt = QDateTime::currentSecsSinceEpoch();
    customer.identities.append({ 0, QStringLiteral("email"), order.email });
    return customers.insert(customer);
}

void ShopifyOrderSync::finish(const QString &error)
{
    m_task.reset();
    if (error.isEmpty()) {
        Q_EMIT finished(m_stored);
    } else {
        Q_EMIT failed(error);
    }
}

} // namespace waybill::commerce
