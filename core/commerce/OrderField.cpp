// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderField.h"

#include <QCoreApplication>

namespace waybill::commerce {

QList<OrderField> allOrderFields()
{
    return { OrderField::Number, OrderField::PlacedAt, OrderField::Status, OrderField::CustomerEmail,
        OrderField::CustomerName, OrderField::BuyerUserId, OrderField::Currency, OrderField::Subtotal,
        OrderField::Shipping, OrderField::Tax, OrderField::Total, OrderField::LineSku, OrderField::LineItemId,
        OrderField::LineTitle, OrderField::LineQuantity, OrderField::LinePrice, OrderField::LineTotal,
        OrderField::TrackingNumber, OrderField::Carrier, OrderField::ShippingService };
}

QString orderFieldKey(OrderField field)
{
    switch (field) {
    case OrderField::Number:
        return QStringLiteral("number");
    case OrderField::PlacedAt:
        return QStringLiteral("placed_at");
    case OrderField::Status:
        return QStringLiteral("status");
    case OrderField::CustomerEmail:
        return QStringLiteral("email");
    case OrderField::CustomerName:
        return QStringLiteral("name");
    case OrderField::BuyerUserId:
        return QStringLiteral("buyer_user_id");
    case OrderField::Currency:
        return QStringLiteral("currency");
    case OrderField::Subtotal:
        return QStringLiteral("subtotal");
    case OrderField::Shipping:
        return QStringLiteral("shipping");
    case OrderField::Tax:
        return QStringLiteral("tax");
    case OrderField::Total:
        return QStringLiteral("total");
    case OrderField::LineSku:
        return QStringLiteral("sku");
    case OrderField::LineItemId:
        return QStringLiteral("item_id");
    case OrderField::LineTitle:
        return QStringLiteral("title");
    case OrderField::LineQuantity:
        return QStringLiteral("quantity");
    case OrderField::LinePrice:
        return QStringLiteral("price");
    case OrderField::LineTotal:
        return QStringLiteral("line_total");
    case OrderField::TrackingNumber:
        return QStringLiteral("tracking");
    case OrderField::Carrier:
        return QStringLiteral("carrier");
    case OrderField::ShippingService:
        return QStringLiteral("service");
    }
    return {};
}

std::optional<OrderField> orderFieldFromKey(const QString &key)
{
    const QString wanted = key.trimmed().toLower();
    for (const OrderField field : allOrderFields()) {
        if (orderFieldKey(field) == wanted) {
            return field;
        }
    }
    return std::nullopt;
}

QString orderFieldLabel(OrderField field)
{
    switch (field) {
    case OrderField::Number:
        return QCoreApplication::translate("OrderField", "Order number");
    case OrderField::PlacedAt:
        return QCoreApplication::translate("OrderField", "Placed at");
    case OrderField::Status:
        return QCoreApplication::translate("OrderField", "Status");
    case OrderField::CustomerEmail:
        return QCoreApplication::translate("OrderField", "Customer e-mail");
    case OrderField::CustomerName:
        return QCoreApplication::translate("OrderField", "Customer name");
    case OrderField::BuyerUserId:
        return QCoreApplication::translate("OrderField", "Buyer's marketplace user id");
    case OrderField::Currency:
        return QCoreApplication::translate("OrderField", "Currency");
    case OrderField::Subtotal:
        return QCoreApplication::translate("OrderField", "Subtotal");
    case OrderField::Shipping:
        return QCoreApplication::translate("OrderField", "Shipping");
    case OrderField::Tax:
        return QCoreApplication::translate("OrderField", "Tax");
    case OrderField::Total:
        return QCoreApplication::translate("OrderField", "Total");
    case OrderField::LineSku:
        return QCoreApplication::translate("OrderField", "Item SKU");
    case OrderField::LineItemId:
        return QCoreApplication::translate("OrderField", "Item listing number");
    case OrderField::LineTitle:
        return QCoreApplication::translate("OrderField", "Item title");
    case OrderField::LineQuantity:
        return QCoreApplication::translate("OrderField", "Item quantity");
    case OrderField::LinePrice:
        return QCoreApplication::translate("OrderField", "Item unit price");
    case OrderField::LineTotal:
        return QCoreApplication::translate("OrderField", "Item line total");
    case OrderField::TrackingNumber:
        return QCoreApplication::translate("OrderField", "Tracking number");
    case OrderField::Carrier:
        return QCoreApplication::translate("OrderField", "Carrier");
    case OrderField::ShippingService:
        return QCoreApplication::translate("OrderField", "Shipping service");
    }
    return {};
}

} // namespace waybill::commerce
