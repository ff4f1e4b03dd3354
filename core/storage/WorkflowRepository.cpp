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
    return readReturns(QStringLiteral("order_id"), orderId);
}

std::optional<domain::ReturnRequest> WorkflowRepository::findReturn(qint64 returnId) const
{
    const QList<domain::ReturnRequest> found = readReturns(QStringLiteral("id"), returnId);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<domain::ReturnRequest> WorkflowRepository::readReturns(const QString &key, qint64 value) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, order_id, state, reason, amount_cents, return_tracking, created_at, refund_cents, "
                       "coalesce(conversation_id, 0) FROM returns WHERE ")
            + key + QStringLiteral(" = ? ORDER BY id"));
    q.bind(value).exec();
    QList<domain::ReturnRequest> returns;
    while (q.next()) {
        returns.append({ q.int64(0), q.int64(1), q.text(2), q.text(3), q.int64(4), q.text(5), q.int64(6), {},
            q.int64(7), q.int64(8), {} });
    }
    for (domain::ReturnRequest &r : returns) {
        r.history = history(QStringLiteral("return_events"), QStringLiteral("return_id"), r.id);
        SqlQuery items(m_database,
            QStringLiteral("SELECT coalesce(order_line_id, 0), sku, title, quantity FROM return_items "
                           "WHERE return_id = ? ORDER BY id"));
        items.bind(r.id).exec();
        while (items.next()) {
            r.items.append({ items.int64(0), items.text(1), items.text(2), int(items.int64(3)) });
        }
    }
    return returns;
}

qint64 WorkflowRepository::refundedForOrder(qint64 orderId) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT coalesce(sum(refund_cents), 0) FROM returns WHERE order_id = ?"));
    q.bind(orderId).exec();
    return q.next() ? q.int64(0) : 0;
}

void WorkflowRepository::setReturnSettlement(qint64 returnId, qint64 refundCents, const QString &returnTracking) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE returns SET refund_cents = ?, return_tracking = CASE WHEN ? = '' THEN "
                       "return_tracking ELSE ? END WHERE id = ?"));
    q.bind(refundCents).bind(returnTracking).bind(returnTracking).bind(returnId).exec();
}

qint64 WorkflowRepository::insertReturn(const domain::ReturnRequest &r) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO returns (order_id, state, reason, amount_cents, return_tracking, created_at, "
                       "updated_at, refund_cents, conversation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 updated = r.history.isEmpty() ? r.createdAt : r.history.constLast().occurredAt;
    q.bind(r.orderId)
        .bind(r.state)
        .bind(r.reason)
        .bind(r.amountCents)
        .bind(r.returnTracking)
        .bind(r.createdAt)
        .bind(updated)
        .bind(r.refundCents)
        .bindOptional(r.conversationId)
        .exec();
    const qint64 id = q.lastInsertId();
    insertSteps(QStringLiteral("return_events"), QStringLiteral("return_id"), id, r.history);
    for (const domain::ReturnItem &item : r.items) {
        SqlQuery &i = m_database.prepared(QStringLiteral(
            "INSERT INTO return_items (return_id, order_line_id, sku, title, quantity) VALUES (?, ?, ?, ?, ?)"));
        i.bind(id).bindOptional(item.orderLineId).bind(item.sku).bind(item.title).bind(item.quantity).exec();
    }
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
    return readClaims(QStringLiteral("order_id"), orderId);
}

std::optional<domain::Claim> WorkflowRepository::findClaim(qint64 claimId) const
{
    const QList<domain::Claim> found = readClaims(QStringLiteral("id"), claimId);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<domain::Claim> WorkflowRepository::readClaims(const QString &key, qint64 value) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, order_id, coalesce(shipment_id, 0), kind, state, claim_number, amount_cents, "
                       "coalesce(filing_deadline, 0), created_at, remedy, coalesce(conversation_id, 0) FROM claims "
                       "WHERE ")
            + key + QStringLiteral(" = ? ORDER BY id"));
    q.bind(value).exec();
    QList<domain::Claim> claims;
    while (q.next()) {
        claims.append({ q.int64(0), q.int64(1), q.int64(2), q.text(3), q.text(4), q.text(5), q.int64(6), q.int64(7),
            q.int64(8), {}, q.text(9), q.int64(10), {} });
    }
    for (domain::Claim &c : claims) {
        c.history = history(QStringLiteral("claim_events"), QStringLiteral("claim_id"), c.id);
        SqlQuery evidence(
            m_database, QStringLiteral("SELECT attachment_id FROM claim_evidence WHERE claim_id = ? ORDER BY rowid"));
        evidence.bind(c.id).exec();
        while (evidence.next()) {
            c.evidenceAttachmentIds.append(evidence.int64(0));
        }
    }
    return claims;
}

void WorkflowRepository::setClaimDetails(
    qint64 claimId, const QString &claimNumber, qint64 amountCents, const QString &remedy) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE claims SET claim_number = CASE WHEN ? = '' THEN claim_number ELSE ? END, "
                       "amount_cents = ?, remedy = CASE WHEN ? = '' THEN remedy ELSE ? END WHERE id = ?"));
    q.bind(claimNumber).bind(claimNumber).bind(amountCents).bind(remedy).bind(remedy).bind(claimId).exec();
}

void WorkflowRepository::addClaimEvidence(qint64 claimId, const QList<qint64> &attachmentIds) const
{
    for (const qint64 attachmentId : attachmentIds) {
        SqlQuery &q = m_database.prepared(QStringLiteral(
            "INSERT INTO claim_evidence (claim_id, attachment_id) VALUES (?, ?) ON CONFLICT DO NOTHING"));
        q.bind(claimId).bind(attachmentId).exec();
    }
}

qint64 WorkflowRepository::insertClaim(const domain::Claim &c) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO claims (order_id, shipment_id, kind, state, claim_number, amount_cents, "
                       "filing_deadline, created_at, updated_at, remedy, conversation_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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
        .bind(c.remedy)
        .bindOptional(c.conversationId)
        .exec();
    const qint64 id = q.lastInsertId();
    insertSteps(QStringLiteral("claim_events"), QStringLiteral("claim_id"), id, c.history);
    addClaimEvidence(id, c.evidenceAttachmentIds);
    return id;
}

void WorkflowRepository::addClaimStep(qint64 claimId, const domain::WorkflowStep &step) const
{
    insertSteps(QStringLiteral("claim_events"), QStringLiteral("claim_id"), claimId, { step });
    SqlQuery q(m_database, QStringLiteral("UPDATE claims SET state = ?, updated_at = ? WHERE id = ?"));
    q.bind(step.state).bind(step.occurredAt).bind(claimId).exec();
}

} // namespace waybill::storage
