// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationRepository.h"

#include "Database.h"
#include "SqlQuery.h"
#include "StorageError.h"
#include "domain/TrackingStatus.h"
#include "domain/WorkflowStates.h"

#include <QCoreApplication>
#include <QHash>

namespace waybill::storage {

using domain::ConversationSummary;

namespace {

const QString Columns = QStringLiteral(
    "c.id, c.channel, c.subject, c.preview, c.customer_id, c.customer_name, c.order_id, c.order_number, "
    "c.tracking_status, c.delivery_problem, c.return_state, c.claim_state, c.status, c.snoozed_until, "
    "c.assignee_id, a.name, c.team_id, c.unread, c.created_at, c.last_activity, c.market_due_at, c.sla_due_at, "
    "c.due_at, c.link_reason, c.version");

ConversationSummary readRow(const SqlQuery &q)
{
    ConversationSummary c;
    c.id = q.int64(0);
    c.channel = domain::channelFromKey(q.text(1)).value_or(domain::Channel::Email);
    c.subject = q.text(2);
    c.preview = q.text(3);
    c.customerId = q.int64(4);
    c.customerName = q.text(5);
    c.orderId = q.int64(6);
    c.orderNumber = q.text(7);
    c.trackingStatus = q.text(8);
    c.deliveryProblem = q.int64(9) != 0;
    c.returnState = q.text(10);
    c.claimState = q.text(11);
    c.status = domain::statusFromKey(q.text(12)).value_or(domain::ConversationStatus::Open);
    c.snoozedUntil = q.int64(13);
    c.assigneeId = q.int64(14);
    c.assigneeName = q.text(15);
    c.teamId = q.int64(16);
    c.unread = q.int64(17) != 0;
    c.createdAt = q.int64(18);
    c.lastActivity = q.int64(19);
    c.marketDueAt = q.int64(20);
    c.slaDueAt = q.int64(21);
    const qint64 due = q.int64(22);
    c.dueAt = due == ConversationSummary::NoDeadline ? 0 : due;
    c.linkReason = q.text(23);
    c.version = int(q.int64(24));
    return c;
}

qint64 earliest(qint64 a, qint64 b)
{
    if (a == 0) {
        return b == 0 ? ConversationSummary::NoDeadline : b;
    }
    return b == 0 ? a : std::min(a, b);
}

} // namespace

ConversationRepository::ConversationRepository(const Database &database)
    : m_database(database)
{
}

QList<ConversationSummary> ConversationRepository::page(
    const InboxQuery &query, const PageCursor *after, int limit) const
{
    SqlQuery q(m_database, query.sql(Columns, after != nullptr));
    for (const QVariant &value : query.bindings(after, limit)) {
        q.bind(value);
    }
    q.exec();
    QList<ConversationSummary> rows;
    rows.reserve(limit);
    while (q.next()) {
        rows.append(readRow(q));
    }
    return rows;
}

std::optional<ConversationSummary> ConversationRepository::find(qint64 id) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("SELECT ") + Columns
        + QStringLiteral(" FROM conversations c LEFT JOIN agents a ON a.id = c.assignee_id WHERE c.id = ?"));
    q.bind(id).exec();
    std::optional<ConversationSummary> row;
    if (q.next()) {
        row = readRow(q);
    }
    q.finish();
    return row;
}

QList<ConversationSummary> ConversationRepository::findMany(const QList<qint64> &ids) const
{
    QList<ConversationSummary> rows;
    if (ids.isEmpty()) {
        return rows;
    }
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM conversations c LEFT JOIN agents a ON a.id = c.assignee_id "
                             "WHERE c.id IN (")
            + SqlQuery::placeholders(ids.size()) + u')');
    for (const qint64 id : ids) {
        q.bind(id);
    }
    q.exec();
    QHash<qint64, ConversationSummary> found;
    while (q.next()) {
        ConversationSummary row = readRow(q);
        found.insert(row.id, std::move(row));
    }
    rows.reserve(found.size());
    for (const qint64 id : ids) {
        const auto it = found.constFind(id);
        if (it != found.cend()) {
            rows.append(*it);
        }
    }
    return rows;
}

qint64 ConversationRepository::insert(const ConversationSummary &c, const QString &threadSubject) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO conversations (channel, subject, preview, customer_id, customer_name, order_id, "
                       "order_number, tracking_status, delivery_problem, return_state, return_active, claim_state, "
                       "claim_active, status, snoozed_until, assignee_id, team_id, unread, created_at, last_activity, "
                       "market_due_at, sla_due_at, due_at, link_reason, thread_subject) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(domain::channelKey(c.channel))
        .bind(c.subject)
        .bind(c.preview)
        .bindOptional(c.customerId)
        .bind(c.customerName)
        .bindOptional(c.orderId)
        .bind(c.orderNumber)
        .bind(c.trackingStatus)
        .bind(c.deliveryProblem ? 1 : 0)
        .bind(c.returnState)
        .bind(domain::ReturnState::isActive(c.returnState) ? 1 : 0)
        .bind(c.claimState)
        .bind(domain::ClaimState::isActive(c.claimState) ? 1 : 0)
        .bind(domain::statusKey(c.status))
        .bindOptional(c.snoozedUntil)
        .bindOptional(c.assigneeId)
        .bindOptional(c.teamId)
        .bind(c.unread ? 1 : 0)
        .bind(c.createdAt)
        .bind(c.lastActivity)
        .bindOptional(c.marketDueAt)
        .bindOptional(c.slaDueAt)
        .bind(earliest(c.marketDueAt, c.slaDueAt))
        .bind(c.linkReason)
        .bind(threadSubject);
    q.exec();
    return q.lastInsertId();
}

void ConversationRepository::bumpVersion(
    qint64 id, int expectedVersion, const QString &assignments, const QVariantList &values) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("UPDATE conversations SET ") + assignments
        + QStringLiteral(", version = version + 1 WHERE id = ? AND version = ?"));
    for (const QVariant &value : values) {
        q.bind(value);
    }
    q.bind(id).bind(expectedVersion).exec();
    if (q.rowsAffected() == 0) {
        const bool exists = find(id).has_value();
        throw StorageError(exists ? StorageError::Kind::Conflict : StorageError::Kind::NotFound,
            exists ? QCoreApplication::translate("ConversationRepository",
                "Someone else changed this conversation a moment "
                "ago. It has been reloaded; please try again.")
                   : QCoreApplication::translate("ConversationRepository", "This conversation no longer exists."));
    }
}

void ConversationRepository::setAssignee(qint64 id, qint64 agentId, qint64 teamId, int expectedVersion) const
{
    const QVariant none(QMetaType::fromType<qint64>());
    bumpVersion(id, expectedVersion, QStringLiteral("assignee_id = ?, team_id = ?"),
        { agentId ? QVariant(agentId) : none, teamId ? QVariant(teamId) : none });
}

void ConversationRepository::setStatus(
    qint64 id, domain::ConversationStatus status, qint64 snoozedUntil, int expectedVersion) const
{
    const QVariant none(QMetaType::fromType<qint64>());
    const bool snoozed = status == domain::ConversationStatus::Snoozed;
    bumpVersion(id, expectedVersion, QStringLiteral("status = ?, snoozed_until = ?"),
        { domain::statusKey(status), snoozed ? QVariant(snoozedUntil) : none });
}

void ConversationRepository::setOrder(qint64 id, qint64 orderId, const QString &reason, int expectedVersion) const
{
    const QVariant none(QMetaType::fromType<qint64>());
    bumpVersion(id, expectedVersion, QStringLiteral("order_id = ?, link_reason = ?"),
        { orderId ? QVariant(orderId) : none, reason });
}

void ConversationRepository::setUnread(qint64 id, bool unread) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("UPDATE conversations SET unread = ? WHERE id = ? AND unread <> ?"));
    q.bind(unread ? 1 : 0).bind(id).bind(unread ? 1 : 0).exec();
}

void ConversationRepository::recordActivity(
    qint64 id, qint64 at, const QString &preview, qint64 marketDueAt, qint64 slaDueAt) const
{
    updateActivity(id, at, preview, marketDueAt, slaDueAt, false);
}

qint64 ConversationRepository::latestOfCustomer(qint64 customerId) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "SELECT id FROM conversations WHERE customer_id = ? ORDER BY last_activity DESC, id DESC LIMIT 1"));
    q.bind(customerId).exec();
    return q.next() ? q.int64(0) : 0;
}

std::optional<ConversationRepository::InboundState> ConversationRepository::inboundState(qint64 id) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("SELECT coalesce(market_due_at, 0), coalesce(sla_due_at, 0), status, coalesce(order_id, 0), "
                       "version FROM conversations WHERE id = ?"));
    q.bind(id).exec();
    std::optional<InboundState> state;
    if (q.next()) {
        state = InboundState { q.int64(0), q.int64(1),
            domain::statusFromKey(q.text(2)).value_or(domain::ConversationStatus::Open), q.int64(3), int(q.int64(4)) };
    }
    q.finish();
    return state;
}

void ConversationRepository::recordInbound(
    qint64 id, qint64 at, const QString &preview, qint64 marketDueAt, qint64 slaDueAt) const
{
    updateActivity(id, at, preview, marketDueAt, slaDueAt, true);
}

void ConversationRepository::updateActivity(
    qint64 id, qint64 at, const QString &preview, qint64 marketDueAt, qint64 slaDueAt, bool markUnread) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("UPDATE conversations SET last_activity = max(last_activity, ?), preview = ?, "
                       "market_due_at = ?, sla_due_at = ?, due_at = ?, ")
        + (markUnread ? QStringLiteral("unread = 1, ") : QString())
        + QStringLiteral("version = version + 1 WHERE id = ?"));
    q.bind(at)
        .bind(preview.left(200))
        .bindOptional(marketDueAt)
        .bindOptional(slaDueAt)
        .bind(earliest(marketDueAt, slaDueAt))
        .bind(id)
        .exec();
}

void ConversationRepository::refreshOrderSnapshot(qint64 id, qint64 now) const
{
    // The newest shipment, return and claim of the linked order decide the list row's chips.
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "SELECT o.number, "
        " (SELECT status FROM shipments WHERE order_id = o.id ORDER BY id DESC LIMIT 1), "
        " (SELECT coalesce(late_after, expected_at, 0) FROM shipments WHERE order_id = o.id ORDER BY id DESC LIMIT 1), "
        " (SELECT state FROM returns WHERE order_id = o.id ORDER BY id DESC LIMIT 1), "
        " (SELECT state FROM claims WHERE order_id = o.id ORDER BY id DESC LIMIT 1) "
        "FROM conversations c JOIN orders o ON o.id = c.order_id WHERE c.id = ?"));
    q.bind(id).exec();
    QString number, tracking, returnState, claimState;
    qint64 expected = 0;
    if (q.next()) {
        number = q.text(0);
        tracking = q.text(1);
        expected = q.int64(2);
        returnState = q.text(3);
        claimState = q.text(4);
    }
    q.finish();
    const auto status = domain::trackingStatusFromKey(tracking);
    const bool late = expected > 0 && expected < now && !domain::isFinal(status) && !tracking.isEmpty();
    const bool problem = domain::isDeliveryProblem(status) || late;
    SqlQuery &u = m_database.prepared(QStringLiteral(
        "UPDATE conversations SET order_number = ?, tracking_status = ?, delivery_problem = ?, return_state = ?, "
        "return_active = ?, claim_state = ?, claim_active = ?, version = version + 1 WHERE id = ?"));
    u.bind(number)
        .bind(tracking)
        .bind(problem ? 1 : 0)
        .bind(returnState)
        .bind(domain::ReturnState::isActive(returnState) ? 1 : 0)
        .bind(claimState)
        .bind(domain::ClaimState::isActive(claimState) ? 1 : 0)
        .bind(id)
        .exec();
}

void ConversationRepository::setThreadSubject(qint64 id, const QString &threadSubject) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("UPDATE conversations SET thread_subject = ? WHERE id = ?"));
    q.bind(threadSubject).bind(id).exec();
}

int ConversationRepository::wakeSnoozed(qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE conversations SET status = 'open', snoozed_until = NULL, version = version + 1 "
                       "WHERE status = 'snoozed' AND snoozed_until <= ?"));
    q.bind(now).exec();
    return q.rowsAffected();
}

} // namespace waybill::storage
