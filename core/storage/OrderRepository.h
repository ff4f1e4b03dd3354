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
    /// The customer's orders, newest first, without lines.
    QList<domain::Order> forCustomer(qint64 customerId, int limit = 50) const;
    /// Orders whose number starts with `text` or whose customer's name or e-mail does, newest first.
    QList<domain::Order> lookup(const QString &text, int limit) const;
    qint64 insert(const domain::Order &order) const;

    /// The order's shipments, oldest first, each with its events.
    QList<domain::Shipment> shipments(qint64 orderId) const;
    qint64 insertShipment(const domain::Shipment &shipment) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
