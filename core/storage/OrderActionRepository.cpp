// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderActionRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

using domain::OrderAction;

OrderActionRepository::OrderActionRepository(const Database &database)
    : m_database(database)
{
}

qint64 OrderActionRepository::insert(const OrderAction &action) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO order_actions (order_id, conversation_id, agent_id, kind, amount_cents, currency, "
                       "note, idempotency_key, state, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"));
    q.bind(action.orderId)
        .bindOptional(action.conversationId)
        .bindOptional(action.agentId)
        .bind(OrderAction::kindName(action.kind))
        .bind(action.amountCents)
        .bind(action.currency)
        .bind(action.note)
        .bind(action.idempotencyKey)
        .bind(action.createdAt)
        .bind(action.createdAt)
        .exec();
    return q.lastInsertId();
}

QList<OrderAction> OrderActionRepository::select(const QString &where, qint64 value) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, order_id, coalesce(conversation_id, 0), coalesce(agent_id, 0), kind, amount_cents, "
                       "currency, note, idempotency_key, state, attempts, result_id, error, created_at, updated_at "
                       "FROM order_actions WHERE ")
            + where + QStringLiteral(" ORDER BY id"));
    q.bind(value).exec();
    QList<OrderAction> actions;
    while (q.next()) {
        OrderAction action;
        action.id = q.int64(0);
        action.orderId = q.int64(1);
        action.conversationId = q.int64(2);
        action.agentId = q.int64(3);
        action.kind = OrderAction::kindFromName(q.text(4));
        action.amountCents = q.int64(5);
        action.currency = q.text(6);
        action.note = q.text(7);
        action.idempotencyKey = q.text(8);
        action.state = OrderAction::stateFromName(q.text(9));
        action.attempts = int(q.int64(10));
        action.resultId = q.text(11);
        action.error = q.text(12);
        action.createdAt = q.int64(13);
        action.updatedAt = q.int64(14);
        actions.append(action);
    }
    return actions;
}

std::optional<OrderAction> OrderActionRepository::find(qint64 id) const
{
    const QList<OrderAction> actions = select(QStringLiteral("id = ?"), id);
    return actions.isEmpty() ? std::nullopt : std::optional(actions.first());
}

QList<OrderAction> OrderActionRepository::pending(qint64 orderId) const
{
    return select(QStringLiteral("order_id = ? AND state = 'pending'"), orderId);
}

QList<OrderAction> OrderActionRepository::allPending() const
{
    return select(QStringLiteral("state = 'pending' AND id > ?"), 0);
}

void OrderActionRepository::noteAttempt(qint64 id, qint64 at) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("UPDATE order_actions SET attempts = attempts + 1, updated_at = ? WHERE id = ?"));
    q.bind(at).bind(id).exec();
}

void OrderActionRepository::markDone(qint64 id, const QString &resultId, qint64 at) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "UPDATE order_actions SET state = 'done', result_id = ?, error = '', updated_at = ? WHERE id = ?"));
    q.bind(resultId).bind(at).bind(id).exec();
}

void OrderActionRepository::markFailed(qint64 id, const QString &error, qint64 at) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("UPDATE order_actions SET state = 'failed', error = ?, updated_at = ? WHERE id = ?"));
    q.bind(error).bind(at).bind(id).exec();
}

void OrderActionRepository::notePendingError(qint64 id, const QString &error, qint64 at) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("UPDATE order_actions SET error = ?, updated_at = ? WHERE id = ?"));
    q.bind(error).bind(at).bind(id).exec();
}

} // namespace waybill::storage
