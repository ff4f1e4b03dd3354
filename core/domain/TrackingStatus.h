// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace waybill::domain {

/// The normalised shipment status every carrier and tracking provider is mapped to.
enum class TrackingStatus {
    PreTransit,
    InTransit,
    OutForDelivery,
    AvailableForPickup,
    Delivered,
    FailedAttempt,
    Exception,
    ReturnToSender,
    Unknown,
};

inline constexpr TrackingStatus AllTrackingStatuses[] = { TrackingStatus::PreTransit, TrackingStatus::InTransit,
    TrackingStatus::OutForDelivery, TrackingStatus::AvailableForPickup, TrackingStatus::Delivered,
    TrackingStatus::FailedAttempt, TrackingStatus::Exception, TrackingStatus::ReturnToSender, TrackingStatus::Unknown };

/// The stored name ("in_transit", ...).
QString trackingStatusKey(TrackingStatus status);
/// Unknown for anything unrecognised.
TrackingStatus trackingStatusFromKey(const QString &key);
QString trackingStatusDisplayName(TrackingStatus status);
/// True for the statuses that put a conversation in "Delivery problems" (late is judged separately).
bool isDeliveryProblem(TrackingStatus status);
/// True once a shipment will not move again by itself (delivered or returned to the sender).
bool isFinal(TrackingStatus status);

} // namespace waybill::domain
