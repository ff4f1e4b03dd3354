// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/TrackingStatus.h"

#include <QList>

namespace waybill::storage {

/// What applying one tracking update changed (see TrackingRepository::apply): the engine turns it into change
/// notices for the conversations and into rules (delay, exception and delivered messages).
struct TrackingApplyResult {
    qint64 shipmentId = 0;
    int newEvents = 0; ///< events stored now; a re-delivered update stores none
    bool statusChanged = false;
    bool expectedChanged = false;
    domain::TrackingStatus status = domain::TrackingStatus::Unknown; ///< the shipment's status afterwards
    QList<qint64> conversations; ///< conversations whose tracking chip was refreshed

    bool changed() const { return newEvents > 0 || statusChanged || expectedChanged; }
};

} // namespace waybill::storage
