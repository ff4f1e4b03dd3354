// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

WorkflowRepository::WorkflowRepository(const Database &database)
    : m_database(database)
{
}

QList<domain::WorkflowStep> WorkflowRepository::history(const QString &table, const QString &key, qint64 id) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT occurred_at, state, note FROM ") + table + QStringLiteral(" WHERE ") + key
            + QStringLiteral(" = ? ORDER BY occurred_at, id"));
    q.bind(id).exec();
    QList<domain::WorkflowStep> steps;
    while (q.next()) {
        steps.append({ q.int64(0), q.text(1), q.text(2) });
    }
    return steps;
}

void WorkflowRepository::insertSteps(
    const QString &table, const QString &key, qint64 id, const QList<domain::WorkflowStep> &steps) const
{
    for (const domain::WorkflowStep &step : steps) {
        SqlQuery &q = m_database.prepared(QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (") + key
            + QStringLiteral(", occurred_at, state, note) VALUES (?, ?, ?, ?)"));
        q.bind(id).bind(step.occurredAt).bind(step.state).bind(step.note).exec();
    }
}

QList<domain::ReturnRequest> WorkflowRepository::returnsForOrder(qint64 orderId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, order_id, state, reason, amount_cents, return_tracking, "
                       "created_at FROM returns WHERE order_id = ? ORDER BY id"));
    q.bind(orderId).exec();
    QList<domain::ReturnRequest> returns;
    while (q.next()) {
        returns.append({ q.int64(0), q.int64(1), q.text(2), q.text(3), q.int64(4), q.text(5), q.int64(6), {} });
    }
    for (domain::ReturnRequest &r : returns) {
        r.history = history(QStringLiteral("return_events"), QStringLiteral("return_id"), r.id);
    }
    return returns;
}

qint64 WorkflowRepository::insertReturn(const domain::ReturnRequest &r) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO returns (order_id, state, reason, amount_cents, "
                                             "return_tracking, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const qint64 updated = r.history.isEmpty() ? r.createdAt : r.history.constLast().occurredAt;
    q.bind(r.orderId)
        .bind(r.state)
        .bind(r.reason)
        .bind(r.amountCents)
        .bind(r.returnTracking)
        .bind(r.createdAt)
        .bind(updated)
        .exec();
    const qint64 id = q.lastInsertId();
    insertSteps(QStringLiteral("return_events"), QStringLiteral("return_id"), id, r.history);
    return id;
}

void WorkflowRepository::addReturnStep(qint64 returnId, const domain::WorkflowStep &step) const
{
    insertSteps(QStringLiteral("return_events"), QStringLiteral("return_id"), returnId, { step });
    SqlQuery q(m_database, QStringLiteral("UPDATE returns SET state = ?, updated_at = ? WHERE id = ?"));
    q.bind(step.state).bind(step.occurredAt).bind(returnId).exec();
}

QList<domain::Claim> WorkflowRepository::claimsForOrder(qint64 orderId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, order_id, shipment_id, kind, state, claim_number, amount_cents, "
                       "filing_deadline, created_at FROM claims WHERE order_id = ? ORDER BY id"));
    q.bind(orderId).exec();
    QList<domain::Claim> claims;
    while (q.next()) {
        claims.append({ q.int64(0), q.int64(1), q.int64(2), q.text(3), q.text(4), q.text(5), q.int64(6), q.int64(7),
            q.int64(8), {} });
    }
    for (domain::Claim &c : claims) {
        c.history = history(QStringLiteral("claim_events"), QStringLiteral("claim_id"), c.id);
    }
    return claims;
}

qint64 WorkflowRepository::insertClaim(const domain::Claim &c) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO claims (order_id, shipment_id, kind, state, claim_number, "
                                             "amount_cents, filing_deadline, created_at, updated_at) "
                                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 updated = c.history.isEmpty() ? c.createdAt : c.history.constLast().occurredAt;
    q.bind(c.orderId)
        .bindOptional(c.shipmentId)
        .bind(c.kind)
        .bind(c.state)
        .bind(c.claimNumber)
        .bind(c.amountCents)
        .bindOptional(c.filingDeadline)
        .bind(c.createdAt)
        .bind(updated)
        .exec();
    const qint64 id = q.lastInsertId();
    insertSteps(QStringLiteral("claim_events"), QStringLiteral("claim_id"), id, c.history);
    return id;
}

void WorkflowRepository::addClaimStep(qint64 claimId, const domain::WorkflowStep &step) const
{
    insertSteps(QStringLiteral("claim_events"), QStringLiteral("claim_id"), claimId, { step });
    SqlQuery q(m_database, QStringLiteral("UPDATE claims SET state = ?, updated_at = ? WHERE id = ?"));
    q.bind(step.state).bind(step.occurredAt).bind(claimId).exec();
}

} // namespace waybill::storage
