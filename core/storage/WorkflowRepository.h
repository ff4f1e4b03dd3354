// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Claim.h"
#include "domain/ReturnRequest.h"

#include <QList>

namespace waybill::storage {

class Database;

/// Returns (RMA) and delivery claims of orders, each with its step history. Adding a step updates the current
/// state; the caller refreshes the linked conversations' snapshot (ConversationRepository) in the same transaction.
class WorkflowRepository final {
public:
    explicit WorkflowRepository(const Database &database);

    QList<domain::ReturnRequest> returnsForOrder(qint64 orderId) const;
    qint64 insertReturn(const domain::ReturnRequest &request) const;
    void addReturnStep(qint64 returnId, const domain::WorkflowStep &step) const;

    QList<domain::Claim> claimsForOrder(qint64 orderId) const;
    qint64 insertClaim(const domain::Claim &claim) const;
    void addClaimStep(qint64 claimId, const domain::WorkflowStep &step) const;

private:
    QList<domain::WorkflowStep> history(const QString &table, const QString &key, qint64 id) const;
    void insertSteps(
        const QString &table, const QString &key, qint64 id, const QList<domain::WorkflowStep> &steps) const;

    const Database &m_database;
};

} // namespace waybill::storage
