// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"
#include "domain/OrderAction.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace waybill::commerce {

class HttpJsonClient;
class HttpJsonTask;
struct HttpJsonError;
struct HttpJsonResponse;

/// One order action on a Shopify store through the Admin REST API, with the action's idempotency key sent as the
/// `Idempotency-Key` header of the request that changes the order (and of each retry of it):
/// - refund: `POST /orders/{id}/refunds/calculate.json` (Shopify's suggested transactions: gateway, parent and the
///   most each may refund), then `POST /orders/{id}/refunds.json` with refund transactions for the action's amount.
///   An amount above what Shopify says may still be refunded is refused before the refund is sent.
/// - cancel: `POST /orders/{id}/cancel.json`.
/// - resend: `GET /orders/{id}.json`, then `POST /orders.json` creating a new order with the same line items and
///   shipping address and a note naming the original.
/// The store's answer is read back (the refund's id and refunded amount, the cancelled or new order) and is the
/// result. Lives on the client's thread; the client must outlive it. After start() it emits exactly one of
/// finished() or failed(), never from inside start(); abort() (or destroying it) ends it without either.
class ShopifyOrderActionTask final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShopifyOrderActionTask)

public:
    struct Result {
        QString resultId; ///< the refund's id, the cancelled order's id, or the new order's id
        qint64 amountCents = 0; ///< what Shopify says it refunded (refund); else the action's amount
        QString summary; ///< for people: "refund 509562969 of 41.94 USD"
    };
    struct Failure {
        /// Not retryable: Shopify refused it (4xx, its errors in the message) or it was refused before sending.
        /// Retryable: timeouts, 5xx, broken connections after the client's own retries; whether Shopify acted is
        /// not known, and a later attempt re-sends the same key so that Shopify answers with what it did.
        bool retryable = false;
        QString message;
    };

    ShopifyOrderActionTask(HttpJsonClient &client, QString apiVersion, QString orderExternalId,
        domain::OrderAction action, QObject *parent = nullptr);
    ~ShopifyOrderActionTask() override;

    void start();
    void abort();

    /// Shopify's error answer (`{"errors": …}`) as a sentence ("amount: must be at most 41.94"); empty if none.
    static QString shopifyErrors(const QByteArray &body);

Q_SIGNALS:
    void finished(const waybill::commerce::ShopifyOrderActionTask::Result &result);
    void failed(const waybill::commerce::ShopifyOrderActionTask::Failure &failure);

private:
    QString orderPath(const QString &suffix) const;
    void run(HttpJsonTask *task, void (ShopifyOrderActionTask::*onAnswer)(const HttpJsonResponse &));
    void onCalculated(const HttpJsonResponse &response);
    void onRefunded(const HttpJsonResponse &response);
    void onCancelled(const HttpJsonResponse &response);
    void onOriginal(const HttpJsonResponse &response);
    void onResent(const HttpJsonResponse &response);
    void onError(const HttpJsonError &error);
    /// POSTs `body` to `path` with the idempotency key.
    void postWithKey(const QString &path, const QJsonObject &body,
        void (ShopifyOrderActionTask::*onAnswer)(const HttpJsonResponse &));
    void succeed(const Result &result);
    void fail(bool retryable, const QString &message);
    QString amountText(qint64 cents) const;

    HttpJsonClient &m_client;
    QString m_apiVersion;
    QString m_orderId;
    domain::OrderAction m_action;
    channels::TaskPtr<HttpJsonTask> m_task;
    bool m_done = true;
};

} // namespace waybill::commerce
