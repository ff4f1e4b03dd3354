// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryEstimator.h"

#include "CarrierDirectory.h"
#include "domain/Shipment.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>

#include <cmath>
#include <utility>

namespace waybill::commerce {

namespace {

constexpr double SecondsPerDay = 86400.0;

QString tr(const char *text)
{
    return QCoreApplication::translate("DeliveryEstimator", text);
}

QString reasonFor(const TransitEstimate &transit, const domain::Shipment &shipment, const QString &region)
{
    const auto low = static_cast<int>(std::lround(transit.p50Days));
    const auto high = std::max(low, static_cast<int>(std::ceil(transit.p90Days)));
    const QString days = low == high ? tr("%1 days").arg(low) : tr("%1–%2 days").arg(low).arg(high);
    const QString carrier = CarrierDirectory::displayName(shipment.carrier);
    QString with;
    switch (transit.level) {
    case TransitEstimate::Level::CarrierServiceRegion:
        with = tr("with %1 %2 to %3").arg(carrier, shipment.service, region);
        break;
    case TransitEstimate::Level::CarrierService:
        with = tr("with %1 %2").arg(carrier, shipment.service);
        break;
    case TransitEstimate::Level::Carrier:
        with = tr("with %1").arg(carrier);
        break;
    case TransitEstimate::Level::All:
    case TransitEstimate::Level::None:
        with = tr("across all carriers");
        break;
    }
    return tr("usually %1 %2, from %3 deliveries").arg(days, with.simplified()).arg(transit.samples);
}

} // namespace

DeliveryEstimator::DeliveryEstimator(TransitTimeModel model)
    : m_model(std::move(model))
{
}

DeliveryEstimate DeliveryEstimator::estimate(
    const domain::Shipment &shipment, const QString &region, bool carrierDateKnown) const
{
    DeliveryEstimate result;
    if (carrierDateKnown && shipment.expectedAt > 0) {
        result.expectedAt = shipment.expectedAt;
        result.lateAfter = shipment.expectedAt;
        result.fromCarrier = true;
        result.reason = tr("the carrier's date");
        return result;
    }
    if (shipment.shippedAt <= 0) {
        result.reason = tr("not shipped yet");
        return result;
    }
    const TransitEstimate transit = m_model.estimate(shipment.carrier, shipment.service, region);
    if (!transit.isKnown()) {
        result.reason = tr("no deliveries to learn from yet");
        return result;
    }
    result.expectedAt = shipment.shippedAt + std::llround(transit.p50Days * SecondsPerDay);
    result.lateAfter = shipment.shippedAt + std::llround(transit.p90Days * SecondsPerDay);
    result.samples = transit.samples;
    result.reason = reasonFor(transit, shipment, region);
    return result;
}

int DeliveryEstimator::refresh(const storage::Database &database)
{
    const DeliveryEstimator estimator(TransitTimeModel::fromDatabase(database));
    storage::TransactionGuard guard(database);
    storage::SqlQuery select(database,
        QStringLiteral("SELECT id, carrier, service, destination_region, shipped_at, expected_at, "
                       "expected_estimated, late_after FROM shipments "
                       "WHERE delivered_at IS NULL AND status NOT IN (?, ?)"));
    select.bind(domain::trackingStatusKey(domain::TrackingStatus::Delivered))
        .bind(domain::trackingStatusKey(domain::TrackingStatus::ReturnToSender));
    select.exec();
    struct Change {
        qint64 id;
        DeliveryEstimate estimate;
    };
    std::vector<Change> changes;
    while (select.next()) {
        domain::Shipment shipment;
        shipment.id = select.int64(0);
        shipment.carrier = select.text(1);
        shipment.service = select.text(2);
        shipment.shippedAt = select.int64(4);
        shipment.expectedAt = select.int64(5);
        const bool carrierDate = shipment.expectedAt > 0 && select.int64(6) == 0;
        const DeliveryEstimate estimate = estimator.estimate(shipment, select.text(3), carrierDate);
        const qint64 oldLateAfter = select.int64(7);
        if (estimate.lateAfter != oldLateAfter || (!carrierDate && estimate.expectedAt != shipment.expectedAt)) {
            changes.push_back({ shipment.id, estimate });
        }
    }
    select.finish();
    storage::SqlQuery update(database,
        QStringLiteral("UPDATE shipments SET expected_at = ?, late_after = ?, "
                       "expected_estimated = ? WHERE id = ?"));
    for (const Change &change : changes) {
        update.bindOptional(change.estimate.expectedAt)
            .bindOptional(change.estimate.lateAfter)
            .bind(change.estimate.fromCarrier || change.estimate.expectedAt == 0 ? 0 : 1)
            .bind(change.id)
            .exec();
    }
    guard.commit();
    return static_cast<int>(changes.size());
}

} // namespace waybill::commerce
