// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WorkflowStep.h"

#include <QList>
#include <QString>

namespace waybill::domain {

/// What a return takes back: an order line (0 when the order has no lines) and how many.
struct ReturnItem {
    qint64 orderLineId = 0;
    QString sku;
    QString title;
    int quantity = 0;
};

/// A return (RMA) of an order; state keys are listed in WorkflowStates.h.
struct ReturnRequest {
    qint64 id = 0;
    qint64 orderId = 0;
    QString state;
    QString reason;
    qint64 amountCents = 0;
    QString returnTracking;
    qint64 createdAt = 0;
    QList<WorkflowStep> history; ///< oldest first
    qint64 refundCents = 0; ///< refunded or credited to the customer
    qint64 conversationId = 0; ///< where it was opened, 0 when imported
    QList<ReturnItem> items;
};

} // namespace waybill::domain
