// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RuleExecutor.h"
#include "domain/RuleDecision.h"

#include <QList>
#include <QTimeZone>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// One pass of the proactive rules over every active shipment: reads the enabled rules and the facts (one query),
/// lets RuleEvaluator decide, and — unless it is a dry run — hands the Fire decisions to RuleExecutor. The channels
/// that can send are the workspace's enabled accounts (e-mail; review requests of Amazon orders go through Amazon's
/// Solicitations API when an Amazon account is enabled). Quiet hours are judged in `zone`. Runs on
/// the thread that owns the connection (the engine's writer for run(); any reader for dryRun()).
class RulesPass final {
public:
    using Clock = std::function<qint64()>;

    struct Report {
        int shipments = 0; ///< active shipments looked at
        QList<domain::RuleDecision> decisions; ///< what would fire (and what waits for quiet hours to end)
        QList<RuleExecutor::Result> results; ///< run(): what each applied decision did, in the same order
        QList<qint64> conversations; ///< run(): conversations that changed
        int failed = 0; ///< run(): decisions whose transaction failed (logged; tried again next pass)
    };

    RulesPass(const storage::Database &database, Clock now, QTimeZone zone = QTimeZone::systemTimeZone());

    /// What would happen now, writing nothing.
    Report dryRun() const;
    /// Applies the Fire decisions, each in its own savepoint, committed in batches of a few hundred. Throws
    /// StorageError when the facts cannot be read or a batch cannot be committed.
    Report run() const;

private:
    Report evaluate() const;

    const storage::Database &m_database;
    Clock m_now;
    QTimeZone m_zone;
};

} // namespace waybill::engine
