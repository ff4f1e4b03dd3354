// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonOrderSync.h"

#include "HttpJsonTask.h"
#include "StoreOrderWriter.h"
#include "security/OAuthTokenSource.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

namespace waybill::commerce {

namespace {

Q_LOGGING_CATEGORY(lcAmazon, "waybill.amazon")

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

/// How far back the first pass looks when the account names no date.
constexpr int DefaultHistoryDays = 30;

} // namespace

HttpJsonClient::Config AmazonOrderSync::clientConfig(const domain::AmazonAccount &account)
{
    HttpJsonClient::Config config;
    config.baseUrl = QUrl(account.baseUrl);
    config.serviceName = QStringLiteral("Amazon");
    config.rateLimitHeader = QByteArrayLiteral("x-amzn-RateLimit-Limit");
    // getOrders restores one request a minute once its burst is spent; Amazon seldom sends Retry-After.
    config.defaultRetryAfterMs = 5000;
    return config;
}

AmazonOrderSync::AmazonOrderSync(storage::Database &database, QNetworkAccessManager &network,
    const HttpJsonClient::Config &config, std::unique_ptr<security::OAuthTokenSource> tokens,
    domain::AmazonAccount account, QObject *parent)
    : OrderSync(parent)
    , m_database(database)
    , m_ordersClient(std::make_unique<HttpJsonClient>(network, config))
    , m_itemsClient(std::make_unique<HttpJsonClient>(network, config))
    , m_tokens(std::move(tokens))
    , m_account(std::move(account))
{
    connect(m_tokens.get(), &security::OAuthTokenSource::accessTokenReady, this, [this](const QString &token) {
        m_ordersClient->setHeader(QByteArrayLiteral("x-amz-access-token"), token.toUtf8());
        m_itemsClient->setHeader(QByteArrayLiteral("x-amz-access-token"), token.toUtf8());
        if (m_running && m_afterToken) {
            std::function<void()> then = std::exchange(m_afterToken, nullptr);
            then();
        }
    });
    connect(m_tokens.get(), &security::OAuthTokenSource::failed, this, &AmazonOrderSync::onTokenFailed);
}

AmazonOrderSync::~AmazonOrderSync()
{
    abort();
}

QString AmazonOrderSync::label() const
{
    return QStringLiteral("Amazon %1").arg(m_account.name.isEmpty() ? m_account.id : m_account.name);
}

OrderSyncCursor AmazonOrderSync::cursor() const
{
    return OrderSyncCursor(m_database, m_account.id, key(CursorKey), key(NextTokenKey));
}

void AmazonOrderSync::start()
{
    abort();
    m_running = true;
    m_page = 0;
    m_stored = 0;
    QString nextToken;
    try {
        nextToken = cursor().pageToken();
    } catch (const storage::StorageError &error) {
        failSoon(error.userMessage());
        return;
    }
    m_resumed = !nextToken.isEmpty();
    withToken([this, nextToken] { requestOrders(nextToken); });
}

void AmazonOrderSync::abort()
{
    m_running = false;
    m_afterToken = nullptr;
    OrderSync::abort();
}

void AmazonOrderSync::withToken(std::function<void()> then)
{
    m_afterToken = std::move(then);
    m_tokens->request(); // answers from the event loop, at once while the token held is fresh
}

void AmazonOrderSync::onTokenFailed(const security::OAuthError &error)
{
    if (!m_running || !m_afterToken) {
        return; // a background refresh failed; the next pass asks again
    }
    m_afterToken = nullptr;
    finish(QStringLiteral("%1: no access token from Login with Amazon: %2").arg(label(), error.message));
}

void AmazonOrderSync::requestOrders(const QString &nextToken)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("MarketplaceIds"), m_account.marketplaceIds.join(u','));
    if (!nextToken.isEmpty()) {
        query.addQueryItem(QStringLiteral("NextToken"), QString::fromLatin1(QUrl::toPercentEncoding(nextToken)));
    } else {
        QString since;
        try {
            since = cursor().cursor();
        } catch (const storage::StorageError &error) {
            finish(label() + u": " + error.userMessage());
            return;
        }
        if (since.isEmpty()) {
            since = !m_account.syncSince.isEmpty()
                ? m_account.syncSince
                : QDateTime::currentDateTimeUtc().addDays(-DefaultHistoryDays).toString(Qt::ISODate);
        }
        query.addQueryItem(QStringLiteral("LastUpdatedAfter"), QString::fromLatin1(QUrl::toPercentEncoding(since)));
    }
    ++m_page;
    m_refreshedForThisRequest = false;
    QUrl url = m_ordersClient->config().baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    url.setPath(base + key(OrdersPath));
    url.setQuery(query);
    send(Operation::Orders, url);
}

void AmazonOrderSync::requestItems(const QString &nextToken)
{
    const QString orderId = m_pageOrders.at(m_itemIndex).order.externalId;
    QUrlQuery query;
    if (!nextToken.isEmpty()) {
        query.addQueryItem(QStringLiteral("NextToken"), QString::fromLatin1(QUrl::toPercentEncoding(nextToken)));
    }
    m_refreshedForThisRequest = false;
    QUrl url = m_itemsClient->config().baseUrl;
    QString base = url.path();
    if (base.endsWith(u'/')) {
        base.chop(1);
    }
    url.setPath(base + key(OrdersPath) + u'/' + orderId + QStringLiteral("/orderItems"));
    url.setQuery(query);
    send(Operation::Items, url);
}

void AmazonOrderSync::send(Operation operation, const QUrl &url)
{
    HttpJsonClient &client = operation == Operation::Orders ? *m_ordersClient : *m_itemsClient;
    std::unique_ptr<HttpJsonTask> owned = client.get(url);
    HttpJsonTask *task = owned.get();
    m_task.reset(owned.release()); // replacing the task from inside its own signal is safe: deleted later
    connect(task, &HttpJsonTask::finished, this,
        [this, operation](const HttpJsonResponse &response) { onAnswer(operation, response); });
    connect(task, &HttpJsonTask::failed, this,
        [this, operation, url](const HttpJsonError &error) { onError(operation, url, error); });
    connect(task, &HttpJsonTask::retrying, this, [this](const QString &reason, int delayMs) {
        Q_EMIT retrying(
            QStringLiteral("%1: %2; trying again in %3 s").arg(label(), reason).arg((delayMs + 999) / 1000));
    });
    task->start();
}

void AmazonOrderSync::onAnswer(Operation operation, const HttpJsonResponse &response)
{
    if (operation == Operation::Orders) {
        onOrdersPage(response);
    } else {
        onItemsPage(response);
    }
}

void AmazonOrderSync::onError(Operation operation, const QUrl &url, const HttpJsonError &error)
{
    if (error.kind == HttpJsonError::Kind::Refused && !m_refreshedForThisRequest) {
        // The access token expired or was revoked early: one fresh token, then the same request again.
        qCInfo(lcAmazon) << label() << "access token refused, refreshing it:" << error.message;
        m_refreshedForThisRequest = true;
        m_tokens->invalidate();
        withToken([this, operation, url] { send(operation, url); });
        return;
    }
    if (operation == Operation::Orders && m_resumed && m_page == 1 && error.httpStatus == 400) {
        // The saved NextToken expired: forget it and start this pass again from the cursor.
        qCInfo(lcAmazon) << label() << "saved NextToken refused, starting again from the cursor:" << error.message;
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
    const QString what = operation == Operation::Orders
        ? QStringLiteral("page %1 of orders").arg(m_page)
        : QStringLiteral("the items of order %1").arg(m_pageOrders.value(m_itemIndex).order.number);
    finish(QStringLiteral("%1: %2: %3").arg(label(), what, error.message));
}

void AmazonOrderSync::onOrdersPage(const HttpJsonResponse &response)
{
    QString problem;
    std::optional<AmazonOrderParser::OrdersPage> page
        = AmazonOrderParser::parseOrders(response.json, m_account.id, &problem);
    if (!page) {
        finish(QStringLiteral("%1: page %2 of orders is not what the Selling Partner API documents (%3); nothing "
                              "from that page was stored")
                   .arg(label())
                   .arg(m_page)
                   .arg(problem));
        return;
    }
    m_startsRun = m_page == 1 && !m_resumed;
    if (m_startsRun) {
        const QDateTime date = HttpJsonClient::httpDate(response.header("date"));
        m_storeClock = date.isValid() ? date.toSecsSinceEpoch() : 0;
    }
    m_pageOrders = std::move(page->orders);
    m_pageNextToken = page->nextToken;
    m_itemIndex = 0;
    m_items = {};
    if (m_pageOrders.isEmpty()) {
        storePage();
        return;
    }
    requestItems(QString());
}

void AmazonOrderSync::onItemsPage(const HttpJsonResponse &response)
{
    QString problem;
    const std::optional<AmazonOrderParser::ItemsPage> items = AmazonOrderParser::parseItems(response.json, &problem);
    StoreOrder &current = m_pageOrders[m_itemIndex];
    if (!items) {
        finish(QStringLiteral("%1: the items of order %2 are not what the Selling Partner API documents (%3); nothing "
                              "from page %4 of orders was stored")
                   .arg(label(), current.order.number, problem)
                   .arg(m_page));
        return;
    }
    m_items.lines.append(items->lines);
    m_items.itemsCents += items->itemsCents;
    m_items.taxCents += items->taxCents;
    m_items.shippingCents += items->shippingCents;
    if (m_items.currency.isEmpty()) {
        m_items.currency = items->currency;
    }
    if (!items->nextToken.isEmpty()) {
        requestItems(items->nextToken);
        return;
    }
    domain::Order &order = current.order;
    order.lines = m_items.lines;
    order.subtotalCents = m_items.itemsCents;
    order.taxCents = m_items.taxCents;
    order.shippingCents = m_items.shippingCents;
    if (order.currency.isEmpty()) {
        order.currency = m_items.currency; // pending orders have no OrderTotal yet
        order.totalCents = m_items.itemsCents + m_items.taxCents + m_items.shippingCents;
    }
    m_items = {};
    if (++m_itemIndex < m_pageOrders.size()) {
        requestItems(QString());
        return;
    }
    storePage();
}

void AmazonOrderSync::storePage()
{
    try {
        storage::TransactionGuard guard(m_database);
        const OrderSyncCursor state = cursor();
        if (m_startsRun) {
            state.beginRun(m_storeClock);
        }
        m_stored += StoreOrderWriter(m_database, m_account.id, label()).write(m_pageOrders);
        state.pageStored(m_pageOrders, m_pageNextToken);
        guard.commit();
    } catch (const storage::StorageError &error) {
        finish(QStringLiteral("%1: %2").arg(label(), error.userMessage()));
        return;
    }
    m_pageOrders.clear();
    if (m_pageNextToken.isEmpty()) {
        finish(QString());
        return;
    }
    requestOrders(m_pageNextToken);
}

void AmazonOrderSync::finish(const QString &error)
{
    m_running = false;
    m_afterToken = nullptr;
    OrderSync::finish(error);
}

} // namespace waybill::commerce
