// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonOrderParser.h"

#include "JsonFieldReader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace waybill::commerce {

namespace {

/// The `payload` object of an SP-API answer, or nothing with `error` set.
std::optional<QJsonObject> payloadOf(const QJsonDocument &document, QString *error)
{
    if (!document.isObject()) {
        *error = QStringLiteral("the answer is not a JSON object with \"payload\"");
        return std::nullopt;
    }
    const QJsonValue payload = document.object().value(QStringLiteral("payload"));
    if (!payload.isObject()) {
        *error = payload.isUndefined() ? QStringLiteral("the answer has no \"payload\"")
                                       : QStringLiteral("\"payload\" is not an object");
        return std::nullopt;
    }
    return payload.toObject();
}

/// A Money object ({"CurrencyCode": "USD", "Amount": "11.01"}) in minor units; `currency` receives its code.
qint64 moneyOf(JsonFieldReader &parent, const QString &key, QString *currency, QString *error)
{
    const QJsonObject money = parent.object(key);
    if (money.isEmpty() || !parent.ok()) {
        return 0;
    }
    JsonFieldReader m(money, parent.path(key), error);
    const QString code = m.text(QStringLiteral("CurrencyCode"), true).toUpper();
    const qint64 cents = m.money(QStringLiteral("Amount"), code, true);
    if (!m.ok()) {
        parent.nestedFailed();
        return 0;
    }
    if (currency) {
        *currency = code;
    }
    return cents;
}

} // namespace

QString AmazonOrderParser::statusKey(const QString &orderStatus)
{
    if (orderStatus == QLatin1String("Canceled")) {
        return QStringLiteral("cancelled");
    }
    QString key;
    for (qsizetype i = 0; i < orderStatus.size(); ++i) {
        const QChar c = orderStatus.at(i);
        if (c.isUpper() && i > 0) {
            key += u'_';
        }
        key += c.toLower();
    }
    return key;
}

std::optional<AmazonOrderParser::OrdersPage> AmazonOrderParser::parseOrders(
    const QJsonDocument &document, const QString &account, QString *error)
{
    const std::optional<QJsonObject> payload = payloadOf(document, error);
    if (!payload) {
        return std::nullopt;
    }
    JsonFieldReader p(*payload, QStringLiteral("payload"), error);
    OrdersPage page;
    page.nextToken = p.text(QStringLiteral("NextToken"));
    if (!payload->value(QStringLiteral("Orders")).isArray()) {
        p.problem(QStringLiteral("Orders"), QStringLiteral("is not a list"));
    }
    const QJsonArray orders = p.array(QStringLiteral("Orders"));
    if (!p.ok()) {
        return std::nullopt;
    }
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const QString where = p.path(QStringLiteral("Orders[%1]").arg(i));
        if (!orders.at(i).isObject()) {
            *error = where + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        std::optional<StoreOrder> order = parseOrder(orders.at(i).toObject(), account, where, error);
        if (!order) {
            return std::nullopt;
        }
        page.orders.append(std::move(*order));
    }
    return page;
}

std::optional<StoreOrder> AmazonOrderParser::parseOrder(
    const QJsonObject &object, const QString &account, const QString &where, QString *error)
{
    JsonFieldReader r(object, where, error);
    StoreOrder result;
    domain::Order &o = result.order;
    o.source = QStringLiteral("amazon");
    o.account = account;
    o.number = r.text(QStringLiteral("AmazonOrderId"), true).trimmed();
    o.externalId = o.number;
    o.placedAt = r.time(QStringLiteral("PurchaseDate"), true);
    o.updatedAt = r.time(QStringLiteral("LastUpdateDate"), true, &result.updatedAtText);
    o.status = statusKey(r.text(QStringLiteral("OrderStatus"), true));
    o.totalCents = moneyOf(r, QStringLiteral("OrderTotal"), &o.currency, error);

    const QJsonObject buyer = r.object(QStringLiteral("BuyerInfo"));
    JsonFieldReader b(buyer, r.path(QStringLiteral("BuyerInfo")), error);
    result.email = b.text(QStringLiteral("BuyerEmail")).trimmed().toLower();
    result.customerName = b.text(QStringLiteral("BuyerName")).trimmed();

    const QJsonObject address = r.object(QStringLiteral("ShippingAddress"));
    JsonFieldReader a(address, r.path(QStringLiteral("ShippingAddress")), error);
    const QString region = a.text(QStringLiteral("StateOrRegion")).trimmed();
    const QString country = a.text(QStringLiteral("CountryCode")).trimmed().toUpper();
    o.shippingRegion = region.isEmpty() ? country
        : country.isEmpty()             ? region
                                        : region + QStringLiteral(", ") + country;
    if (result.customerName.isEmpty()) {
        result.customerName = a.text(QStringLiteral("Name")).trimmed();
    }
    if (!r.ok() || !b.ok() || !a.ok()) {
        return std::nullopt;
    }
    if (o.number.isEmpty()) {
        r.problem(QStringLiteral("AmazonOrderId"), QStringLiteral("is empty"));
        return std::nullopt;
    }
    result.customerFirstName = result.customerName.section(u' ', 0, 0);
    return result;
}

std::optional<AmazonOrderParser::ItemsPage> AmazonOrderParser::parseItems(const QJsonDocument &document, QString *error)
{
    const std::optional<QJsonObject> payload = payloadOf(document, error);
    if (!payload) {
        return std::nullopt;
    }
    JsonFieldReader p(*payload, QStringLiteral("payload"), error);
    ItemsPage page;
    page.nextToken = p.text(QStringLiteral("NextToken"));
    if (!payload->value(QStringLiteral("OrderItems")).isArray()) {
        p.problem(QStringLiteral("OrderItems"), QStringLiteral("is not a list"));
    }
    const QJsonArray items = p.array(QStringLiteral("OrderItems"));
    if (!p.ok()) {
        return std::nullopt;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString where = p.path(QStringLiteral("OrderItems[%1]").arg(i));
        if (!items.at(i).isObject()) {
            *error = where + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        JsonFieldReader r(items.at(i).toObject(), where, error);
        domain::OrderLine line;
        line.externalId = r.text(QStringLiteral("OrderItemId"), true);
        line.sku = r.text(QStringLiteral("SellerSKU"));
        if (line.sku.isEmpty()) {
            line.sku = r.text(QStringLiteral("ASIN"), true);
        }
        line.title = r.text(QStringLiteral("Title"));
        line.quantity = r.integer(QStringLiteral("QuantityOrdered"));
        QString currency;
        const qint64 price = moneyOf(r, QStringLiteral("ItemPrice"), &currency, error);
        page.taxCents += moneyOf(r, QStringLiteral("ItemTax"), nullptr, error);
        page.taxCents += moneyOf(r, QStringLiteral("ShippingTax"), nullptr, error);
        page.shippingCents += moneyOf(r, QStringLiteral("ShippingPrice"), nullptr, error);
        if (!r.ok()) {
            return std::nullopt;
        }
        // ItemPrice is the price of all the units ordered.
        line.unitPriceCents = line.quantity > 0 ? price / line.quantity : price;
        page.itemsCents += price;
        if (page.currency.isEmpty()) {
            page.currency = currency;
        }
        page.lines.append(line);
    }
    return page;
}

} // namespace waybill::commerce
