// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

using domain::Order;
using domain::Shipment;

namespace {

const QString OrderColumns = QStringLiteral(
    "o.id, o.source, o.number, o.customer_id, o.placed_at, o.currency, o.subtotal_cents, o.shipping_cents, "
    "o.tax_cents, o.total_cents, o.status");

Order readOrder(const SqlQuery &q)
{
    Order o;
    o.id = q.int64(0);
    o.source = q.text(1);
    o.number = q.text(2);
    o.customerId = q.int64(3);
    o.placedAt = q.int64(4);
    o.currency = q.text(5);
    o.subtotalCents = q.int64(6);
    o.shippingCents = q.int64(7);
    o.taxCents = q.int64(8);
    o.totalCents = q.int64(9);
    o.status = q.text(10);
    return o;
}

} // namespace

OrderRepository::OrderRepository(const Database &database)
    : m_database(database)
{
}

std::optional<Order> OrderRepository::find(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT ") + OrderColumns + QStringLiteral(" FROM orders o WHERE o.id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    Order order = readOrder(q);
    SqlQuery l(m_database,
        QStringLiteral("SELECT id, sku, title, quantity, unit_price_cents FROM order_lines "
                       "WHERE order_id = ? ORDER BY id"));
    l.bind(id).exec();
    while (l.next()) {
        order.lines.append({ l.int64(0), l.text(1), l.text(2), int(l.int64(3)), l.int64(4) });
    }
    return order;
}

QList<Order> OrderRepository::forCustomer(qint64 customerId, int limit) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + OrderColumns
            + QStringLiteral(" FROM orders o WHERE o.customer_id = ? ORDER BY o.placed_at DESC "
                             "LIMIT ?"));
    q.bind(customerId).bind(limit).exec();
    QList<Order> orders;
    while (q.next()) {
        orders.append(readOrder(q));
    }
    return orders;
}

QList<Order> OrderRepository::lookup(const QString &text, int limit) const
{
    const QString needle = text.trimmed();
    QList<Order> orders;
    if (needle.isEmpty()) {
        return orders;
    }
    // Prefix ranges keep every branch on an index: orders(number), customers by identity value.
    const QString upper = needle + QChar(0xffff);
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + OrderColumns
            + QStringLiteral(
                " FROM orders o WHERE (o.number >= ? AND o.number < ?) OR (o.number >= ? AND o.number < ?) "
                "OR o.customer_id IN (SELECT customer_id FROM identities WHERE value >= ? AND value < ? LIMIT 20) "
                "OR o.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? LIMIT 20) "
                "ORDER BY o.placed_at DESC LIMIT ?"));
    const QString hashed = u'#' + needle;
    QString words;
    for (const QString &word : needle.split(u' ', Qt::SkipEmptyParts)) {
        QString clean = word;
        clean.remove(u'"');
        words += (words.isEmpty() ? QString() : QStringLiteral(" AND ")) + u'"' + clean + QStringLiteral("\"*");
    }
    q.bind(needle)
        .bind(upper)
        .bind(hashed)
        .bind(QString(hashed + QChar(0xffff)))
        .bind(needle.toLower())
        .bind(QString(needle.toLower() + QChar(0xffff)))
        .bind(words.isEmpty() ? QStringLiteral("\"\"") : words)
        .bind(limit);
    q.exec();
    while (q.next()) {
        orders.append(readOrder(q));
    }
    return orders;
}

qint64 OrderRepository::insert(const Order &o) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "INSERT INTO orders (source, number, customer_id, placed_at, currency, subtotal_cents, shipping_cents, "
        "tax_cents, total_cents, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(o.source)
        .bind(o.number)
        .bindOptional(o.customerId)
        .bind(o.placedAt)
        .bind(o.currency)
        .bind(o.subtotalCents)
        .bind(o.shippingCents)
        .bind(o.taxCents)
        .bind(o.totalCents)
        .bind(o.status)
        .exec();
    const qint64 id = q.lastInsertId();
    appendLines(id, o.lines);
    return id;
}

void OrderRepository::appendLines(qint64 id, const QList<domain::OrderLine> &lines) const
{
    for (const domain::OrderLine &line : lines) {
        SqlQuery &l = m_database.prepared(QStringLiteral("INSERT INTO order_lines (order_id, sku, title, quantity, "
                                                         "unit_price_cents) VALUES (?, ?, ?, ?, ?)"));
        l.bind(id).bind(line.sku).bind(line.title).bind(line.quantity).bind(line.unitPriceCents).exec();
    }
}

qint64 OrderRepository::idOf(const QString &source, const QString &number) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("SELECT id FROM orders WHERE source = ? AND number = ?"));
    q.bind(source).bind(number).exec();
    const qint64 id = q.next() ? q.int64(0) : 0;
    q.finish();
    return id;
}

void OrderRepository::update(qint64 id, const Order &o) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("UPDATE orders SET customer_id = coalesce(?, customer_id), placed_at = ?, currency = ?, "
                       "subtotal_cents = ?, shipping_cents = ?, tax_cents = ?, total_cents = ?, status = ? "
                       "WHERE id = ?"));
    q.bindOptional(o.customerId)
        .bind(o.placedAt)
        .bind(o.currency)
        .bind(o.subtotalCents)
        .bind(o.shippingCents)
        .bind(o.taxCents)
        .bind(o.totalCents)
        .bind(o.status)
        .bind(id)
        .exec();
    SqlQuery &d = m_database.prepared(QStringLiteral("DELETE FROM order_lines WHERE order_id = ?"));
    d.bind(id).exec();
    appendLines(id, o.lines);
}

bool OrderRepository::hasShipment(qint64 orderId, const QString &trackingNumber) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("SELECT 1 FROM shipments WHERE order_id = ? AND tracking_number = ? LIMIT 1"));
    q.bind(orderId).bind(trackingNumber).exec();
    const bool found = q.next();
    q.finish();
    return found;
}

QList<Shipment> OrderRepository::shipments(qint64 orderId) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "SELECT id, order_id, carrier, service, tracking_number, status, shipped_at, expected_at, delivered_at "
            "FROM shipments WHERE order_id = ? ORDER BY id"));
    q.bind(orderId).exec();
    QList<Shipment> shipments;
    while (q.next()) {
        Shipment s;
        s.id = q.int64(0);
        s.orderId = q.int64(1);
        s.carrier = q.text(2);
        s.service = q.text(3);
        s.trackingNumber = q.text(4);
        s.status = domain::trackingStatusFromKey(q.text(5));
        s.shippedAt = q.int64(6);
        s.expectedAt = q.int64(7);
        s.deliveredAt = q.int64(8);
        shipments.append(s);
    }
    for (Shipment &s : shipments) {
        SqlQuery e(m_database,
            QStringLiteral("SELECT id, occurred_at, status, location, message FROM tracking_events "
                           "WHERE shipment_id = ? ORDER BY occurred_at, id"));
        e.bind(s.id).exec();
        while (e.next()) {
            s.events.append({ e.int64(0), e.int64(1), domain::trackingStatusFromKey(e.text(2)), e.text(3), e.text(4) });
        }
    }
    return shipments;
}

qint64 OrderRepository::insertShipment(const Shipment &s) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "INSERT INTO shipments (order_id, carrier, service, tracking_number, status, shipped_at, expected_at, "
        "delivered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 updated = s.events.isEmpty() ? s.shippedAt : s.events.constLast().occurredAt;
    q.bind(s.orderId)
        .bind(s.carrier)
        .bind(s.service)
        .bind(s.trackingNumber)
        .bind(domain::trackingStatusKey(s.status))
        .bindOptional(s.shippedAt)
        .bindOptional(s.expectedAt)
        .bindOptional(s.deliveredAt)
        .bind(updated)
        .exec();
    const qint64 id = q.lastInsertId();
    for (const domain::TrackingEvent &event : s.events) {
        SqlQuery &e
            = m_database.prepared(QStringLiteral("INSERT INTO tracking_events (shipment_id, occurred_at, status, "
                                                 "location, message) VALUES (?, ?, ?, ?, ?)"));
        e.bind(id)
            .bind(event.occurredAt)
            .bind(domain::trackingStatusKey(event.status))
            .bind(event.location)
            .bind(event.message)
            .exec();
    }
    return id;
}

} // namespace waybill::storage
