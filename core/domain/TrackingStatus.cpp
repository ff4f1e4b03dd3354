// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingStatus.h"

#include <QCoreApplication>

namespace waybill::domain {

QString trackingStatusKey(TrackingStatus status)
{
    switch (status) {
    case TrackingStatus::PreTransit:
        return QStringLiteral("pre_transit");
    case TrackingStatus::InTransit:
        return QStringLiteral("in_transit");
    case TrackingStatus::OutForDelivery:
        return QStringLiteral("out_for_delivery");
    case TrackingStatus::AvailableForPickup:
        return QStringLiteral("available_for_pickup");
    case TrackingStatus::Delivered:
        return QStringLiteral("delivered");
    case TrackingStatus::FailedAttempt:
        return QStringLiteral("failed_attempt");
    case TrackingStatus::Exception:
        return QStringLiteral("exception");
    case TrackingStatus::ReturnToSender:
        return QStringLiteral("return_to_sender");
    case TrackingStatus::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

TrackingStatus trackingStatusFromKey(const QString &key)
{
    for (const TrackingStatus status : AllTrackingStatuses) {
        if (trackingStatusKey(status) == key) {
            return status;
        }
    }
    return TrackingStatus::Unknown;
}

QString trackingStatusDisplayName(TrackingStatus status)
{
    switch (status) {
    case TrackingStatus::PreTransit:
        return QCoreApplication::translate("TrackingStatus", "Label created");
    case TrackingStatus::InTransit:
        return QCoreApplication::translate("TrackingStatus", "In transit");
    case TrackingStatus::OutForDelivery:
        return QCoreApplication::translate("TrackingStatus", "Out for delivery");
    case TrackingStatus::AvailableForPickup:
        return QCoreApplication::translate("TrackingStatus", "Ready for pickup");
    case TrackingStatus::Delivered:
        return QCoreApplication::translate("TrackingStatus", "Delivered");
    case TrackingStatus::FailedAttempt:
        return QCoreApplication::translate("TrackingStatus", "Delivery attempt failed");
    case TrackingStatus::Exception:
        return QCoreApplication::translate("TrackingStatus", "Exception");
    case TrackingStatus::ReturnToSender:
        return QCoreApplication::translate("TrackingStatus", "Returned to sender");
    case TrackingStatus::Unknown:
        return QCoreApplication::translate("TrackingStatus", "Unknown");
    }
    return {};
}

bool isDeliveryProblem(TrackingStatus status)
{
    return status == TrackingStatus::FailedAttempt || status == TrackingStatus::Exception
        || status == TrackingStatus::ReturnToSender;
}

bool isFinal(TrackingStatus status)
{
    return status == TrackingStatus::Delivered || status == TrackingStatus::ReturnToSender;
}

} // namespace waybill::domain
