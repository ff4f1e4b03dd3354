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

/// Reads WooCommerce REST API v3 answers: order lists (`GET /wp-json/wc/v3/orders`, a JSON array) into StoreOrders
/// (source "woocommerce", number "#727" as the store shows it, the refunds the order lists with their totals),
/// an order's notes (`/orders/<id>/notes`) and its refunds (`/orders/<id>/refunds`). Times are read from the
/// *_gmt fields. Strict about what Waybill relies on (ids, numbers, dates, money, lists), lenient about the rest;
/// an answer with anything wrong is refused whole with an error naming the field ("[2].total is not an amount:
/// \"abc\""). Pure; any thread.
class WooCommerceOrderParser final {
public:
    static std::optional<QList<StoreOrder>> parseOrders(
        const QJsonDocument &document, const QString &account, QString *error);
    static std::optional<StoreOrder> parseOrder(
        const QJsonObject &object, const QString &account, const QString &where, QString *error);
    static std::optional<QList<domain::OrderNote>> parseNotes(const QJsonDocument &document, QString *error);
    /// Refund amounts are positive ("10.00") in `currency`.
    static std::optional<QList<domain::OrderRefund>> parseRefunds(
        const QJsonDocument &document, const QString &currency, QString *error);
};

} // namespace waybill::commerce
