// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingRefreshRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

TrackingRefreshRepository::TrackingRefreshRepository(const Database &database)
    : m_database(database)
{
}

namespace {

const QString ActiveShipments
    = QStringLiteral("SELECT id, tracking_number, carrier, status, coalesce(expected_at, 0), coalesce(late_after, 0), "
                     "coalesce(tracking_checked_at, 0) FROM shipments "
                     "WHERE tracking_number <> '' AND status NOT IN ('delivered', 'return_to_sender')");

commerce::TrackedShipment trackedShipment(const SqlQuery &q)
{
    commerce::TrackedShipment s;
    s.id = q.int64(0);
    s.trackingNumber = q.text(1);
    s.carrier = q.text(2);
    s.status = domain::trackingStatusFromKey(q.text(3));
    s.expectedAt = q.int64(4);
    s.lateAfter = q.int64(5);
    s.checkedAt = q.int64(6);
    return s;
}

} // namespace

QList<commerce::TrackedShipment> TrackingRefreshRepository::active() const
{
    SqlQuery q(m_database, ActiveShipments + QStringLiteral(" ORDER BY id"));
    q.exec();
    QList<commerce::TrackedShipment> shipments;
    while (q.next()) {
        shipments.append(trackedShipment(q));
    }
    return shipments;
}

std::optional<commerce::TrackedShipment> TrackingRefreshRepository::active(qint64 shipmentId) const
{
    SqlQuery q(m_database, ActiveShipments + QStringLiteral(" AND id = ?"));
    q.bind(shipmentId).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return trackedShipment(q);
}

void TrackingRefreshRepository::markChecked(qint64 shipmentId, qint64 now) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE shipments SET tracking_checked_at = ? WHERE id = ?"));
    q.bind(now).bind(shipmentId).exec();
}

} // namespace waybill::storage
