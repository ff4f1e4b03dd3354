// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryEstimate.h"
#include "TransitTimeModel.h"

namespace waybill::domain {
struct Shipment;
}

namespace waybill::storage {
class Database;
}

namespace waybill::commerce {

/// Expected delivery and late threshold for shipments: the carrier's date when it gave one, otherwise the
/// shipping date plus the p50 (expected) and p90 (late after) transit days of the workspace's own deliveries.
/// Holds the model by value; usable on any thread, the storage calls on the thread that owns the Database.
class DeliveryEstimator final {
public:
    explicit DeliveryEstimator(TransitTimeModel model);

    /// The estimate for `shipment` bound for `region`. A shipment's expected date counts as the carrier's only
    /// when `carrierDateKnown`; an earlier estimate stored in expectedAt is recomputed.
    DeliveryEstimate estimate(const domain::Shipment &shipment, const QString &region, bool carrierDateKnown) const;

    /// Learns from every delivered shipment and stores estimates on every undelivered one, in one transaction:
    /// where the carrier gave a date, late_after becomes that date; elsewhere expected_at and late_after come
    /// from the history and expected_estimated is set. Returns the number of shipments updated. Throws
    /// storage::StorageError.
    static int refresh(const storage::Database &database);

    const TransitTimeModel &model() const { return m_model; }

private:
    TransitTimeModel m_model;
};

} // namespace waybill::commerce
