// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "InboxQuery.h"

#include "domain/ConversationSummary.h"

namespace waybill::storage {

using domain::InboxSort;
using domain::InboxView;

InboxQuery::InboxQuery(const InboxView &view, InboxSort sort, qint64 agentId, qint64 riskHorizon)
    : m_sort(view.kind == InboxView::Kind::DeadlineAtRisk ? InboxSort::Deadline : sort)
{
    switch (view.kind) {
    case InboxView::Kind::Mine:
        m_where = QStringLiteral("c.assignee_id = ? AND c.status = 'open'");
        m_whereValues << agentId;
        break;
    case InboxView::Kind::Unassigned:
        m_where = QStringLiteral("c.assignee_id IS NULL AND c.status = 'open'");
        break;
    case InboxView::Kind::AllOpen:
        m_where = QStringLiteral("c.status = 'open'");
        break;
    case InboxView::Kind::Waiting:
        m_where = QStringLiteral("c.status = 'waiting'");
        break;
    case InboxView::Kind::Snoozed:
        m_where = QStringLiteral("c.status = 'snoozed'");
        break;
    case InboxView::Kind::Closed:
        m_where = QStringLiteral("c.status = 'closed'");
        break;
    case InboxView::Kind::DeadlineAtRisk:
        m_where = QStringLiteral("c.status = 'open' AND c.due_at < ?");
        m_whereValues << riskHorizon;
        break;
    case InboxView::Kind::DeliveryProblems:
        m_where = QStringLiteral("c.delivery_problem = 1 AND c.status <> 'closed'");
        break;
    case InboxView::Kind::Returns:
        m_where = QStringLiteral("c.return_active = 1");
        break;
    case InboxView::Kind::Claims:
        m_where = QStringLiteral("c.claim_active = 1");
        break;
    case InboxView::Kind::ChannelInbox:
        m_where = QStringLiteral("c.channel = ? AND c.status = 'open'");
        m_whereValues << domain::channelKey(view.channel);
        break;
    }
}

QString InboxQuery::sql(const QString &selectColumns, bool withCursor) const
{
    QString sql = QStringLiteral("SELECT ") + selectColumns
        + QStringLiteral(" FROM conversations c LEFT JOIN agents a ON a.id = c.assignee_id WHERE ") + m_where;
    if (m_sort == InboxSort::LastActivity) {
        if (withCursor) {
            sql += QStringLiteral(" AND (c.last_activity, c.id) < (?, ?)");
        }
        sql += QStringLiteral(" ORDER BY c.last_activity DESC, c.id DESC LIMIT ?");
    } else {
        if (withCursor) {
            sql += QStringLiteral(" AND (c.due_at, c.id) > (?, ?)");
        }
        sql += QStringLiteral(" ORDER BY c.due_at ASC, c.id ASC LIMIT ?");
    }
    return sql;
}

QVariantList InboxQuery::bindings(const PageCursor *cursor, int limit) const
{
    QVariantList values = m_whereValues;
    if (cursor) {
        values << cursor->sortKey << cursor->id;
    }
    values << limit;
    return values;
}

PageCursor InboxQuery::cursorOf(InboxSort sort, qint64 lastActivity, qint64 dueAt, qint64 id)
{
    if (sort == InboxSort::LastActivity) {
        return { lastActivity, id };
    }
    return { dueAt == 0 ? domain::ConversationSummary::NoDeadline : dueAt, id };
}

} // namespace waybill::storage
