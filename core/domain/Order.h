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
};

/// A customer's order from a store or marketplace; source is "shopify", "amazon" or "ebay".
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
};

} // namespace waybill::domain
