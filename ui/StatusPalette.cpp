// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusPalette.h"

#include "domain/TrackingStatus.h"
#include "domain/WorkflowStates.h"

namespace waybill::ui {

namespace {

StatusPalette::Colors colors(QRgb foreground, QRgb background)
{
    return { QColor::fromRgb(foreground), QColor::fromRgb(background) };
}

} // namespace

StatusPalette::Colors StatusPalette::neutral()
{
    return colors(0x4b5563, 0xeef0f3);
}

StatusPalette::Colors StatusPalette::note()
{
    return colors(0x713f12, 0xfef6c7);
}

StatusPalette::Colors StatusPalette::tracking(const QString &statusKey, bool late)
{
    using domain::TrackingStatus;
    const TrackingStatus status = domain::trackingStatusFromKey(statusKey);
    if (late && !domain::isDeliveryProblem(status)) {
        return colors(0xb45309, 0xffedd5);
    }
    switch (status) {
    case TrackingStatus::PreTransit:
        return colors(0x475569, 0xe8ecf1);
    case TrackingStatus::InTransit:
        return colors(0x1d4ed8, 0xdbeafe);
    case TrackingStatus::OutForDelivery:
        return colors(0x0f766e, 0xccfbf1);
    case TrackingStatus::AvailableForPickup:
        return colors(0x7e22ce, 0xf3e8ff);
    case TrackingStatus::Delivered:
        return colors(0x15803d, 0xdcfce7);
    case TrackingStatus::FailedAttempt:
        return colors(0xa16207, 0xfef3c7);
    case TrackingStatus::Exception:
        return colors(0xb91c1c, 0xfee2e2);
    case TrackingStatus::ReturnToSender:
        return colors(0x9f1239, 0xffe4e6);
    case TrackingStatus::Unknown:
        break;
    }
    return neutral();
}

StatusPalette::Colors StatusPalette::returnState(const QString &stateKey)
{
    if (!domain::ReturnState::isActive(stateKey)) {
        return neutral();
    }
    return colors(0x6d28d9, 0xede9fe);
}

StatusPalette::Colors StatusPalette::claimState(const QString &stateKey)
{
    if (!domain::ClaimState::isActive(stateKey)) {
        return neutral();
    }
    return colors(0x9a3412, 0xffedd5);
}

StatusPalette::Colors StatusPalette::deadline(qint64 remainingSeconds, qint64 atRiskSeconds)
{
    if (remainingSeconds < 0) {
        return colors(0xb91c1c, 0xfee2e2);
    }
    if (remainingSeconds <= atRiskSeconds) {
        return colors(0xb45309, 0xfef3c7);
    }
    return colors(0x374151, 0xf1f3f5);
}

} // namespace waybill::ui
