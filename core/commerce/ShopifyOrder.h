// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Order.h"
#include "domain/Shipment.h"

#include <QList>
#include <QString>

namespace waybill::commerce {

/// One order of a Shopify orders page, read into Waybill's types: the order with its lines, who bought it, its
/// fulfillments as shipments (one per tracking number) and its refunds. Ids (order, customer, shipment) are 0 until
/// stored.
struct ShopifyOrder {
    domain::Order order; ///< source "shopify", number = the order's name ("#1001")
    QString email; ///< the buyer's e-mail address in lower case, or empty
    QString customerName;
    QString customerFirstName;
    QList<domain::Shipment> shipments;
    QList<domain::OrderRefund> refunds;
    QString updatedAtText; ///< updated_at as Shopify wrote it
};

} // namespace waybill::commerce
