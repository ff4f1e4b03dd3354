// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WooCommerceOrderParser.h"

#include "JsonFieldReader.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace waybill::commerce {

namespace {

/// Reads each object of a top-level JSON array with `read`; nothing when the answer is not such an array or
/// `read` refuses an element.
template <typename T>
std::optional<QList<T>> readArray(const QJsonDocument &document, QString *error,
    const std::function<std::optional<T>(const QJsonObject &, const QString &)> &read)
{
    if (!document.isArray()) {
        *error = QStringLiteral("the answer is not a JSON list");
        return std::nullopt;
    }
    const QJsonArray array = document.array();
    QList<T> result;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject()) {
            *error = where + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        std::optional<T> item = read(array.at(i).toObject(), where);
        if (!item) {
            return std::nullopt;
        }
        result.append(std::move(*item));
    }
    return result;
}

/// A GMT time written without a zone ("2017-03-22T19:28:08"), as UTC ISO 8601 text ("…Z").
QString utcText(const QString &gmt)
{
    return gmt.isEmpty() || gmt.endsWith(u'Z') ? gmt : gmt + u'Z';
}

} // namespace

std::optional<QList<StoreOrder>> WooCommerceOrderParser::parseOrders(
    const QJsonDocument &document, const QString &account, QString *error)
{
    return readArray<StoreOrder>(document, error,
        [&](const QJsonObject &object, const QString &where) { return parseOrder(object, account, where, error); });
}

std::optional<StoreOrder> WooCommerceOrderParser::parseOrder(
    const QJsonObject &object, const QString &account, const QString &where, QString *error)
{
    JsonFieldReader r(object, where, error);
    StoreOrder result;
    domain::Order &o = result.order;
    o.source = QStringLiteral("woocommerce");
    o.account = account;
    o.externalId = QString::number(r.id(QStringLiteral("id")));
    const QString number = r.text(QStringLiteral("number"), true).trimmed();
    o.number = number.startsWith(u'#') ? number : u'#' + number;
    o.currency = r.text(QStringLiteral("currency"), true).toUpper();
    o.status = r.text(QStringLiteral("status"), true);
    QString modified;
    o.updatedAt = r.time(QStringLiteral("date_modified_gmt"), true, &modified, Qt::UTC);
    result.updatedAtText = utcText(modified);
    o.placedAt = r.time(QStringLiteral("date_created_gmt"), true, nullptr, Qt::UTC);
    if (!r.ok()) {
        return std::nullopt;
    }
    if (number.isEmpty()) {
        r.problem(QStringLiteral("number"), QStringLiteral("is empty"));
        return std::nullopt;
    }
    o.totalCents = r.money(QStringLiteral("total"), o.currency, true);
    o.taxCents = r.money(QStringLiteral("total_tax"), o.currency);
    o.shippingCents = r.money(QStringLiteral("shipping_total"), o.currency);

    const QJsonObject billing = r.object(QStringLiteral("billing"));
    const QJsonObject shipping = r.object(QStringLiteral("shipping"));
    JsonFieldReader b(billing, r.path(QStringLiteral("billing")), error);
    JsonFieldReader s(shipping, r.path(QStringLiteral("shipping")), error);
    result.email = b.text(QStringLiteral("email")).trimmed().toLower();
    result.customerFirstName = b.text(QStringLiteral("first_name")).trimmed();
    result.customerName = QString(result.customerFirstName + u' ' + b.text(QStringLiteral("last_name"))).trimmed();
    QString state = s.text(QStringLiteral("state")).trimmed();
    QString country = s.text(QStringLiteral("country")).trimmed().toUpper();
    if (state.isEmpty() && country.isEmpty()) {
        state = b.text(QStringLiteral("state")).trimmed();
        country = b.text(QStringLiteral("country")).trimmed().toUpper();
    }
    o.shippingRegion = state.isEmpty() ? country : country.isEmpty() ? state : state + QStringLiteral(", ") + country;
    if (!r.ok() || !b.ok() || !s.ok()) {
        return std::nullopt;
    }

    const QJsonArray lines = r.array(QStringLiteral("line_items"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString lineWhere = r.path(QStringLiteral("line_items[%1]").arg(i));
        if (!lines.at(i).isObject()) {
            *error = lineWhere + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        JsonFieldReader l(lines.at(i).toObject(), lineWhere, error);
        domain::OrderLine line;
        line.externalId = QString::number(l.id(QStringLiteral("id")));
        line.sku = l.text(QStringLiteral("sku"));
        line.title = l.text(QStringLiteral("name"), true);
        line.quantity = l.integer(QStringLiteral("quantity"));
        // The line's subtotal is before discounts, for all units; price is per unit (a number in v3).
        const qint64 subtotal = l.money(QStringLiteral("subtotal"), o.currency, true);
        line.unitPriceCents = l.isNull(QStringLiteral("price")) ? (line.quantity > 0 ? subtotal / line.quantity : 0)
                                                                : l.money(QStringLiteral("price"), o.currency);
        if (!l.ok()) {
            return std::nullopt;
        }
        o.subtotalCents += subtotal;
        o.lines.append(line);
    }

    // The order lists its refunds with negative totals; /orders/<id>/refunds has the dates and is read when any.
    const QJsonArray refunds = r.array(QStringLiteral("refunds"));
    for (qsizetype i = 0; i < refunds.size(); ++i) {
        const QString refundWhere = r.path(QStringLiteral("refunds[%1]").arg(i));
        if (!refunds.at(i).isObject()) {
            *error = refundWhere + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        JsonFieldReader f(refunds.at(i).toObject(), refundWhere, error);
        domain::OrderRefund refund;
        refund.externalId = QString::number(f.id(QStringLiteral("id")));
        refund.note = f.text(QStringLiteral("reason"));
        refund.amountCents = -f.money(QStringLiteral("total"), o.currency, true);
        if (!f.ok()) {
            return std::nullopt;
        }
        o.refundedCents += refund.amountCents;
        result.refunds.append(refund);
    }
    if (!r.ok()) {
        return std::nullopt;
    }
    return result;
}

std::optional<QList<domain::OrderNote>> WooCommerceOrderParser::parseNotes(
    const QJsonDocument &document, QString *error)
{
    return readArray<domain::OrderNote>(
        document, error, [&](const QJsonObject &object, const QString &where) -> std::optional<domain::OrderNote> {
            JsonFieldReader r(object, where, error);
            domain::OrderNote note;
            note.externalId = QString::number(r.id(QStringLiteral("id")));
            note.author = r.text(QStringLiteral("author"));
            note.text = r.text(QStringLiteral("note"), true);
            note.createdAt = r.time(QStringLiteral("date_created_gmt"), true, nullptr, Qt::UTC);
            const QJsonValue toCustomer = object.value(QStringLiteral("customer_note"));
            if (!toCustomer.isBool() && !toCustomer.isUndefined() && !toCustomer.isNull()) {
                r.problem(QStringLiteral("customer_note"), QStringLiteral("is not true or false"));
            }
            note.toCustomer = toCustomer.toBool();
            if (!r.ok()) {
                return std::nullopt;
            }
            return note;
        });
}

std::optional<QList<domain::OrderRefund>> WooCommerceOrderParser::parseRefunds(
    const QJsonDocument &document, const QString &currency, QString *error)
{
    return readArray<domain::OrderRefund>(
        document, error, [&](const QJsonObject &object, const QString &where) -> std::optional<domain::OrderRefund> {
            JsonFieldReader r(object, where, error);
            domain::OrderRefund refund;
            refund.externalId = QString::number(r.id(QStringLiteral("id")));
            refund.amountCents = r.money(QStringLiteral("amount"), currency, true);
            refund.note = r.text(QStringLiteral("reason"));
            refund.createdAt = r.time(QStringLiteral("date_created_gmt"), true, nullptr, Qt::UTC);
            if (!r.ok()) {
                return std::nullopt;
            }
            return refund;
        });
}

} // namespace waybill::commerce
