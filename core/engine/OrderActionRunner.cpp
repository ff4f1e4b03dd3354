// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderActionRunner.h"

#include "commerce/HttpJsonClient.h"
#include "commerce/JsonFieldReader.h"
#include "commerce/ShopifyOrderActionTask.h"
#include "storage/AgentRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/Database.h"
#include "storage/OrderActionRepository.h"
#include "storage/OrderRepository.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QTimer>
#include <QUuid>

namespace waybill::engine {

using domain::OrderAction;

namespace {

QString money(qint64 cents, const QString &currency)
{
    return commerce::JsonFieldReader::decimal(cents, currency) + u' ' + currency;
}

} // namespace

OrderActionRunner::OrderActionRunner(storage::Database &database, Clock now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_now(std::move(now))
{
}

OrderActionRunner::~OrderActionRunner()
{
    for (auto &[id, running] : m_running) {
        running.task->abort();
    }
}

std::optional<qint64> OrderActionRunner::prepare(const Request &request, QString *refusal)
{
    auto refuse = [refusal](const QString &reason) {
        if (refusal) {
            *refusal = reason;
        }
        return std::nullopt;
    };
    const auto agent = storage::AgentRepository(m_database).find(request.agentId);
    if (!agent || !domain::mayPerformOrderActions(agent->role)) {
        return refuse(tr("Only supervisors and admins may refund, cancel or resend orders."));
    }
    const auto order = storage::OrderRepository(m_database).find(request.orderId);
    if (!order) {
        return refuse(tr("That order does not exist any more."));
    }
    if (order->source != QLatin1String("shopify") || order->account.isEmpty() || order->externalId.isEmpty()) {
        return refuse(
            tr("Order %1 did not come from a Shopify store, so it cannot be changed from here.").arg(order->number));
    }
    OrderAction action;
    action.orderId = order->id;
    action.conversationId = request.conversationId;
    action.agentId = agent->id;
    action.kind = request.kind;
    action.currency = order->currency;
    action.note = request.note.trimmed();
    action.createdAt = m_now();
    if (request.kind == OrderAction::Kind::Refund) {
        const qint64 paidLeft = order->totalCents - order->refundedCents;
        if (request.amountCents <= 0) {
            return refuse(tr("Enter an amount above zero to refund."));
        }
        if (request.amountCents > paidLeft) {
            return refuse(
                tr("%1 is more than what is left to refund on order %2 (%3 paid, %4 already refunded).")
                    .arg(money(request.amountCents, order->currency), order->number,
                        money(order->totalCents, order->currency), money(order->refundedCents, order->currency)));
        }
        action.amountCents = request.amountCents;
    } else {
        action.amountCents = order->totalCents;
    }
    // The key exists (and is committed) before any request carries it.
    action.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    storage::TransactionGuard transaction(m_database);
    action.id = storage::OrderActionRepository(m_database).insert(action);
    audit(action, tr("asked for a %1").arg(describe(action)));
    transaction.commit();
    return action.id;
}

QString OrderActionRunner::describe(const OrderAction &action) const
{
    const auto order = storage::OrderRepository(m_database).find(action.orderId);
    const QString number = order ? order->number : QString::number(action.orderId);
    switch (action.kind) {
    case OrderAction::Kind::Cancel:
        return tr("cancellation of order %1 (%2)").arg(number, money(action.amountCents, action.currency));
    case OrderAction::Kind::Resend:
        return tr("resend of order %1 as a new order").arg(number);
    case OrderAction::Kind::Refund:
        break;
    }
    return tr("refund of %1 on order %2").arg(money(action.amountCents, action.currency), number);
}

void OrderActionRunner::audit(const OrderAction &action, const QString &detail) const
{
    if (action.conversationId == 0) {
        return;
    }
    storage::AuditLogRepository(m_database)
        .record({ 0, m_now(), action.agentId, {}, action.conversationId, QStringLiteral("order_action"), detail });
}

void OrderActionRunner::send(
    qint64 actionId, std::unique_ptr<commerce::HttpJsonClient> client, const QString &apiVersion)
{
    std::optional<OrderAction> action;
    std::optional<domain::Order> order;
    try {
        action = storage::OrderActionRepository(m_database).find(actionId);
        if (action) {
            order = storage::OrderRepository(m_database).find(action->orderId);
        }
    } catch (const storage::StorageError &error) {
        QTimer::singleShot(0, this, [this, actionId, message = error.userMessage()] {
            Q_EMIT ended(actionId, 0, OrderAction::State::Pending, message);
        });
        return;
    }
    if (!action || !order || action->state != OrderAction::State::Pending || isSending(actionId)) {
        const OrderAction known = action.value_or(OrderAction {});
        const OrderAction::State state = action ? action->state : OrderAction::State::Failed;
        const QString message = !action ? tr("That order action does not exist.")
            : isSending(actionId)       ? tr("That order action is being sent already.")
                                        : tr("That order action has already ended.");
        QTimer::singleShot(0, this,
            [this, actionId, known, state, message] { Q_EMIT ended(actionId, known.conversationId, state, message); });
        return;
    }
    storage::OrderActionRepository(m_database).noteAttempt(actionId, m_now());
    Running &running = m_running[actionId];
    running.client = std::move(client);
    running.task.reset(new commerce::ShopifyOrderActionTask(*running.client, apiVersion, order->externalId, *action));
    const OrderAction sent = *action;
    connect(running.task.get(), &commerce::ShopifyOrderActionTask::finished, this,
        [this, sent](const commerce::ShopifyOrderActionTask::Result &result) {
            onFinished(sent, result.resultId, result.amountCents, result.summary);
        });
    connect(running.task.get(), &commerce::ShopifyOrderActionTask::failed, this,
        [this, sent](const commerce::ShopifyOrderActionTask::Failure &failure) {
            onFailed(sent, failure.retryable, failure.message);
        });
    running.task->start();
}

void OrderActionRunner::onFinished(
    const OrderAction &action, const QString &resultId, qint64 amountCents, const QString &summary)
{
    const qint64 now = m_now();
    try {
        storage::TransactionGuard transaction(m_database);
        const storage::OrderRepository orders(m_database);
        if (action.kind == OrderAction::Kind::Refund) {
            orders.recordRefund(action.orderId, { 0, resultId, amountCents, action.note, now });
        } else if (action.kind == OrderAction::Kind::Cancel) {
            orders.setStatus(action.orderId, QStringLiteral("cancelled"));
        }
        storage::OrderActionRepository(m_database).markDone(action.id, resultId, now);
        OrderAction done = action;
        done.amountCents = amountCents;
        audit(action,
            tr("completed the %1 (Shopify: %2)")
                .arg(action.kind == OrderAction::Kind::Refund ? describe(done) : describe(action), summary));
        transaction.commit();
    } catch (const storage::StorageError &error) {
        // Shopify acted; the next send() re-sends the key and stores its answer then.
        end(action, OrderAction::State::Pending, error.userMessage());
        return;
    }
    end(action, OrderAction::State::Done, summary);
}

void OrderActionRunner::onFailed(const OrderAction &action, bool retryable, const QString &message)
{
    const qint64 now = m_now();
    const OrderAction::State state = retryable ? OrderAction::State::Pending : OrderAction::State::Failed;
    try {
        storage::TransactionGuard transaction(m_database);
        const storage::OrderActionRepository actions(m_database);
        if (retryable) {
            actions.notePendingError(action.id, message, now);
            audit(action,
                tr("could not finish the %1 yet (%2); it will be sent again with the same key")
                    .arg(describe(action), message));
        } else {
            actions.markFailed(action.id, message, now);
            audit(action, tr("could not complete the %1: %2").arg(describe(action), message));
        }
        transaction.commit();
    } catch (const storage::StorageError &error) {
        end(action, OrderAction::State::Pending, error.userMessage());
        return;
    }
    end(action, state, message);
}

void OrderActionRunner::end(const OrderAction &action, OrderAction::State state, const QString &message)
{
    // The task is inside its own signal: its client stays until the event loop is back (TaskPtr deletes the task
    // later too).
    auto it = m_running.find(action.id);
    if (it != m_running.end()) {
        m_ended.push_back(std::move(it->second));
        m_running.erase(it);
        QTimer::singleShot(0, this, [this] { m_ended.clear(); });
    }
    Q_EMIT ended(action.id, action.conversationId, state, message);
}

} // namespace waybill::engine
