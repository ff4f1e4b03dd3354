// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreOrder.h"

#include <QJsonDocument>
#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

namespace waybill::commerce {

/// Reads Selling Partner API Orders v0 answers: getOrders pages (`{"payload": {"Orders": [...], "NextToken": …}}`)
/// into StoreOrders (source "amazon", number = AmazonOrderId "113-1234567-1234567"), and getOrderItems pages into
/// order lines with the item totals. Strict about what Waybill relies on (ids, dates, money, lists), lenient about
/// fields it does not read; a page with anything wrong is refused whole with an error naming the field
/// ("payload.Orders[1].OrderTotal.Amount is not an amount: \"x\""). Pure; any thread.
class AmazonOrderParser final {
public:
    struct OrdersPage {
        QList<StoreOrder> orders; ///< without lines: those come from getOrderItems
        QString nextToken; ///< empty on the last page
    };
    struct ItemsPage {
        QList<domain::OrderLine> lines;
        QString currency; ///< of the item prices, upper case (empty when no item has one)
        qint64 itemsCents = 0; ///< the sum of ItemPrice (the price of all units of each item)
        qint64 taxCents = 0; ///< the sum of ItemTax and ShippingTax
        qint64 shippingCents = 0; ///< the sum of ShippingPrice
        QString nextToken; ///< empty on the last page
    };

    static std::optional<OrdersPage> parseOrders(const QJsonDocument &document, const QString &account, QString *error);
    static std::optional<ItemsPage> parseItems(const QJsonDocument &document, QString *error);
    /// One Order object; `where` prefixes error messages.
    static std::optional<StoreOrder> parseOrder(
        const QJsonObject &object, const QString &account, const QString &where, QString *error);
    /// OrderStatus ("PartiallyShipped", "Canceled") as Waybill's status key ("partially_shipped", "cancelled").
    static QString statusKey(const QString &orderStatus);
};

} // namespace waybill::commerce
