// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RulesPass.h"
#include "commerce/TrackingParseResult.h"
#include "storage/TrackingApplyResult.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Applies a parsed tracking payload (a provider's webhook, `waybillctl tracking apply`) to the workspace: each
/// parcel onto the shipments with its tracking number, then the delivery estimates again and one pass of the
/// proactive rules, so that a delay, an exception or a delivery is acted on at once. Used on the thread that owns
/// the write connection; throws storage::StorageError when the database refuses.
class TrackingApplier final {
public:
    struct Report {
        /// Per applied parcel: its tracking number and what it did to each of its shipments.
        QList<std::pair<QString, storage::TrackingApplyResult>> applied;
        QStringList unknown; ///< tracking numbers that are no shipment in this workspace
        RulesPass::Report rules;
        QList<qint64> conversations; ///< changed by the updates or the rules
    };

    static Report apply(const storage::Database &database, const commerce::TrackingParseResult &parsed, qint64 now);
};

} // namespace waybill::engine
