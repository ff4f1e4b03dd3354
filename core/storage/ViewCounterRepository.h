// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/InboxView.h"

#include <QHash>
#include <QString>

namespace waybill::storage {

class Database;

/// Live counts of every inbox view. All but "Deadline at risk" come from the view_counters table that the
/// conversation triggers keep in the writing transaction; the at-risk count is one range over an index.
class ViewCounterRepository final {
public:
    explicit ViewCounterRepository(const Database &database);

    /// Count per InboxView::key() for `agentId`'s "Mine", with deadlines before `riskHorizon` at risk.
    QHash<QString, qint64> counts(qint64 agentId, qint64 riskHorizon) const;
    /// The same numbers computed from scratch with GROUP BY (slow; for checks and repairs).
    QHash<QString, qint64> recount(qint64 agentId, qint64 riskHorizon) const;
    /// Replaces the stored counters with a recount (after a bulk load).
    void rebuild() const;

private:
    QHash<QString, qint64> fromCounters(const QHash<QString, qint64> &counters, qint64 agentId, qint64 atRisk) const;
    qint64 atRiskCount(qint64 riskHorizon) const;

    const Database &m_database;
};

} // namespace waybill::storage
