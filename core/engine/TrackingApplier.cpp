// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingApplier.h"

#include "commerce/DeliveryEstimator.h"
#include "storage/StorageError.h"
#include "storage/TrackingRepository.h"

namespace waybill::engine {

TrackingApplier::Report TrackingApplier::apply(
    const storage::Database &database, const commerce::TrackingParseResult &parsed, qint64 now)
{
    Report report;
    const storage::TrackingRepository tracking(database);
    for (const commerce::TrackingUpdate &update : parsed.updates) {
        try {
            for (const storage::TrackingApplyResult &result : tracking.applyToNumber(update, now)) {
                report.applied.append({ update.trackingNumber, result });
                report.conversations += result.conversations;
            }
        } catch (const storage::StorageError &error) {
            if (error.kind() != storage::StorageError::Kind::NotFound) {
                throw;
            }
            report.unknown.append(update.trackingNumber);
        }
    }
    // A delivery teaches the transit times; undelivered parcels get their expected and late dates again.
    commerce::DeliveryEstimator::refresh(database);
    // The proactive rules act on what changed (a delay, an exception, a delivery) right away.
    report.rules = RulesPass(database, [now] { return now; }).run();
    report.conversations += report.rules.conversations;
    return report;
}

} // namespace waybill::engine
