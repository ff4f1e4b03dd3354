// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopifyOrderParser.h"

#include "CarrierDirectory.h"
#include "JsonFieldReader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <utility>

namespace waybill::commerce {

namespace {

QString carrierFor(const QString &company, const QString &number, const QString &url)
{
    if (const QString known = CarrierDirectory::fromName(company); !known.isEmpty()) {
        return known;
    }
    if (const QString detected = CarrierDirectory::detect(number); !detected.isEmpty()) {
        return detected;
    }
    if (!company.isEmpty()) {
        return company;
    }
    // The tracking page's host names the carrier when nothing else does (wwwapps.ups.com).
    const QStringList labels = QUrl(url).host().toLower().split(u'.', Qt::SkipEmptyParts);
    return labels.size() >= 2 ? CarrierDirectory::fromName(labels.at(labels.size() - 2)) : QString();
}

} // namespace

std::optional<qint64> ShopifyOrderParser::minorUnits(const QString &amount, const QString &currency)
{
    return JsonFieldReader::minorUnits(amount, currency);
}

domain::TrackingStatus ShopifyOrderParser::trackingStatus(const QString &shipmentStatus)
{
    using domain::TrackingStatus;
    static const std::pair<const char *, TrackingStatus> Map[] = {
        { "label_printed", TrackingStatus::PreTransit },
        { "label_purchased", TrackingStatus::PreTransit },
        { "confirmed", TrackingStatus::PreTransit },
        { "in_transit", TrackingStatus::InTransit },
        { "out_for_delivery", TrackingStatus::OutForDelivery },
        { "ready_for_pickup", TrackingStatus::AvailableForPickup },
        { "attempted_delivery", TrackingStatus::FailedAttempt },
        { "delivered", TrackingStatus::Delivered },
        { "failure", TrackingStatus::Exception },
    };
    for (const auto &[key, status] : Map) {
        if (shipmentStatus == QLatin1String(key)) {
            return status;
        }
    }
    return TrackingStatus::Unknown;
}

std::optional<QList<StoreOrder>> ShopifyOrderParser::parsePage(
    const QJsonDocument &document, const QString &account, QString *error)
{
    if (!document.isObject()) {
        *error = QStringLiteral("the answer is not a JSON object with \"orders\"");
        return std::nullopt;
    }
    const QJsonValue orders = document.object().value(QStringLiteral("orders"));
    if (!orders.isArray()) {
        *error = orders.isUndefined() ? QStringLiteral("the answer has no \"orders\" list")
                                      : QStringLiteral("\"orders\" is not a list");
        return std::nullopt;
    }
    QList<StoreOrder> page;
    const QJsonArray array = orders.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("orders[%1]").arg(i);
        if (!array.at(i).isObject()) {
            *error = where + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        std::optional<StoreOrder> order = parseOrder(array.at(i).toObject(), account, where, error);
        if (!order) {
            return std::nullopt;
        }
        page.append(std::move(*order));
    }
    return page;
}

std::optional<StoreOrder> ShopifyOrderParser::parseOrder(
    const QJsonObject &object, const QString &account, const QString &where, QString *error)
{
    JsonFieldReader r(object, where, error);
    StoreOrder result;
    domain::Order &o = result.order;
    o.source = QStringLiteral("shopify");
    o.account = account;
    o.externalId = QString::number(r.id(QStringLiteral("id")));
    o.number = r.text(QStringLiteral("name"), true);
    o.currency = r.text(QStringLiteral("currency"), true).toUpper();
    o.updatedAt = r.time(QStringLiteral("updated_at"), true, &result.updatedAtText);
    const qint64 created = r.time(QStringLiteral("created_at"), true);
    const qint64 processed = r.time(QStringLiteral("processed_at"));
    if (!r.ok()) {
        return std::nullopt;
    }
    o.placedAt = processed > 0 ? processed : created;
    o.totalCents = r.money(QStringLiteral("total_price"), o.currency, true);
    o.subtotalCents = r.money(QStringLiteral("subtotal_price"), o.currency);
    o.taxCents = r.money(QStringLiteral("total_tax"), o.currency);
    const QString financial = r.text(QStringLiteral("financial_status"));
    const bool cancelled = r.time(QStringLiteral("cancelled_at")) > 0;
    o.status = cancelled ? QStringLiteral("cancelled") : financial.isEmpty() ? QStringLiteral("pending") : financial;

    const QJsonObject shippingSet = r.object(QStringLiteral("total_shipping_price_set"));
    if (const QJsonObject shopMoney = shippingSet.value(QStringLiteral("shop_money")).toObject();
        !shopMoney.isEmpty()) {
        JsonFieldReader s(shopMoney, r.path(QStringLiteral("total_shipping_price_set.shop_money")), error);
        o.shippingCents = s.money(QStringLiteral("amount"), o.currency, true);
        if (!s.ok()) {
            return std::nullopt;
        }
    } else {
        const QJsonArray shippingLines = r.array(QStringLiteral("shipping_lines"));
        for (qsizetype i = 0; i < shippingLines.size(); ++i) {
            const QJsonObject line = shippingLines.at(i).toObject();
            JsonFieldReader s(line, r.path(QStringLiteral("shipping_lines[%1]").arg(i)), error);
            o.shippingCents += s.money(QStringLiteral("price"), o.currency);
            if (!s.ok()) {
                return std::nullopt;
            }
        }
    }

    // Who bought it: the order's e-mail, else the customer's; the name from the customer, else the addresses.
    const QJsonObject customer = r.object(QStringLiteral("customer"));
    JsonFieldReader c(customer, r.path(QStringLiteral("customer")), error);
    QString email = r.text(QStringLiteral("email"));
    if (email.isEmpty()) {
        email = r.text(QStringLiteral("contact_email"));
    }
    if (email.isEmpty()) {
        email = c.text(QStringLiteral("email"));
    }
    result.email = email.trimmed().toLower();
    result.customerFirstName = c.text(QStringLiteral("first_name")).trimmed();
    result.customerName = QString(result.customerFirstName + u' ' + c.text(QStringLiteral("last_name"))).trimmed();
    for (const QString &address : { QStringLiteral("billing_address"), QStringLiteral("shipping_address") }) {
        if (result.customerName.isEmpty()) {
            const QJsonObject a = r.object(address);
            JsonFieldReader ar(a, r.path(address), error);
            result.customerName = ar.text(QStringLiteral("name")).trimmed();
            result.customerFirstName = ar.text(QStringLiteral("first_name")).trimmed();
            if (!ar.ok()) {
                return std::nullopt;
            }
        }
    }
    if (!r.ok() || !c.ok()) {
        return std::nullopt;
    }

    const QJsonArray lines = r.array(QStringLiteral("line_items"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString lineWhere = r.path(QStringLiteral("line_items[%1]").arg(i));
        if (!lines.at(i).isObject()) {
            *error = lineWhere + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        const QJsonObject line = lines.at(i).toObject();
        JsonFieldReader l(line, lineWhere, error);
        domain::OrderLine orderLine;
        orderLine.externalId = QString::number(l.id(QStringLiteral("id")));
        orderLine.sku = l.text(QStringLiteral("sku"));
        orderLine.title = l.text(QStringLiteral("name"));
        if (orderLine.title.isEmpty()) {
            orderLine.title = l.text(QStringLiteral("title"), true);
        }
        orderLine.quantity = l.integer(QStringLiteral("quantity"));
        orderLine.unitPriceCents = l.money(QStringLiteral("price"), o.currency, true);
        if (!l.ok()) {
            return std::nullopt;
        }
        o.lines.append(orderLine);
    }

    const QJsonArray fulfillments = r.array(QStringLiteral("fulfillments"));
    for (qsizetype i = 0; i < fulfillments.size(); ++i) {
        const QString fWhere = r.path(QStringLiteral("fulfillments[%1]").arg(i));
        if (!fulfillments.at(i).isObject()) {
            *error = fWhere + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        const QJsonObject fulfillment = fulfillments.at(i).toObject();
        JsonFieldReader f(fulfillment, fWhere, error);
        const QString fulfillmentId = QString::number(f.id(QStringLiteral("id")));
        const QString status = f.text(QStringLiteral("status"));
        const QString company = f.text(QStringLiteral("tracking_company")).trimmed();
        const QString shipmentStatus = f.text(QStringLiteral("shipment_status"));
        const qint64 shippedAt = f.time(QStringLiteral("created_at"));
        const qint64 changedAt = f.time(QStringLiteral("updated_at"));
        QStringList numbers;
        for (const QJsonValue &number : f.array(QStringLiteral("tracking_numbers"))) {
            if (!number.isString()) {
                f.problem(QStringLiteral("tracking_numbers"), QStringLiteral("holds something that is not text"));
                break;
            }
            numbers << number.toString().trimmed();
        }
        if (numbers.isEmpty()) {
            numbers << f.text(QStringLiteral("tracking_number")).trimmed();
        }
        QStringList urls;
        for (const QJsonValue &url : f.array(QStringLiteral("tracking_urls"))) {
            urls << url.toString();
        }
        if (urls.isEmpty()) {
            urls << f.text(QStringLiteral("tracking_url"));
        }
        if (!f.ok()) {
            return std::nullopt;
        }
        if (status == QLatin1String("cancelled") || status == QLatin1String("error")
            || status == QLatin1String("failure")) {
            continue; // never shipped (a stored shipment of it is removed)
        }
        for (qsizetype n = 0; n < numbers.size(); ++n) {
            domain::Shipment shipment;
            shipment.externalId = fulfillmentId;
            shipment.trackingNumber = numbers.at(n);
            shipment.carrier = carrierFor(company, shipment.trackingNumber, urls.value(n, urls.value(0)));
            shipment.status = trackingStatus(shipmentStatus);
            shipment.shippedAt = shippedAt;
            if (shipment.status == domain::TrackingStatus::Delivered) {
                shipment.deliveredAt = changedAt;
            }
            result.shipments.append(shipment);
        }
    }

    const QJsonArray refunds = r.array(QStringLiteral("refunds"));
    for (qsizetype i = 0; i < refunds.size(); ++i) {
        const QString rWhere = r.path(QStringLiteral("refunds[%1]").arg(i));
        if (!refunds.at(i).isObject()) {
            *error = rWhere + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        const QJsonObject refund = refunds.at(i).toObject();
        JsonFieldReader f(refund, rWhere, error);
        domain::OrderRefund orderRefund;
        orderRefund.externalId = QString::number(f.id(QStringLiteral("id")));
        orderRefund.createdAt = f.time(QStringLiteral("created_at"), true);
        orderRefund.note = f.text(QStringLiteral("note"));
        const QJsonArray transactions = f.array(QStringLiteral("transactions"));
        if (!f.ok()) {
            return std::nullopt;
        }
        for (qsizetype t = 0; t < transactions.size(); ++t) {
            JsonFieldReader tr(
                transactions.at(t).toObject(), rWhere + QStringLiteral(".transactions[%1]").arg(t), error);
            const bool counts = tr.text(QStringLiteral("kind")) == QLatin1String("refund")
                && tr.text(QStringLiteral("status")) == QLatin1String("success");
            const qint64 amount = tr.money(QStringLiteral("amount"), o.currency, counts);
            if (!tr.ok()) {
                return std::nullopt;
            }
            orderRefund.amountCents += counts ? amount : 0;
        }
        o.refundedCents += orderRefund.amountCents;
        result.refunds.append(orderRefund);
    }
    if (!r.ok()) {
        return std::nullopt;
    }
    return result;
}

} // namespace waybill::commerce
