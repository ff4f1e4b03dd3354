// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>

#include <optional>

namespace waybill::commerce {

/// An order field that a column of an order CSV can fill. Order-level fields repeat on every row of a multi-row
/// order (or are left empty on the extra rows); line fields describe one line item per row.
enum class OrderField {
    Number, ///< required: the shop's or marketplace's order number
    PlacedAt, ///< required: when the order was placed
    Status,
    CustomerEmail,
    CustomerName,
    BuyerUserId, ///< the buyer's user id on the marketplace (eBay's "Buyer Username")
    Currency,
    Subtotal,
    Shipping,
    Tax,
    Total,
    LineSku,
    LineItemId, ///< the marketplace's listing the line was bought from (eBay's "Item Number")
    LineTitle,
    LineQuantity,
    LinePrice, ///< the price of one unit
    LineTotal, ///< the price of the whole line (unit price × quantity), when the file has no unit price
    TrackingNumber,
    Carrier,
    ShippingService,
};

/// For QHash<OrderField, …> (Qt 6.4 has no qHash for enumerations).
inline size_t qHash(OrderField field, size_t seed = 0) noexcept
{
    return ::qHash(int(field), seed);
}

/// Every field, in the order the mapping table shows them.
QList<OrderField> allOrderFields();
/// The field's key for `--map key=Column` ("number", "placed_at", "email", …).
QString orderFieldKey(OrderField field);
/// The field for a key, or std::nullopt.
std::optional<OrderField> orderFieldFromKey(const QString &key);
/// The field's name for people ("Order number").
QString orderFieldLabel(OrderField field);

} // namespace waybill::commerce
