// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingRepository.h"

#include "ConversationRepository.h"
#include "Database.h"
#include "SqlQuery.h"
#include "StorageError.h"
#include "TransactionGuard.h"
#include "commerce/CarrierDetector.h"

#include <QCoreApplication>

#include <algorithm>

namespace waybill::storage {

using domain::TrackingStatus;

TrackingRepository::TrackingRepository(const Database &database)
    : m_database(database)
{
}

QList<qint64> TrackingRepository::shipmentsWithNumber(const QString &trackingNumber) const
{
    QList<qint64> ids;
    const QString wanted = commerce::CarrierDetector::normalise(trackingNumber);
    if (wanted.isEmpty()) {
        return ids;
    }
    // Stored numbers are usually already normalised: the exact match uses the index; the second branch catches
    // numbers stored with spaces, dashes or in lower case.
    SqlQuery q(m_database,
        QStringLiteral("SELECT id FROM shipments WHERE tracking_number = ? "
                       "OR upper(replace(replace(tracking_number, ' ', ''), '-', '')) = ? ORDER BY id"));
    q.bind(wanted).bind(wanted).exec();
    while (q.next()) {
        ids.append(q.int64(0));
    }
    return ids;
}

TrackingApplyResult TrackingRepository::apply(
    qint64 shipmentId, const commerce::TrackingUpdate &update, qint64 now) const
{
    TransactionGuard transaction(m_database);
    SqlQuery s(m_database,
        QStringLiteral(
            "SELECT order_id, status, coalesce(expected_at, 0), coalesce(delivered_at, 0), carrier, service, "
            "(SELECT coalesce(max(occurred_at), 0) FROM tracking_events WHERE shipment_id = shipments.id) "
            "FROM shipments WHERE id = ?"));
    s.bind(shipmentId).exec();
    if (!s.next()) {
        throw StorageError(StorageError::Kind::NotFound,
            QCoreApplication::translate("TrackingRepository",
                "The shipment for this tracking update no longer exists; it may have been deleted."),
            QStringLiteral("shipment %1").arg(shipmentId));
    }
    const qint64 orderId = s.int64(0);
    const TrackingStatus oldStatus = domain::trackingStatusFromKey(s.text(1));
    const qint64 oldExpected = s.int64(2);
    const qint64 oldDelivered = s.int64(3);
    const QString carrier = s.text(4);
    const QString service = s.text(5);
    const qint64 newestStored = s.int64(6);
    s.finish();

    TrackingApplyResult result;
    result.shipmentId = shipmentId;
    qint64 newestIncoming = 0;
    for (const domain::TrackingEvent &event : update.events) {
        newestIncoming = std::max(newestIncoming, event.occurredAt);
        const QString status = domain::trackingStatusKey(event.status);
        SqlQuery &exists = m_database.prepared(
            QStringLiteral("SELECT 1 FROM tracking_events WHERE shipment_id = ? AND occurred_at = ? AND status = ? "
                           "AND message = ? LIMIT 1"));
        exists.bind(shipmentId).bind(event.occurredAt).bind(status).bind(event.message).exec();
        const bool known = exists.next();
        exists.finish();
        if (known) {
            continue;
        }
        SqlQuery &insert = m_database.prepared(QStringLiteral("INSERT INTO tracking_events (shipment_id, occurred_at, "
                                                              "status, location, message) VALUES (?, ?, ?, ?, ?)"));
        insert.bind(shipmentId).bind(event.occurredAt).bind(status).bind(event.location).bind(event.message).exec();
        ++result.newEvents;
    }

    // A stale update (all its events older than what is stored) must not move the status backwards.
    const bool stale = !update.events.isEmpty() && newestIncoming < newestStored;
    TrackingStatus status = oldStatus;
    if (update.status != TrackingStatus::Unknown && (!stale || oldStatus == TrackingStatus::Unknown)) {
        status = update.status;
    }
    qint64 expected = oldExpected;
    const bool carrierDated = update.expectedAt > 0 && !stale;
    if (carrierDated) {
        expected = update.expectedAt;
    }
    qint64 delivered = 0;
    if (status == TrackingStatus::Delivered) {
        delivered = update.deliveredAt > 0 && !stale ? update.deliveredAt : oldDelivered;
        if (delivered == 0) {
            delivered = newestIncoming > 0 ? newestIncoming : now;
        }
    }
    result.status = status;
    result.statusChanged = status != oldStatus;
    result.expectedChanged = expected != oldExpected;
    const bool deliveredChanged = delivered != oldDelivered;

    if (result.changed() || deliveredChanged || (carrier.isEmpty() && !update.carrier.isEmpty())
        || (service.isEmpty() && !update.service.isEmpty())) {
        SqlQuery &u = m_database.prepared(QStringLiteral(
            "UPDATE shipments SET status = ?, expected_at = ?, delivered_at = ?, carrier = ?, service = ?, "
            "updated_at = max(updated_at, ?), "
            // The carrier's own date replaces an estimate from past deliveries (DeliveryEstimator).
            "late_after = CASE WHEN ? = 1 THEN NULL ELSE late_after END, "
            "expected_estimated = CASE WHEN ? = 1 THEN 0 ELSE expected_estimated END WHERE id = ?"));
        u.bind(domain::trackingStatusKey(status))
            .bindOptional(expected)
            .bindOptional(delivered)
            .bind(carrier.isEmpty() ? update.carrier : carrier)
            .bind(service.isEmpty() ? update.service : service)
            .bind(now)
            .bind(carrierDated ? 1 : 0)
            .bind(carrierDated ? 1 : 0)
            .bind(shipmentId)
            .exec();
    }

    if (result.statusChanged || result.expectedChanged) {
        SqlQuery c(m_database, QStringLiteral("SELECT id FROM conversations WHERE order_id = ? ORDER BY id"));
        c.bind(orderId).exec();
        while (c.next()) {
            result.conversations.append(c.int64(0));
        }
        const ConversationRepository conversations(m_database);
        for (const qint64 id : std::as_const(result.conversations)) {
            conversations.refreshOrderSnapshot(id, now);
        }
    }
    transaction.commit();
    return result;
}

QList<TrackingApplyResult> TrackingRepository::applyToNumber(const commerce::TrackingUpdate &update, qint64 now) const
{
    const QList<qint64> shipments = shipmentsWithNumber(update.trackingNumber);
    if (shipments.isEmpty()) {
        throw StorageError(StorageError::Kind::NotFound,
            QCoreApplication::translate("TrackingRepository", "No shipment has the tracking number %1.")
                .arg(update.trackingNumber));
    }
    QList<TrackingApplyResult> results;
    TransactionGuard transaction(m_database);
    for (const qint64 id : shipments) {
        results.append(apply(id, update, now));
    }
    transaction.commit();
    return results;
}

} // namespace waybill::storage
