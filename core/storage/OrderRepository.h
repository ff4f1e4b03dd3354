// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Order.h"
#include "domain/Shipment.h"

#include <QList>

#include <optional>

namespace waybill::storage {

class Database;

/// Orders with their lines, and the shipments of each order with their tracking events.
class OrderRepository final {
public:
    explicit OrderRepository(const Database &database);

    std::optional<domain::Order> find(qint64 id) const;
    /// The order linked to the conversation when it comes from `source` ("amazon") and was synchronised from one of
    /// that source's accounts (it has an account and the store's id), else std::nullopt.
    std::optional<domain::Order> linkedStoreOrder(qint64 conversationId, const QString &source) const;
    /// The customer's orders, newest first, without lines.
    QList<domain::Order> forCustomer(qint64 customerId, int limit = 50) const;
    /// Orders whose number starts with `text` or whose customer's name or e-mail does, newest first.
    QList<domain::Order> lookup(const QString &text, int limit) const;
    qint64 insert(const domain::Order &order) const;
    /// The id of the order `number` from `source`, or 0 (one indexed lookup, for imports).
    qint64 idOf(const QString &source, const QString &number) const;
    /// Overwrites order `id`'s fields from `order` (source and number stay) and replaces its lines; a customer id
    /// of 0 keeps the linked customer.
    void update(qint64 id, const domain::Order &order) const;
    /// Adds lines to order `id` after the ones it has.
    void appendLines(qint64 id, const QList<domain::OrderLine> &lines) const;
    /// The order with this source and number, with its lines.
    std::optional<domain::Order> findByNumber(const QString &source, const QString &number) const;
    /// The account of the order with this source and number ("" for orders not from a store), if there is one.
    std::optional<QString> accountOf(const QString &source, const QString &number) const;
    /// Stores an order synchronised from a store: inserts it, or updates the row with the same source and number
    /// and replaces its lines. Returns the row id, or nothing when that number belongs to an order of another
    /// account (two stores numbering alike), which is left as it was.
    std::optional<qint64> upsert(const domain::Order &order) const;

    /// The order's shipments, oldest first, each with its events.
    QList<domain::Shipment> shipments(qint64 orderId) const;
    qint64 insertShipment(const domain::Shipment &shipment) const;
    /// Whether order `orderId` already has a shipment with this tracking number.
    bool hasShipment(qint64 orderId, const QString &trackingNumber) const;
    /// Stores a shipment known by the store's fulfillment id (externalId, not empty): inserts it or updates the one
    /// with the same order, fulfillment and tracking number. A status of Unknown leaves the stored status alone.
    void upsertShipment(const domain::Shipment &shipment) const;
    /// Removes the order's store shipments (those with a fulfillment id) that are not in `kept` — fulfillments the
    /// store cancelled, tracking numbers it replaced — with their tracking events. Shipments a delivery claim names
    /// stay. Returns how many went.
    int removeStoreShipmentsExcept(qint64 orderId, const QList<domain::Shipment> &kept) const;

    /// The order's refunds, oldest first.
    QList<domain::OrderRefund> refunds(qint64 orderId) const;
    /// Inserts the refund or updates the one with the same order and store id.
    void upsertRefund(qint64 orderId, const domain::OrderRefund &refund) const;
    /// Upserts the refund and sets the order's refunded amount to the sum of its refunds (a refund made from here,
    /// before the next sync brings it).
    void recordRefund(qint64 orderId, const domain::OrderRefund &refund) const;
    /// Sets the order's status ("cancelled" after a cancellation made from here).
    void setStatus(qint64 orderId, const QString &status) const;
    /// The order's store notes, oldest first.
    QList<domain::OrderNote> notes(qint64 orderId) const;
    /// Inserts the note or updates the one with the same order and store id.
    void upsertNote(qint64 orderId, const domain::OrderNote &note) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
