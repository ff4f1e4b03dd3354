// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopifyOrderActionTask.h"

#include "HttpJsonClient.h"
#include "HttpJsonError.h"
#include "HttpJsonResponse.h"
#include "HttpJsonTask.h"
#include "JsonFieldReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QTimer>

#include <algorithm>

namespace waybill::commerce {

namespace {

QString idText(const QJsonValue &value)
{
    if (value.isDouble()) {
        return QString::number(qint64(value.toDouble()));
    }
    return value.toString();
}

} // namespace

ShopifyOrderActionTask::ShopifyOrderActionTask(
    HttpJsonClient &client, QString apiVersion, QString orderExternalId, domain::OrderAction action, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_apiVersion(std::move(apiVersion))
    , m_orderId(std::move(orderExternalId))
    , m_action(std::move(action))
{
}

ShopifyOrderActionTask::~ShopifyOrderActionTask()
{
    abort();
}

QString ShopifyOrderActionTask::orderPath(const QString &suffix) const
{
    return QStringLiteral("/admin/api/%1/orders/%2%3").arg(m_apiVersion, m_orderId, suffix);
}

QString ShopifyOrderActionTask::amountText(qint64 cents) const
{
    return JsonFieldReader::decimal(cents, m_action.currency);
}

void ShopifyOrderActionTask::start()
{
    abort();
    m_done = false;
    if (m_action.idempotencyKey.isEmpty() || m_orderId.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            fail(false, tr("This order cannot be changed from here: it has no Shopify order id or action key."));
        });
        return;
    }
    switch (m_action.kind) {
    case domain::OrderAction::Kind::Refund: {
        if (m_action.amountCents <= 0) {
            QTimer::singleShot(0, this, [this] { fail(false, tr("A refund needs an amount above zero.")); });
            return;
        }
        // Shopify suggests the transactions (gateway, parent) and the most each may refund.
        const QJsonObject body { { QStringLiteral("refund"),
            QJsonObject { { QStringLiteral("currency"), m_action.currency },
                { QStringLiteral("shipping"), QJsonObject { { QStringLiteral("full_refund"), true } } },
                { QStringLiteral("refund_line_items"), QJsonArray() } } } };
        run(m_client.post(orderPath(QStringLiteral("/refunds/calculate.json")), QJsonDocument(body).toJson()).release(),
            &ShopifyOrderActionTask::onCalculated);
        return;
    }
    case domain::OrderAction::Kind::Cancel: {
        const QJsonObject body { { QStringLiteral("email"), false } };
        postWithKey(orderPath(QStringLiteral("/cancel.json")), body, &ShopifyOrderActionTask::onCancelled);
        return;
    }
    case domain::OrderAction::Kind::Resend:
        run(m_client.get(orderPath(QStringLiteral(".json"))).release(), &ShopifyOrderActionTask::onOriginal);
        return;
    }
}

void ShopifyOrderActionTask::abort()
{
    m_done = true;
    if (m_task) {
        m_task->abort();
    }
    m_task.reset();
}

void ShopifyOrderActionTask::run(HttpJsonTask *task, void (ShopifyOrderActionTask::*onAnswer)(const HttpJsonResponse &))
{
    // Replacing the task from inside its own finished() is safe: TaskPtr deletes it later.
    m_task.reset(task);
    connect(task, &HttpJsonTask::finished, this, onAnswer);
    connect(task, &HttpJsonTask::failed, this, &ShopifyOrderActionTask::onError);
    task->start();
}

void ShopifyOrderActionTask::postWithKey(
    const QString &path, const QJsonObject &body, void (ShopifyOrderActionTask::*onAnswer)(const HttpJsonResponse &))
{
    const QList<std::pair<QByteArray, QByteArray>> headers { { QByteArrayLiteral("Idempotency-Key"),
        m_action.idempotencyKey.toUtf8() } };
    run(m_client.post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers).release(), onAnswer);
}

void ShopifyOrderActionTask::onCalculated(const HttpJsonResponse &response)
{
    const QJsonArray suggested = response.json.object()
                                     .value(QStringLiteral("refund"))
                                     .toObject()
                                     .value(QStringLiteral("transactions"))
                                     .toArray();
    // Spread the amount over the suggested transactions, each up to what it may refund.
    qint64 left = m_action.amountCents;
    qint64 refundable = 0;
    QJsonArray transactions;
    for (const QJsonValue &value : suggested) {
        const QJsonObject transaction = value.toObject();
        const std::optional<qint64> maximum = JsonFieldReader::minorUnits(
            transaction.value(QStringLiteral("maximum_refundable")).toString(), m_action.currency);
        if (!maximum || *maximum <= 0) {
            continue;
        }
        refundable += *maximum;
        const qint64 part = std::min(left, *maximum);
        if (part <= 0) {
            continue;
        }
        left -= part;
        transactions.append(
            QJsonObject { { QStringLiteral("parent_id"), transaction.value(QStringLiteral("parent_id")) },
                { QStringLiteral("amount"), amountText(part) }, { QStringLiteral("kind"), QStringLiteral("refund") },
                { QStringLiteral("gateway"), transaction.value(QStringLiteral("gateway")) } });
    }
    if (left > 0) {
        fail(false,
            tr("Shopify allows at most %1 %2 to be refunded on this order; %3 %2 was asked. Nothing was refunded.")
                .arg(amountText(refundable), m_action.currency, amountText(m_action.amountCents)));
        return;
    }
    QJsonObject refund { { QStringLiteral("currency"), m_action.currency }, { QStringLiteral("notify"), false },
        { QStringLiteral("transactions"), transactions } };
    if (!m_action.note.isEmpty()) {
        refund.insert(QStringLiteral("note"), m_action.note);
    }
    postWithKey(orderPath(QStringLiteral("/refunds.json")), QJsonObject { { QStringLiteral("refund"), refund } },
        &ShopifyOrderActionTask::onRefunded);
}

void ShopifyOrderActionTask::onRefunded(const HttpJsonResponse &response)
{
    const QJsonObject refund = response.json.object().value(QStringLiteral("refund")).toObject();
    const QString id = idText(refund.value(QStringLiteral("id")));
    if (id.isEmpty()) {
        fail(true, tr("Shopify's answer to the refund has no refund id; it will be asked again with the same key."));
        return;
    }
    qint64 refunded = 0;
    for (const QJsonValue &value : refund.value(QStringLiteral("transactions")).toArray()) {
        const QJsonObject transaction = value.toObject();
        const QString status = transaction.value(QStringLiteral("status")).toString();
        if (transaction.value(QStringLiteral("kind")).toString() != QLatin1String("refund")
            || (status != QLatin1String("success") && status != QLatin1String("pending"))) {
            continue;
        }
        refunded
            += JsonFieldReader::minorUnits(transaction.value(QStringLiteral("amount")).toString(), m_action.currency)
                   .value_or(0);
    }
    succeed({ id, refunded, tr("refund %1 of %2 %3").arg(id, amountText(refunded), m_action.currency) });
}

void ShopifyOrderActionTask::onCancelled(const HttpJsonResponse &response)
{
    const QJsonObject order = response.json.object().value(QStringLiteral("order")).toObject();
    if (idText(order.value(QStringLiteral("id"))) != m_orderId
        || order.value(QStringLiteral("cancelled_at")).toString().isEmpty()) {
        fail(true, tr("Shopify's answer to the cancellation does not show order %1 as cancelled.").arg(m_orderId));
        return;
    }
    succeed({ m_orderId, m_action.amountCents, tr("order %1 cancelled").arg(m_orderId) });
}

void ShopifyOrderActionTask::onOriginal(const HttpJsonResponse &response)
{
    const QJsonObject original = response.json.object().value(QStringLiteral("order")).toObject();
    QJsonArray lines;
    for (const QJsonValue &value : original.value(QStringLiteral("line_items")).toArray()) {
        const QJsonObject line = value.toObject();
        QJsonObject copy { { QStringLiteral("quantity"), line.value(QStringLiteral("quantity")) } };
        if (line.value(QStringLiteral("variant_id")).isDouble()) {
            copy.insert(QStringLiteral("variant_id"), line.value(QStringLiteral("variant_id")));
        } else {
            copy.insert(QStringLiteral("title"), line.value(QStringLiteral("title")));
            copy.insert(QStringLiteral("price"), line.value(QStringLiteral("price")));
        }
        lines.append(copy);
    }
    const QJsonObject address = original.value(QStringLiteral("shipping_address")).toObject();
    if (lines.isEmpty() || address.isEmpty()) {
        fail(false,
            tr("Order %1 has no line items or no shipping address at Shopify; nothing was resent.").arg(m_orderId));
        return;
    }
    const QString name = original.value(QStringLiteral("name")).toString();
    QString note = tr("Resend of order %1").arg(name.isEmpty() ? m_orderId : name);
    if (!m_action.note.isEmpty()) {
        note += QStringLiteral(": ") + m_action.note;
    }
    QJsonObject order { { QStringLiteral("line_items"), lines }, { QStringLiteral("shipping_address"), address },
        { QStringLiteral("note"), note }, { QStringLiteral("tags"), QStringLiteral("resend") },
        { QStringLiteral("financial_status"), QStringLiteral("paid") }, // a replacement: nothing is charged
        { QStringLiteral("send_receipt"), false } };
    if (original.contains(QStringLiteral("customer"))) {
        const QJsonValue customerId = original.value(QStringLiteral("customer")).toObject().value(QStringLiteral("id"));
        if (customerId.isDouble()) {
            order.insert(QStringLiteral("customer"), QJsonObject { { QStringLiteral("id"), customerId } });
        }
    }
    if (original.value(QStringLiteral("email")).isString()) {
        order.insert(QStringLiteral("email"), original.value(QStringLiteral("email")));
    }
    postWithKey(QStringLiteral("/admin/api/%1/orders.json").arg(m_apiVersion),
        QJsonObject { { QStringLiteral("order"), order } }, &ShopifyOrderActionTask::onResent);
}

void ShopifyOrderActionTask::onResent(const HttpJsonResponse &response)
{
    const QJsonObject order = response.json.object().value(QStringLiteral("order")).toObject();
    const QString id = idText(order.value(QStringLiteral("id")));
    if (id.isEmpty()) {
        fail(true, tr("Shopify's answer to the resend has no order id; it will be asked again with the same key."));
        return;
    }
    const QString name = order.value(QStringLiteral("name")).toString();
    succeed({ id, m_action.amountCents, tr("new order %1").arg(name.isEmpty() ? id : name) });
}

void ShopifyOrderActionTask::onError(const HttpJsonError &error)
{
    using Kind = HttpJsonError::Kind;
    const bool retryable = error.kind == Kind::Network || error.kind == Kind::Timeout || error.kind == Kind::Server
        || error.kind == Kind::RateLimited || error.kind == Kind::Malformed;
    const QString errors = shopifyErrors(error.body);
    fail(retryable, errors.isEmpty() ? error.message : tr("Shopify refused it: %1").arg(errors));
}

QString ShopifyOrderActionTask::shopifyErrors(const QByteArray &body)
{
    const QJsonValue errors = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors"));
    if (errors.isString()) {
        return errors.toString();
    }
    auto texts = [](const QJsonValue &value) {
        QStringList list;
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray()) {
                list << item.toString();
            }
        } else {
            list << value.toString();
        }
        return list.join(QStringLiteral("; "));
    };
    if (errors.isArray()) {
        return texts(errors);
    }
    QStringList parts;
    const QJsonObject object = errors.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString text = texts(it.value());
        parts << (it.key() == QLatin1String("base") ? text : it.key() + QStringLiteral(": ") + text);
    }
    return parts.join(QStringLiteral("; "));
}

void ShopifyOrderActionTask::succeed(const Result &result)
{
    m_task.reset();
    if (m_done) {
        return;
    }
    m_done = true;
    Q_EMIT finished(result);
}

void ShopifyOrderActionTask::fail(bool retryable, const QString &message)
{
    m_task.reset();
    if (m_done) {
        return;
    }
    m_done = true;
    Q_EMIT failed({ retryable, message });
}

} // namespace waybill::commerce
