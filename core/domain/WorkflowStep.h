// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// One step of a return or claim workflow.
struct WorkflowStep {
    qint64 occurredAt = 0;
    QString state;
    QString note;
};

} // namespace waybill::domain
