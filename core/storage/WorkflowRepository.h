// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Claim.h"
#include "domain/ReturnRequest.h"

#include <QList>

#include <optional>

namespace waybill::storage {

class Database;

/// Returns (RMA) and delivery claims of orders, each with its step history. Adding a step updates the current
/// state; the caller refreshes the linked conversations' snapshot (ConversationRepository) in the same transaction.
class WorkflowRepository final {
public:
    explicit WorkflowRepository(const Database &database);

    QList<domain::ReturnRequest> returnsForOrder(qint64 orderId) const;
    /// One return with its history and items.
    std::optional<domain::ReturnRequest> findReturn(qint64 returnId) const;
    /// What the order's returns refunded or credited so far, in cents.
    qint64 refundedForOrder(qint64 orderId) const;
    /// Sets the amount refunded or credited, the return's own tracking number (empty keeps it).
    void setReturnSettlement(qint64 returnId, qint64 refundCents, const QString &returnTracking) const;
    qint64 insertReturn(const domain::ReturnRequest &request) const;
    void addReturnStep(qint64 returnId, const domain::WorkflowStep &step) const;

    QList<domain::Claim> claimsForOrder(qint64 orderId) const;
    /// One claim with its history and evidence.
    std::optional<domain::Claim> findClaim(qint64 claimId) const;
    /// Updates what the claim's steps fill in: the carrier's claim number, the amount, the remedy (empty keeps it).
    void setClaimDetails(qint64 claimId, const QString &claimNumber, qint64 amountCents, const QString &remedy) const;
    void addClaimEvidence(qint64 claimId, const QList<qint64> &attachmentIds) const;
    qint64 insertClaim(const domain::Claim &claim) const;
    void addClaimStep(qint64 claimId, const domain::WorkflowStep &step) const;

private:
    QList<domain::ReturnRequest> readReturns(const QString &key, qint64 value) const;
    QList<domain::Claim> readClaims(const QString &key, qint64 value) const;
    QList<domain::WorkflowStep> history(const QString &table, const QString &key, qint64 id) const;
    void insertSteps(
        const QString &table, const QString &key, qint64 id, const QList<domain::WorkflowStep> &steps) const;

    const Database &m_database;
};

} // namespace waybill::storage
