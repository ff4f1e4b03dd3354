// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WooCommerceOrderSync.h"

#include "HttpJsonTask.h"
#include "StoreOrderWriter.h"
#include "WooCommerceOrderParser.h"
#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

namespace waybill::commerce {

namespace {

Q_LOGGING_CATEGORY(lcWooCommerce, "waybill.woocommerce")

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

HttpJsonClient::Config WooCommerceOrderSync::clientConfig(
    const domain::WooCommerceAccount &account, const QString &consumerKey, const QString &consumerSecret)
{
    HttpJsonClient::Config config;
    config.baseUrl = QUrl(account.baseUrl);
    config.serviceName = QStringLiteral("WooCommerce");
    config.headers = { { QByteArrayLiteral("Authorization"),
        "Basic " + (consumerKey + u':' + consumerSecret).toUtf8().toBase64() } };
    return config;
}

WooCommerceOrderSync::WooCommerceOrderSync(storage::Database &database, std::unique_ptr<HttpJsonClient> client,
    domain::WooCommerceAccount account, QObject *parent)
    : OrderSync(parent)
    , m_database(database)
    , m_client(std::move(client))
    , m_account(std::move(account))
{
}

WooCommerceOrderSync::~WooCommerceOrderSync()
{
    abort();
}

QString WooCommerceOrderSync::label() const
{
    return QStringLiteral("WooCommerce %1").arg(m_account.name.isEmpty() ? m_account.baseUrl : m_account.name);
}

OrderSyncCursor WooCommerceOrderSync::cursor() const
{
    return OrderSyncCursor(m_database, m_account.id, key(CursorKey), key(PageKey));
}

void WooCommerceOrderSync::start()
{
    abort();
    m_pagesRead = 0;
    m_stored = 0;
    int page = 1;
    try {
        const OrderSyncCursor state = cursor();
        m_cursor = state.cursor();
        page = std::max(1, state.pageToken().toInt());
        m_resumed = !state.pageToken().isEmpty();
    } catch (const storage::StorageError &error) {
        failSoon(error.userMessage());
        return;
    }
    requestPage(page);
}

void WooCommerceOrderSync::requestPage(int page)
{
    m_page = page;
    QUrlQuery query;
    if (!m_cursor.isEmpty()) {
        query.addQueryItem(QStringLiteral("modified_after"), QString::fromLatin1(QUrl::toPercentEncoding(m_cursor)));
        query.addQueryItem(QStringLiteral("dates_are_gmt"), QStringLiteral("true"));
    }
    query.addQueryItem(QStringLiteral("orderby"), QStringLiteral("modified"));
    query.addQueryItem(QStringLiteral("order"), QStringLiteral("asc"));
    query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    send(Step::Orders, m_client->get(key(OrdersPath), query));
}

void WooCommerceOrderSync::requestDetail(Step step)
{
    const QString id = m_pageOrders.at(m_orderIndex).order.externalId;
    QUrlQuery query;
    if (step == Step::Refunds) {
        query.addQueryItem(QStringLiteral("per_page"), QString::number(PageSize));
    }
    const QString what = step == Step::Notes ? QStringLiteral("/notes") : QStringLiteral("/refunds");
    send(step, m_client->get(key(OrdersPath) + u'/' + id + what, query));
}

void WooCommerceOrderSync::send(Step step, std::unique_ptr<HttpJsonTask> owned)
{
    HttpJsonTask *task = owned.get();
    m_task.reset(owned.release()); // replacing the task from inside its own signal is safe: deleted later
    connect(task, &HttpJsonTask::finished, this,
        [this, step](const HttpJsonResponse &response) { onAnswer(step, response); });
    connect(task, &HttpJsonTask::failed, this, [this, step](const HttpJsonError &error) { onError(step, error); });
    connect(task, &HttpJsonTask::retrying, this, [this](const QString &reason, int delayMs) {
        Q_EMIT retrying(
            QStringLiteral("%1: %2; trying again in %3 s").arg(label(), reason).arg((delayMs + 999) / 1000));
    });
    task->start();
}

void WooCommerceOrderSync::onError(Step step, const HttpJsonError &error)
{
    if (step == Step::Orders && m_resumed && m_pagesRead == 0 && error.httpStatus == 400) {
        // The saved page is past the end now (orders changed meanwhile): start this pass again from the cursor.
        qCInfo(lcWooCommerce) << label() << "saved page refused, starting again from the cursor:" << error.message;
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
    if (step == Step::Orders) {
        finish(QStringLiteral("%1: page %2 of orders: %3").arg(label()).arg(m_page).arg(error.message));
        return;
    }
    finish(QStringLiteral("%1: the %2 of order %3: %4")
               .arg(label(), step == Step::Notes ? QStringLiteral("notes") : QStringLiteral("refunds"),
                   m_pageOrders.at(m_orderIndex).order.number, error.message));
}

void WooCommerceOrderSync::onAnswer(Step step, const HttpJsonResponse &response)
{
    if (step == Step::Orders) {
        onOrdersPage(response);
        return;
    }
    StoreOrder &order = m_pageOrders[m_orderIndex];
    QString problem;
    if (step == Step::Notes) {
        std::optional<QList<domain::OrderNote>> notes = WooCommerceOrderParser::parseNotes(response.json, &problem);
        if (notes) {
            order.notes = std::move(*notes);
            if (!order.refunds.isEmpty()) {
                requestDetail(Step::Refunds);
                return;
            }
            nextOrder();
            return;
        }
    } else {
        std::optional<QList<domain::OrderRefund>> refunds
            = WooCommerceOrderParser::parseRefunds(response.json, order.order.currency, &problem);
        if (refunds) {
            order.refunds = std::move(*refunds);
            order.order.refundedCents = 0;
            for (const domain::OrderRefund &refund : std::as_const(order.refunds)) {
                order.order.refundedCents += refund.amountCents;
            }
            nextOrder();
            return;
        }
    }
    finish(QStringLiteral("%1: the %2 of order %3 are not what the WooCommerce REST API documents (%4); nothing from "
                          "page %5 of orders was stored")
               .arg(label(), step == Step::Notes ? QStringLiteral("notes") : QStringLiteral("refunds"),
                   order.order.number, problem)
               .arg(m_page));
}

void WooCommerceOrderSync::onOrdersPage(const HttpJsonResponse &response)
{
    QString problem;
    std::optional<QList<StoreOrder>> orders
        = WooCommerceOrderParser::parseOrders(response.json, m_account.id, &problem);
    if (!orders) {
        finish(QStringLiteral("%1: page %2 of orders is not what the WooCommerce REST API documents (%3); nothing "
                              "from that page was stored")
                   .arg(label())
                   .arg(m_page)
                   .arg(problem));
        return;
    }
    m_startsRun = m_pagesRead == 0 && !m_resumed;
    if (m_startsRun) {
        const QDateTime date = HttpJsonClient::httpDate(response.header("date"));
        m_storeClock = date.isValid() ? date.toSecsSinceEpoch() : 0;
    }
    ++m_pagesRead;
    // X-WP-TotalPages says how many pages there are; without it, the Link header's rel="next".
    m_nextPage = 0;
    bool totalKnown = false;
    const int totalPages = response.header("x-wp-totalpages").trimmed().toInt(&totalKnown);
    if (totalKnown) {
        m_nextPage = m_page < totalPages ? m_page + 1 : 0;
    } else {
        const QUrl next = HttpJsonClient::linkWithRel(response.header("link"), QStringLiteral("next"));
        m_nextPage = next.isEmpty() ? 0 : QUrlQuery(next).queryItemValue(QStringLiteral("page")).toInt();
        if (!next.isEmpty() && m_nextPage <= m_page) {
            finish(QStringLiteral("%1: page %2 of orders links to a next page without a later page number (%3); "
                                  "nothing from that page was stored")
                       .arg(label())
                       .arg(m_page)
                       .arg(next.toString()));
            return;
        }
    }
    if (m_nextPage > 0 && orders->isEmpty()) {
        m_nextPage = 0; // an empty page ends the pass whatever the headers say
    }
    m_pageOrders = std::move(*orders);
    m_orderIndex = -1;
    nextOrder();
}

void WooCommerceOrderSync::nextOrder()
{
    if (++m_orderIndex < m_pageOrders.size()) {
        requestDetail(Step::Notes);
        return;
    }
    storePage();
}

void WooCommerceOrderSync::storePage()
{
    try {
        storage::TransactionGuard guard(m_database);
        const OrderSyncCursor state = cursor();
        if (m_startsRun) {
            state.beginRun(m_storeClock);
        }
        m_stored += StoreOrderWriter(m_database, m_account.id, label()).write(m_pageOrders);
        state.pageStored(m_pageOrders, m_nextPage > 0 ? QString::number(m_nextPage) : QString());
        guard.commit();
    } catch (const storage::StorageError &error) {
        finish(QStringLiteral("%1: %2").arg(label(), error.userMessage()));
        return;
    }
    m_pageOrders.clear();
    if (m_nextPage == 0) {
        finish(QString());
        return;
    }
    requestPage(m_nextPage);
}

} // namespace waybill::commerce
