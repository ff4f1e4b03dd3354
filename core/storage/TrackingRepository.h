// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingApplyResult.h"
#include "commerce/TrackingUpdate.h"

#include <QList>
#include <QString>

namespace waybill::storage {

class Database;

/// Writes carrier and tracking-provider updates onto stored shipments: status, expected and delivery time, and the
/// tracking events, de-duplicated on (time, status, message) so that a webhook delivered twice stores nothing
/// twice; then refreshes the tracking chip of the conversations linked to the shipment's order. Each apply is one
/// transaction (a savepoint inside the caller's). Used on the engine's writer connection; throws StorageError.
class TrackingRepository final {
public:
    explicit TrackingRepository(const Database &database);

    /// Shipments whose tracking number is this one (ignoring case, spaces and dashes), oldest first.
    QList<qint64> shipmentsWithNumber(const QString &trackingNumber) const;
    /// Applies `update` to one shipment. An update whose newest event is older than the newest one stored (a late
    /// or replayed delivery) adds its missing events but does not move the status back. Throws
    /// StorageError::Kind::NotFound when the shipment does not exist.
    TrackingApplyResult apply(qint64 shipmentId, const commerce::TrackingUpdate &update, qint64 now) const;
    /// Applies `update` to every shipment with its tracking number; throws StorageError::Kind::NotFound when
    /// there is none.
    QList<TrackingApplyResult> applyToNumber(const commerce::TrackingUpdate &update, qint64 now) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
