// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WorkflowGraph.h"
#include "WorkflowJournal.h"

#include <QList>
#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// The delivery-claim workflow for a lost, damaged or late parcel, worked from a conversation about its order:
/// opened → evidence → filed → approved | denied → paid → closed (denied → closed).
/// Opening sets the carrier's filing deadline (a clock agents see) from the shipping date and the carrier's claim
/// window. Evidence is attachments of the conversation (photos the customer sent); filing needs the carrier's claim
/// number; payment an amount within what the customer paid. The remedy for the customer (reship or refund) can be
/// recorded at any step. Steps only go forward and skipping needs a note, as in ReturnWorkflow; a refused step
/// throws StorageError (Invalid) with the reason and writes nothing. Each step is kept in the claim's history,
/// audited on the conversation and updates the claim chip of every conversation about the order. Runs on the thread
/// that owns the write connection.
class ClaimWorkflow final {
public:
    struct Step {
        QString state; ///< a ClaimState key
        QString note; ///< shown on the timeline; required when the step skips others
        QList<qint64> evidenceAttachmentIds; ///< evidence: attachments of the conversation's messages
        QString claimNumber; ///< filed: the carrier's reference
        qint64 amountCents = 0; ///< paid: what the carrier paid
        QString remedy; ///< "", reship, refund
    };

    ClaimWorkflow(const storage::Database &database, qint64 agentId, std::function<qint64()> now);

    static const WorkflowGraph &graph();
    /// Days after shipping within which the carrier takes a claim of this kind (lost, damaged, late): the usual
    /// published windows for domestic parcels; 30 for carriers Waybill does not know.
    static int filingWindowDays(const QString &carrier, const QString &kind);

    /// Opens a claim of `kind` for the conversation's order and its shipment `shipmentId` (0: the newest one).
    qint64 open(qint64 conversationId, const QString &kind, qint64 shipmentId, const QString &note = {});
    void advance(qint64 claimId, const Step &step);

private:
    const storage::Database &m_database;
    WorkflowJournal m_journal;
};

} // namespace waybill::engine
