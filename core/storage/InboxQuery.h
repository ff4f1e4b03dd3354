// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/InboxView.h"

#include <QString>
#include <QVariantList>

namespace waybill::storage {

/// Where the next page of a view starts: the sort key and id of the last row already shown.
struct PageCursor {
    qint64 sortKey = 0;
    qint64 id = 0;
};

/// The SQL of one inbox view: a WHERE clause whose terms match one index (or one partial index) exactly, and an
/// ORDER BY on that index's trailing columns, so that every page is a single index range scan — never OFFSET.
/// Keep in step with the view_counters triggers in the migrations.
class InboxQuery final {
public:
    /// `agentId` is the current agent (for Mine); `riskHorizon` is the time before which a deadline is at risk.
    InboxQuery(const domain::InboxView &view, domain::InboxSort sort, qint64 agentId, qint64 riskHorizon);

    /// The effective order: the at-risk view is always by deadline.
    domain::InboxSort sort() const { return m_sort; }
    /// "WHERE … [AND keyset] ORDER BY … LIMIT ?" with its bound values, for a select over `conversations c`.
    QString sql(const QString &selectColumns, bool withCursor) const;
    QVariantList bindings(const PageCursor *cursor, int limit) const;
    /// The cursor that continues after a row with these values.
    static PageCursor cursorOf(domain::InboxSort sort, qint64 lastActivity, qint64 dueAt, qint64 id);

private:
    domain::InboxSort m_sort;
    QString m_where;
    QVariantList m_whereValues;
};

} // namespace waybill::storage
