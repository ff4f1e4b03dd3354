// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderRepository.h"

#include "Database.h"
#include "SqlQuery.h"

#include <algorithm>

namespace waybill::storage {

using domain::Order;
using domain::Shipment;

namespace {

const QString OrderColumns = QStringLiteral(
    "o.id, o.source, o.number, o.customer_id, o.placed_at, o.currency, o.subtotal_cents, o.shipping_cents, "
    "o.tax_cents, o.total_cents, o.status, o.account, o.external_id, o.updated_at, o.refunded_cents, "
    "o.shipping_region");

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
    o.account = q.text(11);
    o.externalId = q.text(12);
    o.updatedAt = q.int64(13);
    o.refundedCents = q.int64(14);
    o.shippingRegion = q.text(15);
    return o;
}

/// Binds order, carrier, service, tracking number, status, shipped, expected and delivered, in that order.
SqlQuery &bindShipment(SqlQuery &q, const domain::Shipment &s)
{
    return q.bind(s.orderId)
        .bind(s.carrier)
        .bind(s.service)
        .bind(s.trackingNumber)
        .bind(domain::trackingStatusKey(s.status))
        .bindOptional(s.shippedAt)
        .bindOptional(s.expectedAt)
        .bindOptional(s.deliveredAt);
}

/// Binds source, number, customer, placed at, currency, subtotal, shipping, tax, total and status, in that order.
SqlQuery &bindOrder(SqlQuery &q, const domain::Order &o)
{
    return q.bind(o.source)
        .bind(o.number)
        .bindOptional(o.customerId)
        .bind(o.placedAt)
        .bind(o.currency)
        .bind(o.subtotalCents)
        .bind(o.shippingCents)
        .bind(o.taxCents)
        .bind(o.totalCents)
        .bind(o.status);
}

} // namespace

OrderRepository::OrderRepository(const Database &database)
    : m_database(database)
{
}

std::optional<domain::Order> OrderRepository::linkedStoreOrder(qint64 conversationId, const QString &source) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT o.id FROM conversations c JOIN orders o ON o.id = c.order_id WHERE c.id = ? AND "
                       "o.source = ? AND o.account <> '' AND o.external_id <> ''"));
    q.bind(conversationId).bind(source).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    const qint64 id = q.int64(0);
    q.finish();
    return find(id);
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
        QStringLiteral("SELECT id, sku, title, quantity, unit_price_cents, external_id FROM order_lines "
                       "WHERE order_id = ? ORDER BY id"));
    l.bind(id).exec();
    while (l.next()) {
        order.lines.append({ l.int64(0), l.text(1), l.text(2), int(l.int64(3)), l.int64(4), l.text(5) });
    }
    return order;
}

std::optional<Order> OrderRepository::findByNumber(const QString &source, const QString &number) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id FROM orders WHERE source = ? AND number = ?"));
    q.bind(source).bind(number).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return find(q.int64(0));
}

std::optional<QString> OrderRepository::accountOf(const QString &source, const QString &number) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("SELECT account FROM orders WHERE source = ? AND number = ?"));
    q.bind(source).bind(number).exec();
    std::optional<QString> account;
    if (q.next()) {
        account = q.text(0);
    }
    q.finish();
    return account;
}

std::optional<qint64> OrderRepository::upsert(const Order &o) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "INSERT INTO orders (source, number, customer_id, placed_at, currency, subtotal_cents, shipping_cents, "
        "tax_cents, total_cents, status, account, external_id, updated_at, refunded_cents, shipping_region) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, number) DO UPDATE SET "
        "customer_id = coalesce(excluded.customer_id, orders.customer_id), placed_at = excluded.placed_at, "
        "currency = excluded.currency, subtotal_cents = excluded.subtotal_cents, "
        "shipping_cents = excluded.shipping_cents, tax_cents = excluded.tax_cents, "
        "total_cents = excluded.total_cents, status = excluded.status, account = excluded.account, "
        "external_id = excluded.external_id, updated_at = excluded.updated_at, "
        "refunded_cents = excluded.refunded_cents, shipping_region = excluded.shipping_region "
        "WHERE orders.account = excluded.account OR orders.account = '' RETURNING id"));
    bindOrder(q, o)
        .bind(o.account)
        .bind(o.externalId)
        .bind(o.updatedAt)
        .bind(o.refundedCents)
        .bind(o.shippingRegion)
        .exec();
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    const qint64 id = q.int64(0);
    q.finish();
    SqlQuery &clear = m_database.prepared(QStringLiteral("DELETE FROM order_lines WHERE order_id = ?"));
    clear.bind(id).exec();
    appendLines(id, o.lines);
    return id;
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
    bindOrder(q, o).exec();
    const qint64 id = q.lastInsertId();
    appendLines(id, o.lines);
    return id;
}

void OrderRepository::appendLines(qint64 id, const QList<domain::OrderLine> &lines) const
{
    for (const domain::OrderLine &line : lines) {
        SqlQuery &l = m_database.prepared(QStringLiteral("INSERT INTO order_lines (order_id, sku, title, quantity, "
                                                         "unit_price_cents, external_id) VALUES (?, ?, ?, ?, ?, ?)"));
        l.bind(id)
            .bind(line.sku)
            .bind(line.title)
            .bind(line.quantity)
            .bind(line.unitPriceCents)
            .bind(line.externalId)
            .exec();
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
            "SELECT id, order_id, carrier, service, tracking_number, status, shipped_at, expected_at, delivered_at, "
            "external_id, coalesce(late_after, 0), expected_estimated, destination_region FROM shipments "
            "WHERE order_id = ? ORDER BY id"));
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
        s.externalId = q.text(9);
        s.lateAfter = q.int64(10);
        s.expectedEstimated = q.int64(11) != 0;
        s.destinationRegion = q.text(12);
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
        "delivered_at, updated_at, destination_region, late_after, expected_estimated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 updated = s.events.isEmpty() ? s.shippedAt : s.events.constLast().occurredAt;
    bindShipment(q, s)
        .bind(updated)
        .bind(s.destinationRegion)
        .bindOptional(s.lateAfter)
        .bind(s.expectedEstimated ? 1 : 0)
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

void OrderRepository::upsertShipment(const Shipment &s) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "INSERT INTO shipments (order_id, carrier, service, tracking_number, status, shipped_at, expected_at, "
        "delivered_at, updated_at, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (order_id, external_id, tracking_number) WHERE external_id <> '' DO UPDATE SET "
        "carrier = excluded.carrier, service = excluded.service, "
        "status = CASE WHEN excluded.status = 'unknown' THEN shipments.status ELSE excluded.status END, "
        "shipped_at = coalesce(excluded.shipped_at, shipments.shipped_at), "
        "delivered_at = coalesce(excluded.delivered_at, shipments.delivered_at), "
        "updated_at = max(excluded.updated_at, shipments.updated_at)"));
    bindShipment(q, s).bind(s.deliveredAt > 0 ? s.deliveredAt : s.shippedAt).bind(s.externalId).exec();
}

int OrderRepository::removeStoreShipmentsExcept(qint64 orderId, const QList<Shipment> &kept) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "SELECT id, external_id, tracking_number FROM shipments WHERE order_id = ? AND external_id <> '' "
            "AND id NOT IN (SELECT shipment_id FROM claims WHERE shipment_id IS NOT NULL)"));
    q.bind(orderId).exec();
    QList<qint64> gone;
    while (q.next()) {
        const QString externalId = q.text(1);
        const QString tracking = q.text(2);
        const bool keep = std::any_of(kept.cbegin(), kept.cend(),
            [&](const Shipment &s) { return s.externalId == externalId && s.trackingNumber == tracking; });
        if (!keep) {
            gone.append(q.int64(0));
        }
    }
    for (const qint64 id : std::as_const(gone)) {
        SqlQuery &remove = m_database.prepared(QStringLiteral("DELETE FROM shipments WHERE id = ?"));
        remove.bind(id).exec();
    }
    return int(gone.size());
}

QList<domain::OrderRefund> OrderRepository::refunds(qint64 orderId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, external_id, amount_cents, note, created_at FROM refunds WHERE order_id = ? "
                       "ORDER BY created_at, id"));
    q.bind(orderId).exec();
    QList<domain::OrderRefund> refunds;
    while (q.next()) {
        refunds.append({ q.int64(0), q.text(1), q.int64(2), q.text(3), q.int64(4) });
    }
    return refunds;
}

void OrderRepository::upsertRefund(qint64 orderId, const domain::OrderRefund &refund) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO refunds (order_id, external_id, amount_cents, note, created_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id, external_id) DO UPDATE SET "
                       "amount_cents = excluded.amount_cents, note = excluded.note, created_at = excluded.created_at"));
    q.bind(orderId).bind(refund.externalId).bind(refund.amountCents).bind(refund.note).bind(refund.createdAt).exec();
}

void OrderRepository::recordRefund(qint64 orderId, const domain::OrderRefund &refund) const
{
    upsertRefund(orderId, refund);
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "UPDATE orders SET refunded_cents = (SELECT coalesce(sum(amount_cents), 0) FROM refunds WHERE order_id = ?) "
        "WHERE id = ?"));
    q.bind(orderId).bind(orderId).exec();
}

void OrderRepository::setStatus(qint64 orderId, const QString &status) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("UPDATE orders SET status = ? WHERE id = ?"));
    q.bind(status).bind(orderId).exec();
}

QList<domain::OrderNote> OrderRepository::notes(qint64 orderId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, external_id, author, body, to_customer, created_at FROM order_notes "
                       "WHERE order_id = ? ORDER BY created_at, id"));
    q.bind(orderId).exec();
    QList<domain::OrderNote> notes;
    while (q.next()) {
        notes.append({ q.int64(0), q.text(1), q.text(2), q.text(3), q.int64(4) != 0, q.int64(5) });
    }
    return notes;
}

void OrderRepository::upsertNote(qint64 orderId, const domain::OrderNote &note) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("INSERT INTO order_notes (order_id, external_id, author, body, to_customer, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, external_id) DO UPDATE SET "
                       "author = excluded.author, body = excluded.body, to_customer = excluded.to_customer, "
                       "created_at = excluded.created_at"));
    q.bind(orderId)
        .bind(note.externalId)
        .bind(note.author)
        .bind(note.text)
        .bind(note.toCustomer ? 1 : 0)
        .bind(note.createdAt)
        .exec();
}

} // namespace waybill::storage
