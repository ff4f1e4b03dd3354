// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopifyOrderParser.h"

#include "CarrierDirectory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace waybill::commerce {

namespace {

/// Reads typed fields of one JSON object and remembers the first problem, named by its path.
class FieldReader final {
public:
    FieldReader(QJsonObject object, QString where, QString *error)
        : m_object(std::move(object))
        , m_where(std::move(where))
        , m_error(error)
    {
    }

    bool ok() const { return m_ok; }
    QString path(const QString &key) const { return m_where.isEmpty() ? key : m_where + u'.' + key; }

    bool problem(const QString &key, const QString &what)
    {
        if (m_ok && m_error) {
            *m_error = path(key) + u' ' + what;
        }
        m_ok = false;
        return false;
    }

    bool isNull(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return v.isNull() || v.isUndefined();
    }

    qint64 id(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            problem(key, QStringLiteral("is missing"));
            return 0;
        }
        if (!v.isDouble() || v.toInteger(-1) < 0) {
            problem(key, QStringLiteral("is not an id: ") + shown(v));
            return 0;
        }
        return v.toInteger();
    }

    /// A string, or `fallback` for null or missing when not required.
    QString text(const QString &key, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isString()) {
            return v.toString();
        }
        if (v.isNull() || v.isUndefined()) {
            if (required) {
                problem(key, QStringLiteral("is missing"));
            }
            return {};
        }
        problem(key, QStringLiteral("is not text: ") + shown(v));
        return {};
    }

    /// Epoch seconds of an ISO 8601 time ("2008-01-10T11:00:00-05:00"), 0 for null or missing when not required.
    qint64 time(const QString &key, bool required = false, QString *raw = nullptr)
    {
        const QString value = text(key, required);
        if (raw) {
            *raw = value;
        }
        if (value.isEmpty()) {
            return 0;
        }
        const QDateTime at = QDateTime::fromString(value, Qt::ISODate);
        if (!at.isValid()) {
            problem(key, QStringLiteral("is not a date: \"%1\"").arg(value.left(40)));
            return 0;
        }
        return at.toSecsSinceEpoch();
    }

    qint64 money(const QString &key, const QString &currency, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if ((v.isNull() || v.isUndefined()) && !required) {
            return 0;
        }
        const QString value = v.isDouble() ? QString::number(v.toDouble(), 'f', 3) : text(key, required);
        if (!m_ok) {
            return 0;
        }
        const std::optional<qint64> cents = ShopifyOrderParser::minorUnits(value, currency);
        if (!cents) {
            problem(key, QStringLiteral("is not an amount: \"%1\"").arg(value.left(40)));
            return 0;
        }
        return *cents;
    }

    int integer(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isDouble()) {
            problem(key, QStringLiteral("is not a number: ") + shown(v));
            return 0;
        }
        return int(v.toInteger());
    }

    /// An array, empty for null or missing.
    QJsonArray array(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isArray()) {
            return v.toArray();
        }
        if (!v.isNull() && !v.isUndefined()) {
            problem(key, QStringLiteral("is not a list: ") + shown(v));
        }
        return {};
    }

    /// An object, empty for null or missing.
    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isObject()) {
            return v.toObject();
        }
        if (!v.isNull() && !v.isUndefined()) {
            problem(key, QStringLiteral("is not an object: ") + shown(v));
        }
        return {};
    }

    static QString shown(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Undefined:
            return QStringLiteral("missing");
        case QJsonValue::Null:
            return QStringLiteral("null");
        case QJsonValue::Bool:
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double:
            return QString::number(v.toDouble());
        case QJsonValue::String:
            return u'"' + v.toString().left(40) + u'"';
        case QJsonValue::Array:
            return QStringLiteral("a list");
        case QJsonValue::Object:
            return QStringLiteral("an object");
        }
        return {};
    }

private:
    QJsonObject m_object;
    QString m_where;
    QString *m_error;
    bool m_ok = true;
};

int decimalsOf(const QString &currency)
{
    static const QStringList none { QStringLiteral("BIF"), QStringLiteral("CLP"), QStringLiteral("DJF"),
        QStringLiteral("GNF"), QStringLiteral("ISK"), QStringLiteral("JPY"), QStringLiteral("KMF"),
        QStringLiteral("KRW"), QStringLiteral("PYG"), QStringLiteral("RWF"), QStringLiteral("UGX"),
        QStringLiteral("UYI"), QStringLiteral("VND"), QStringLiteral("VUV"), QStringLiteral("XAF"),
        QStringLiteral("XOF"), QStringLiteral("XPF") };
    static const QStringList three { QStringLiteral("BHD"), QStringLiteral("IQD"), QStringLiteral("JOD"),
        QStringLiteral("KWD"), QStringLiteral("LYD"), QStringLiteral("OMR"), QStringLiteral("TND") };
    const QString code = currency.toUpper();
    return none.contains(code) ? 0 : three.contains(code) ? 3 : 2;
}

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
    QString text = amount.trimmed();
    bool negative = false;
    if (text.startsWith(u'-')) {
        negative = true;
        text.remove(0, 1);
    }
    const qsizetype dot = text.indexOf(u'.');
    const QString whole = dot < 0 ? text : text.left(dot);
    QString fraction = dot < 0 ? QString() : text.mid(dot + 1);
    const int decimals = decimalsOf(currency);
    auto digitsOnly = [](const QString &s) {
        return std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= '0' && c.unicode() <= '9'; });
    };
    if (whole.isEmpty() || whole.size() > 15 || !digitsOnly(whole) || !digitsOnly(fraction)) {
        return std::nullopt;
    }
    // Digits beyond the currency's minor unit must be zeros ("1000.00" yen is 1000).
    while (fraction.size() > decimals) {
        if (!fraction.endsWith(u'0')) {
            return std::nullopt;
        }
        fraction.chop(1);
    }
    fraction = fraction.leftJustified(decimals, u'0');
    qint64 value = whole.toLongLong();
    for (int i = 0; i < decimals; ++i) {
        value *= 10;
    }
    value += fraction.isEmpty() ? 0 : fraction.toLongLong();
    return negative ? -value : value;
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

std::optional<QList<ShopifyOrder>> ShopifyOrderParser::parsePage(
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
    QList<ShopifyOrder> page;
    const QJsonArray array = orders.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("orders[%1]").arg(i);
        if (!array.at(i).isObject()) {
            *error = where + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        std::optional<ShopifyOrder> order = parseOrder(array.at(i).toObject(), account, where, error);
        if (!order) {
            return std::nullopt;
        }
        page.append(std::move(*order));
    }
    return page;
}

std::optional<ShopifyOrder> ShopifyOrderParser::parseOrder(
    const QJsonObject &object, const QString &account, const QString &where, QString *error)
{
    FieldReader r(object, where, error);
    ShopifyOrder result;
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
        FieldReader s(shopMoney, r.path(QStringLiteral("total_shipping_price_set.shop_money")), error);
        o.shippingCents = s.money(QStringLiteral("amount"), o.currency, true);
        if (!s.ok()) {
            return std::nullopt;
        }
    } else {
        const QJsonArray shippingLines = r.array(QStringLiteral("shipping_lines"));
        for (qsizetype i = 0; i < shippingLines.size(); ++i) {
            const QJsonObject line = shippingLines.at(i).toObject();
            FieldReader s(line, r.path(QStringLiteral("shipping_lines[%1]").arg(i)), error);
            o.shippingCents += s.money(QStringLiteral("price"), o.currency);
            if (!s.ok()) {
                return std::nullopt;
            }
        }
    }

    // Who bought it: the order's e-mail, else the customer's; the name from the customer, else the addresses.
    const QJsonObject customer = r.object(QStringLiteral("customer"));
    FieldReader c(customer, r.path(QStringLiteral("customer")), error);
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
            FieldReader ar(a, r.path(address), error);
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
        FieldReader l(line, lineWhere, error);
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
        FieldReader f(fulfillment, fWhere, error);
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
        FieldReader f(refund, rWhere, error);
        domain::OrderRefund orderRefund;
        orderRefund.externalId = QString::number(f.id(QStringLiteral("id")));
        orderRefund.createdAt = f.time(QStringLiteral("created_at"), true);
        orderRefund.note = f.text(QStringLiteral("note"));
        const QJsonArray transactions = f.array(QStringLiteral("transactions"));
        if (!f.ok()) {
            return std::nullopt;
        }
        for (qsizetype t = 0; t < transactions.size(); ++t) {
            FieldReader tr(transactions.at(t).toObject(), rWhere + QStringLiteral(".transactions[%1]").arg(t), error);
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
