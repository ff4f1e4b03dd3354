// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WorkflowStep.h"

#include <QList>
#include <QString>

namespace waybill::domain {

/// A claim with the carrier for a lost, damaged or late parcel.
struct Claim {
    qint64 id = 0;
    qint64 orderId = 0;
    qint64 shipmentId = 0;
    QString kind; ///< lost, damaged, late
    QString state;
    QString claimNumber;
    qint64 amountCents = 0;
    qint64 filingDeadline = 0;
    qint64 createdAt = 0;
    QList<WorkflowStep> history; ///< oldest first
    QString remedy; ///< for the customer: "", reship, refund
    qint64 conversationId = 0; ///< where it was opened, 0 when imported
    QList<qint64> evidenceAttachmentIds; ///< attachments of the conversation sent as evidence
};

} // namespace waybill::domain
