// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ViewCounterRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

using domain::InboxView;

namespace {

/// The counter rows as a recount produces them; the same keys as the triggers in 0001_initial.sql.
const QString RecountSql = QStringLiteral(
    "SELECT 'status:' || status, count(*) FROM conversations GROUP BY status "
    "UNION ALL SELECT 'unassigned', count(*) FROM conversations WHERE status = 'open' AND assignee_id IS NULL "
    "UNION ALL SELECT 'assignee:' || assignee_id, count(*) FROM conversations "
    "  WHERE status = 'open' AND assignee_id IS NOT NULL GROUP BY assignee_id "
    "UNION ALL SELECT 'channel:' || channel, count(*) FROM conversations WHERE status = 'open' GROUP BY channel "
    "UNION ALL SELECT 'delivery', count(*) FROM conversations WHERE delivery_problem = 1 AND status <> 'closed' "
    "UNION ALL SELECT 'returns', count(*) FROM conversations WHERE return_active = 1 "
    "UNION ALL SELECT 'claims', count(*) FROM conversations WHERE claim_active = 1");

} // namespace

ViewCounterRepository::ViewCounterRepository(const Database &database)
    : m_database(database)
{
}

qint64 ViewCounterRepository::atRiskCount(qint64 riskHorizon) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'open' AND due_at < ?"));
    q.bind(riskHorizon).exec();
    return q.next() ? q.int64(0) : 0;
}

QHash<QString, qint64> ViewCounterRepository::fromCounters(
    const QHash<QString, qint64> &counters, qint64 agentId, qint64 atRisk) const
{
    QHash<QString, qint64> counts;
    for (const InboxView &view : InboxView::all()) {
        QString counter;
        switch (view.kind) {
        case InboxView::Kind::Mine:
            counter = QStringLiteral("assignee:") + QString::number(agentId);
            break;
        case InboxView::Kind::Unassigned:
            counter = QStringLiteral("unassigned");
            break;
        case InboxView::Kind::AllOpen:
            counter = QStringLiteral("status:open");
            break;
        case InboxView::Kind::Waiting:
            counter = QStringLiteral("status:waiting");
            break;
        case InboxView::Kind::Snoozed:
            counter = QStringLiteral("status:snoozed");
            break;
        case InboxView::Kind::Closed:
            counter = QStringLiteral("status:closed");
            break;
        case InboxView::Kind::DeadlineAtRisk:
            break;
        case InboxView::Kind::DeliveryProblems:
            counter = QStringLiteral("delivery");
            break;
        case InboxView::Kind::Returns:
            counter = QStringLiteral("returns");
            break;
        case InboxView::Kind::Claims:
            counter = QStringLiteral("claims");
            break;
        case InboxView::Kind::ChannelInbox:
            counter = view.key();
            break;
        }
        counts.insert(view.key(), counter.isEmpty() ? atRisk : counters.value(counter));
    }
    return counts;
}

QHash<QString, qint64> ViewCounterRepository::counts(qint64 agentId, qint64 riskHorizon) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT key, n FROM view_counters"));
    q.exec();
    QHash<QString, qint64> counters;
    while (q.next()) {
        counters.insert(q.text(0), q.int64(1));
    }
    return fromCounters(counters, agentId, atRiskCount(riskHorizon));
}

QHash<QString, qint64> ViewCounterRepository::recount(qint64 agentId, qint64 riskHorizon) const
{
    SqlQuery q(m_database, RecountSql);
    q.exec();
    QHash<QString, qint64> counters;
    while (q.next()) {
        counters.insert(q.text(0), q.int64(1));
    }
    return fromCounters(counters, agentId, atRiskCount(riskHorizon));
}

void ViewCounterRepository::rebuild() const
{
    SqlQuery clear(m_database, QStringLiteral("DELETE FROM view_counters"));
    clear.exec();
    SqlQuery &fill = m_database.prepared(QStringLiteral("INSERT INTO view_counters (key, n) ") + RecountSql);
    fill.exec();
}

} // namespace waybill::storage
