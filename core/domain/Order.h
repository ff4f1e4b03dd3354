// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace waybill::domain {

/// One line of an order.
struct OrderLine {
    qint64 id = 0;
    QString sku;
    QString title;
    int quantity = 0;
    qint64 unitPriceCents = 0;
    QString externalId {}; ///< the store's line item id, empty for orders not synchronised from a store
};

/// Money given back on an order, as the store reports it.
struct OrderRefund {
    qint64 id = 0;
    QString externalId; ///< the store's refund id
    qint64 amountCents = 0;
    QString note;
    qint64 createdAt = 0;
};

/// A note on an order, as the store keeps it (WooCommerce's order notes): written by the shop's staff or the
/// system, and shown to the customer when `toCustomer`.
struct OrderNote {
    qint64 id = 0;
    QString externalId; ///< the store's note id
    QString author;
    QString text;
    bool toCustomer = false;
    qint64 createdAt = 0;
};

/// A customer's order from a store or marketplace; source is "shopify", "woocommerce", "amazon" or "ebay".
struct Order {
    qint64 id = 0;
    QString source;
    QString number;
    qint64 customerId = 0;
    qint64 placedAt = 0;
    QString currency;
    qint64 subtotalCents = 0;
    qint64 shippingCents = 0;
    qint64 taxCents = 0;
    qint64 totalCents = 0;
    QString status;
    QList<OrderLine> lines;
    QString account {}; ///< the store account it was synchronised from ("shopify:shop.myshopify.com"), or empty
    QString externalId {}; ///< the store's order id, or empty
    qint64 updatedAt = 0; ///< when the store last changed it; 0 when not known
    qint64 refundedCents = 0; ///< the sum of its refunds
    QString shippingRegion {}; ///< where it ships: "WA, US" (state or region, country code), or empty
};

} // namespace waybill::domain
