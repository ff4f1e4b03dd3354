// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"
#include "domain/OrderAction.h"

#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace waybill::commerce {
class HttpJsonClient;
class ShopifyOrderActionTask;
} // namespace waybill::commerce

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Refunds, cancellations and resends of store orders (Shopify), asked for by an agent on a conversation.
///
/// prepare() checks, before anything is sent, that the agent's role may perform order actions, that the order came
/// from a Shopify store, and that a refund is above zero and no more than what was paid and not yet refunded. It
/// then stores the action as pending with a new idempotency key and audits the request on the conversation, in one
/// committed transaction. send() runs it with the store's client; the key goes with every attempt. The answer is
/// stored with its audit entry in one transaction: done (a refund is recorded on the order, a cancelled order
/// marked so), failed (Shopify's reason), or still pending after a timeout or 5xx (the error noted): a later send()
/// of the same action, after a restart too, re-sends the same key, so Shopify answers with what it already did and
/// never refunds twice.
///
/// Owned by the engine, on the engine's thread, with its write connection. Each send() ends with exactly one
/// ended() for that action; destroying the runner aborts the requests in flight without it.
class OrderActionRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderActionRunner)

public:
    using Clock = std::function<qint64()>;

    struct Request {
        qint64 orderId = 0;
        qint64 conversationId = 0;
        qint64 agentId = 0;
        domain::OrderAction::Kind kind = domain::OrderAction::Kind::Refund;
        qint64 amountCents = 0; ///< refunds only; cancel and resend use the order's total
        QString note;
    };

    OrderActionRunner(storage::Database &database, Clock now, QObject *parent = nullptr);
    ~OrderActionRunner() override;

    /// Stores the action as pending (see the class comment) and returns its id, or nothing with the reason in
    /// `refusal` (not permitted, not a Shopify order, amount out of range); nothing is stored or sent then.
    std::optional<qint64> prepare(const Request &request, QString *refusal);
    /// Sends the pending action `actionId` through `client` (its account's, built by the caller) to the store API
    /// `apiVersion`. An action not pending (done, failed or unknown) ends at once with what is stored.
    void send(qint64 actionId, std::unique_ptr<commerce::HttpJsonClient> client, const QString &apiVersion);
    bool isSending(qint64 actionId) const { return m_running.count(actionId) > 0; }

Q_SIGNALS:
    /// The action's attempt ended: `state` is what is stored now (Done, Failed, or Pending after a timeout or 5xx);
    /// `message` says what happened, for people.
    void ended(
        qint64 actionId, qint64 conversationId, waybill::domain::OrderAction::State state, const QString &message);

private:
    struct Running {
        std::unique_ptr<commerce::HttpJsonClient> client;
        channels::TaskPtr<commerce::ShopifyOrderActionTask> task;
    };

    void onFinished(
        const domain::OrderAction &action, const QString &resultId, qint64 amountCents, const QString &summary);
    void onFailed(const domain::OrderAction &action, bool retryable, const QString &message);
    void audit(const domain::OrderAction &action, const QString &detail) const;
    void end(const domain::OrderAction &action, domain::OrderAction::State state, const QString &message);
    /// "refund of 41.94 USD on order #1001"
    QString describe(const domain::OrderAction &action) const;

    storage::Database &m_database;
    Clock m_now;
    std::map<qint64, Running> m_running; ///< by action id
    std::vector<Running> m_ended; ///< ended in a signal of their task; cleared from the event loop
};

} // namespace waybill::engine
