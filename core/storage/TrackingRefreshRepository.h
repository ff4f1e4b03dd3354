// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commerce/TrackedShipment.h"

#include <QList>

#include <optional>

namespace waybill::storage {

class Database;

/// What the tracking refresh reads and records about shipments: the ones still moving (not delivered or returned,
/// with a tracking number) and when a provider was last asked about each. Used on the engine's writer connection;
/// throws StorageError.
class TrackingRefreshRepository final {
public:
    explicit TrackingRefreshRepository(const Database &database);

    /// Shipments that are not final and have a tracking number, oldest first.
    QList<commerce::TrackedShipment> active() const;
    /// The shipment if it is not final and has a tracking number (what refresh may ask about).
    std::optional<commerce::TrackedShipment> active(qint64 shipmentId) const;
    /// Records that a provider was asked about the shipment at `now` (whatever it answered).
    void markChecked(qint64 shipmentId, qint64 now) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
