// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Order.h"
#include "domain/Shipment.h"

#include <QList>
#include <QString>

namespace waybill::commerce {

/// One order read from a store's API (Shopify, WooCommerce, Amazon) into Waybill's types: the order with its
/// lines, who bought it, its shipments (one per tracking number), its refunds and notes. Ids (order, customer,
/// shipment) are 0 until StoreOrderWriter stores it.
struct StoreOrder {
    domain::Order order; ///< source "shopify", "woocommerce" or "amazon"; number as the store shows it
    QString email; ///< the buyer's e-mail address in lower case, or empty
    QString customerName;
    QString customerFirstName;
    QList<domain::Shipment> shipments;
    QList<domain::OrderRefund> refunds;
    QList<domain::OrderNote> notes;
    QString updatedAtText; ///< when the store last changed it, as the store wrote it (the sync cursor)
};

} // namespace waybill::commerce
