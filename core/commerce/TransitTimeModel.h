// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TransitEstimate.h"

#include <QHash>
#include <QString>

#include <vector>

namespace waybill::storage {
class Database;
}

namespace waybill::commerce {

/// Transit times learned from delivered shipments (delivered_at − shipped_at, in calendar days, not business
/// days), grouped by (carrier, service, destination region) with fallbacks to (carrier, service), the carrier and
/// all deliveries when a group has fewer than `minimumSamples`. A plain value: fill it with addDelivery() or
/// fromDatabase(), call finish() once, then estimate() from any thread that owns a copy.
class TransitTimeModel final {
public:
    static constexpr int DefaultMinimumSamples = 20;

    explicit TransitTimeModel(int minimumSamples = DefaultMinimumSamples);

    /// Learns every delivered shipment shipped before `shippedBefore` (epoch seconds; 0 means all) in one pass
    /// over the shipments table. Throws storage::StorageError.
    static TransitTimeModel fromDatabase(const storage::Database &database, qint64 shippedBefore = 0);

    /// Records one delivery; negative durations (clock errors in carrier data) are ignored.
    void addDelivery(const QString &carrier, const QString &service, const QString &region, double days);
    /// Sorts the samples and computes the percentiles; call once after the last addDelivery().
    void finish();

    /// The most specific group with at least `minimumSamples` deliveries; Level::None when there are none.
    TransitEstimate estimate(const QString &carrier, const QString &service, const QString &region) const;

    int deliveries() const { return m_deliveries; }

private:
    static QString key(
        TransitEstimate::Level level, const QString &carrier, const QString &service, const QString &region);

    int m_minimumSamples;
    int m_deliveries = 0;
    QHash<QString, std::vector<double>> m_samples;
    QHash<QString, TransitEstimate> m_groups;
};

} // namespace waybill::commerce
