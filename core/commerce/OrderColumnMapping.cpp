// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderColumnMapping.h"

#include <QCoreApplication>

namespace waybill::commerce {

OrderColumnMapping::OrderColumnMapping()
    : m_name(QStringLiteral("custom"))
    , m_source(QStringLiteral("csv"))
{
}

QStringList OrderColumnMapping::presetNames()
{
    return { QStringLiteral("shopify"), QStringLiteral("amazon"), QStringLiteral("ebay") };
}

std::optional<OrderColumnMapping> OrderColumnMapping::preset(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("shopify")) {
        return shopify();
    }
    if (key == QLatin1String("amazon")) {
        return amazon();
    }
    if (key == QLatin1String("ebay")) {
        return ebay();
    }
    return std::nullopt;
}

// Shopify admin → Orders → Export ("Export orders", CSV for Excel or plain CSV), documented on
// https://help.shopify.com/en/manual/fulfillment/managing-orders/exporting-orders; the header names below are those
// of real exports as reproduced in public tools that read them (Name, Email, Financial Status, Paid at,
// Fulfillment Status, …, Created at, Lineitem quantity, Lineitem name, Lineitem price, Lineitem sku, Billing Name,
// …, Id). An order with several line items takes one row per item: the first row carries the order's amounts, the
// others repeat Name (and usually Email) with the order-level columns empty. "Created at" looks like
// "2026-03-15 10:22:31 -0400". The export has no tracking number column.
OrderColumnMapping OrderColumnMapping::shopify()
{
    OrderColumnMapping m;
    m.m_name = QStringLiteral("shopify");
    m.m_source = QStringLiteral("shopify");
    m.m_delimiter = ',';
    m.m_columns = {
        { OrderField::Number, { QStringLiteral("Name") } },
        { OrderField::PlacedAt, { QStringLiteral("Created at"), QStringLiteral("Paid at") } },
        { OrderField::Status, { QStringLiteral("Financial Status") } },
        { OrderField::CustomerEmail, { QStringLiteral("Email") } },
        { OrderField::CustomerName, { QStringLiteral("Billing Name"), QStringLiteral("Shipping Name") } },
        { OrderField::Currency, { QStringLiteral("Currency") } },
        { OrderField::Subtotal, { QStringLiteral("Subtotal") } },
        { OrderField::Shipping, { QStringLiteral("Shipping") } },
        { OrderField::Tax, { QStringLiteral("Taxes") } },
        { OrderField::Total, { QStringLiteral("Total") } },
        { OrderField::LineSku, { QStringLiteral("Lineitem sku") } },
        { OrderField::LineTitle, { QStringLiteral("Lineitem name") } },
        { OrderField::LineQuantity, { QStringLiteral("Lineitem quantity") } },
        { OrderField::LinePrice, { QStringLiteral("Lineitem price") } },
        { OrderField::ShippingService, { QStringLiteral("Shipping Method") } },
    };
    return m;
}

// Amazon Seller Central → Reports → Fulfillment → "All Orders" (SP-API report type
// GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL), a tab-separated flat file; the columns are listed on
// https://developer-docs.amazon.com/sp-api/docs/order-tracking-reports-attributes (amazon-order-id,
// merchant-order-id, purchase-date, last-updated-date, order-status, …, product-name, sku, asin, item-status,
// quantity, currency, item-price, item-tax, shipping-price, shipping-tax, …). One row per order item; item-price is
// the line's total, and each row carries its own item's tax and shipping, which add up. The report has no buyer
// e-mail or name (Amazon withholds them); the buyer-email/buyer-name columns of the order reports
// (https://developer-docs.amazon.com/sp-api/docs/order-reports-attributes) are used when a file has them.
OrderColumnMapping OrderColumnMapping::amazon()
{
    OrderColumnMapping m;
    m.m_name = QStringLiteral("amazon");
    m.m_source = QStringLiteral("amazon");
    m.m_delimiter = '\t';
    m.m_sumAmounts = true;
    m.m_columns = {
        { OrderField::Number, { QStringLiteral("amazon-order-id"), QStringLiteral("order-id") } },
        { OrderField::PlacedAt, { QStringLiteral("purchase-date") } },
        { OrderField::Status, { QStringLiteral("order-status") } },
        { OrderField::CustomerEmail, { QStringLiteral("buyer-email") } },
        { OrderField::CustomerName, { QStringLiteral("buyer-name"), QStringLiteral("recipient-name") } },
        { OrderField::Currency, { QStringLiteral("currency") } },
        { OrderField::Shipping, { QStringLiteral("shipping-price") } },
        { OrderField::Tax, { QStringLiteral("item-tax") } },
        { OrderField::LineSku, { QStringLiteral("sku") } },
        { OrderField::LineTitle, { QStringLiteral("product-name") } },
        { OrderField::LineQuantity, { QStringLiteral("quantity"), QStringLiteral("quantity-purchased") } },
        { OrderField::LineTotal, { QStringLiteral("item-price") } },
        { OrderField::ShippingService, { QStringLiteral("ship-service-level") } },
    };
    return m;
}

// eBay Seller Hub → Orders → Download report ("Orders report", CSV). Header as in real downloads (e.g. the column
// list in github.com/randomecho/shifted-sales-report's README): "Sales Record Number", "Order Number",
// "Buyer Username", "Buyer Name", "Buyer Email", …, "Item Number", "Item Title", "Custom Label", …, "Quantity",
// "Sold For", "Shipping And Handling", …, "eBay Collected Tax", …, "Total Price", …, "Sale Date", …,
// "Shipping Service", "Tracking Number", …. Amounts carry a currency symbol ("$12.99"), dates look like
// "Mar-15-26". A blank line may precede the header, and the file ends with "N record(s) downloaded" and
// "Seller ID: …" lines. A multi-item order has a row with the order's totals and one row per item.
OrderColumnMapping OrderColumnMapping::ebay()
{
    OrderColumnMapping m;
    m.m_name = QStringLiteral("ebay");
    m.m_source = QStringLiteral("ebay");
    m.m_delimiter = ',';
    m.m_columns = {
        { OrderField::Number, { QStringLiteral("Order Number") } },
        { OrderField::PlacedAt, { QStringLiteral("Sale Date"), QStringLiteral("Paid On Date") } },
        { OrderField::CustomerEmail, { QStringLiteral("Buyer Email") } },
        { OrderField::CustomerName, { QStringLiteral("Buyer Name"), QStringLiteral("Ship To Name") } },
        { OrderField::BuyerUserId, { QStringLiteral("Buyer Username"), QStringLiteral("User Id") } },
        { OrderField::Shipping, { QStringLiteral("Shipping And Handling") } },
        { OrderField::Tax, { QStringLiteral("eBay Collected Tax"), QStringLiteral("Seller Collected Tax") } },
        { OrderField::Total, { QStringLiteral("Total Price") } },
        { OrderField::LineSku, { QStringLiteral("Custom Label") } },
        { OrderField::LineItemId, { QStringLiteral("Item Number") } },
        { OrderField::LineTitle, { QStringLiteral("Item Title") } },
        { OrderField::LineQuantity, { QStringLiteral("Quantity") } },
        { OrderField::LinePrice, { QStringLiteral("Sold For") } },
        { OrderField::TrackingNumber, { QStringLiteral("Tracking Number") } },
        { OrderField::ShippingService, { QStringLiteral("Shipping Service") } },
    };
    return m;
}

void OrderColumnMapping::setColumn(OrderField field, const QString &column)
{
    if (column.trimmed().isEmpty()) {
        m_columns.remove(field);
    } else {
        m_columns.insert(field, { column.trimmed() });
    }
}

QString OrderColumnMapping::applyAssignment(const QString &assignment)
{
    const qsizetype equals = assignment.indexOf(u'=');
    if (equals <= 0) {
        return QCoreApplication::translate("OrderColumnMapping", "'%1' is not field=Column").arg(assignment);
    }
    const auto field = orderFieldFromKey(assignment.left(equals));
    if (!field) {
        QStringList keys;
        for (const OrderField f : allOrderFields()) {
            keys << orderFieldKey(f);
        }
        return QCoreApplication::translate("OrderColumnMapping", "unknown field '%1' (fields: %2)")
            .arg(assignment.left(equals), keys.join(QStringLiteral(", ")));
    }
    setColumn(*field, assignment.mid(equals + 1));
    return {};
}

std::optional<OrderColumnMapping::Resolved> OrderColumnMapping::resolve(const QStringList &header, QString *error) const
{
    QHash<QString, int> byName;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (!byName.contains(name)) {
            byName.insert(name, i);
        }
    }
    Resolved resolved;
    resolved.columnCount = int(header.size());
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        for (const QString &candidate : it.value()) {
            if (const auto found = byName.constFind(candidate.trimmed().toLower()); found != byName.cend()) {
                resolved.index.insert(it.key(), found.value());
                break;
            }
        }
    }
    for (const OrderField required : { OrderField::Number, OrderField::PlacedAt }) {
        if (resolved.column(required) >= 0) {
            continue;
        }
        if (error) {
            const QStringList wanted = columns(required);
            *error = wanted.isEmpty()
                ? QCoreApplication::translate("OrderColumnMapping", "no column is chosen for the %1")
                      .arg(orderFieldLabel(required).toLower())
                : QCoreApplication::translate(
                    "OrderColumnMapping", "the file has no column \"%1\" for the %2; is it the right file and preset?")
                      .arg(wanted.join(QStringLiteral("\" or \"")), orderFieldLabel(required).toLower());
        }
        return std::nullopt;
    }
    return resolved;
}

bool OrderColumnMapping::isFooter(const QString &firstField) const
{
    if (m_name != QLatin1String("ebay")) {
        return false;
    }
    const QString first = firstField.trimmed();
    return first.contains(QLatin1String("record(s) downloaded"), Qt::CaseInsensitive)
        || first.startsWith(QLatin1String("Seller ID"), Qt::CaseInsensitive);
}

} // namespace waybill::commerce
