// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonSolicitationRepository.h"

#include "SqlQuery.h"

namespace waybill::storage {

namespace {

const QString Columns = QStringLiteral(
    "s.order_id, s.account, o.external_id, o.number, s.state, s.attempts, s.detail, s.requested_at, s.updated_at, "
    "coalesce((SELECT max(sh.delivered_at) FROM shipments sh WHERE sh.order_id = s.order_id), 0) "
    "FROM amazon_solicitations s JOIN orders o ON o.id = s.order_id ");

AmazonSolicitation fromRow(const SqlQuery &q)
{
    AmazonSolicitation s;
    s.orderId = q.int64(0);
    s.account = q.text(1);
    s.amazonOrderId = q.text(2);
    s.orderNumber = q.text(3);
    s.state = q.text(4);
    s.attempts = static_cast<int>(q.int64(5));
    s.detail = q.text(6);
    s.requestedAt = q.int64(7);
    s.updatedAt = q.int64(8);
    s.deliveredAt = q.int64(9);
    return s;
}

} // namespace

AmazonSolicitationRepository::AmazonSolicitationRepository(const Database &database)
    : m_database(database)
{
}

bool AmazonSolicitationRepository::request(qint64 orderId, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO amazon_solicitations (order_id, account, state, requested_at, updated_at) "
                       "SELECT id, account, 'pending', ?, ? FROM orders WHERE id = ? AND source = 'amazon' "
                       "ON CONFLICT (order_id) DO NOTHING"));
    q.bind(now).bind(now).bind(orderId).exec();
    return q.rowsAffected() > 0;
}

std::optional<AmazonSolicitation> AmazonSolicitationRepository::find(qint64 orderId) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT ") + Columns + QStringLiteral("WHERE s.order_id = ?"));
    q.bind(orderId).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return fromRow(q);
}

QList<AmazonSolicitation> AmazonSolicitationRepository::pending(const QString &account, int limit) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(
                "WHERE s.account = ? AND s.state = 'pending' ORDER BY s.requested_at, s.order_id LIMIT ?"));
    q.bind(account).bind(limit).exec();
    QList<AmazonSolicitation> out;
    while (q.next()) {
        out.append(fromRow(q));
    }
    return out;
}

void AmazonSolicitationRepository::finish(qint64 orderId, const QString &state, const QString &detail, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE amazon_solicitations SET state = ?, detail = ?, attempts = attempts + 1, "
                       "updated_at = ? WHERE order_id = ?"));
    q.bind(state).bind(detail).bind(now).bind(orderId).exec();
}

int AmazonSolicitationRepository::recordAttempt(qint64 orderId, const QString &detail, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE amazon_solicitations SET detail = ?, attempts = attempts + 1, updated_at = ? "
                       "WHERE order_id = ? RETURNING attempts"));
    q.bind(detail).bind(now).bind(orderId).exec();
    return q.next() ? static_cast<int>(q.int64(0)) : 0;
}

} // namespace waybill::storage
