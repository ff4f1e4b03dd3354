// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimeZone>

namespace waybill::domain {

/// The company's response-time policy: business hours for the SLA clock, the SLA itself, when a deadline counts
/// as at risk, and the marketplaces' own deadlines (counted in all hours).
struct SlaPolicy {
    QTimeZone timeZone = QTimeZone::utc();
    int businessDayStartMinutes = 9 * 60; ///< local time, Monday to Friday
    int businessDayEndMinutes = 17 * 60;
    qint64 firstResponseBusinessSeconds = 8 * 3600;
    qint64 atRiskWithinSeconds = 2 * 3600;
    qint64 amazonResponseSeconds = 24 * 3600;
    qint64 ebayResponseSeconds = 24 * 3600;
};

} // namespace waybill::domain
