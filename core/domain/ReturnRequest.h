// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WorkflowStep.h"

#include <QList>
#include <QString>

namespace waybill::domain {

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
};

} // namespace waybill::domain
