// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WorkflowGraph.h"
#include "WorkflowJournal.h"
#include "domain/ReturnRequest.h"

#include <QList>
#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// The return (RMA) workflow, worked from a conversation about an order:
/// requested → approved | rejected → label sent → in transit → received → inspected
/// → refunded | exchanged | store credit → closed (rejected → closed).
/// Each step is checked before anything is written: steps only go forward, skipping steps needs a note saying why,
/// "in transit" needs the return's own tracking number, and a refund or credit needs an amount that, with what the
/// order's returns refunded before, stays within what the customer paid. A refused step throws StorageError
/// (Invalid) with the reason for people and writes nothing. A taken step is kept in the return's history (the
/// conversation's timeline shows it), audited on the conversation, and updates the return chip of every
/// conversation about the order. Runs on the thread that owns the write connection.
class ReturnWorkflow final {
public:
    struct Step {
        QString state; ///< a ReturnState key
        QString note; ///< shown on the timeline; required when the step skips others
        qint64 amountCents = 0; ///< refunded or credited (refunded, store_credit)
        QString returnTracking; ///< the return parcel's tracking number (in_transit, or earlier)
    };

    ReturnWorkflow(const storage::Database &database, qint64 agentId, std::function<qint64()> now);

    static const WorkflowGraph &graph();
    /// The template agents are offered for the customer after a step (a name in the templates table), or empty.
    static QString templateName(const QString &state);

    /// Opens a return of the conversation's linked order for `items` (order lines and quantities; at least one,
    /// never more than was ordered) with the customer's reason. Returns its id.
    qint64 open(
        qint64 conversationId, const QString &reason, QList<domain::ReturnItem> items, const QString &note = {});
    /// Takes the step, or throws StorageError with the reason it is refused.
    void advance(qint64 returnId, const Step &step);

private:
    const storage::Database &m_database;
    WorkflowJournal m_journal;
};

} // namespace waybill::engine
