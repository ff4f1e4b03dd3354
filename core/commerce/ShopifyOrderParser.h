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

/// Reads Shopify Admin REST order payloads (`{"orders": [...]}` pages and single orders) into StoreOrders.
/// Fulfillments that were cancelled or failed are not shipments.
/// Strict about what Waybill relies on (ids, names, dates, money, arrays) and lenient about the rest (nulls and
/// missing optional fields): a page with anything wrong is refused as a whole, with an error that names the field
/// ("orders[2].total_price is not an amount: \"abc\""), so that nothing from it is stored. Pure; any thread.
class ShopifyOrderParser final {
public:
    /// The orders of a page, or nothing with `error` set.
    static std::optional<QList<StoreOrder>> parsePage(
        const QJsonDocument &document, const QString &account, QString *error);
    /// One order object; `where` prefixes error messages ("orders[2]").
    static std::optional<StoreOrder> parseOrder(
        const QJsonObject &object, const QString &account, const QString &where, QString *error);

    /// A decimal amount ("598.94") in minor units of `currency` (two decimals unless the currency has none or
    /// three), exactly, without floating point; nothing when it is not a decimal number.
    static std::optional<qint64> minorUnits(const QString &amount, const QString &currency);
    /// Shopify's shipment_status (in_transit, delivered, …) as a tracking status; Unknown for null or others.
    static domain::TrackingStatus trackingStatus(const QString &shipmentStatus);
};

} // namespace waybill::commerce
