// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Order.h"
#include "domain/Shipment.h"

#include <QList>
#include <QString>

namespace waybill::commerce {

/// One order read from a file, with what identifies its customer and the parcels the file names, before it is
/// stored (ids are 0). `line` is the file line its first row starts on.
struct ImportedOrder {
    domain::Order order;
    QString customerEmail; ///< lower-case; empty when the file has none
    QString customerName;
    QString buyerUserId; ///< the buyer's marketplace user id (an "ebay" identity), lower-case; empty when none
    QList<domain::Shipment> shipments;
    int line = 0;
};

} // namespace waybill::commerce
