// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreOrderWriter.h"

#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/OrderRepository.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <utility>

namespace waybill::commerce {

namespace {

Q_LOGGING_CATEGORY(lcStoreOrders, "waybill.store-orders")

} // namespace

StoreOrderWriter::StoreOrderWriter(const storage::Database &database, QString account, QString label)
    : m_database(database)
    , m_account(std::move(account))
    , m_label(std::move(label))
{
}

int StoreOrderWriter::write(const QList<StoreOrder> &orders) const
{
    const storage::OrderRepository repository(m_database);
    int stored = 0;
    for (const StoreOrder &parsed : orders) {
        domain::Order order = parsed.order;
        const std::optional<QString> owner = repository.accountOf(order.source, order.number);
        const bool othersNumber = owner && !owner->isEmpty() && *owner != m_account;
        order.customerId = othersNumber ? 0 : customerFor(parsed);
        const std::optional<qint64> id = othersNumber ? std::nullopt : repository.upsert(order);
        if (!id) {
            qCWarning(lcStoreOrders) << m_label << "order" << order.number
                                     << "was not stored: another account already has an order with that number";
            continue;
        }
        for (domain::Shipment shipment : parsed.shipments) {
            shipment.orderId = *id;
            repository.upsertShipment(shipment);
        }
        repository.removeStoreShipmentsExcept(*id, parsed.shipments);
        for (const domain::OrderRefund &refund : parsed.refunds) {
            repository.upsertRefund(*id, refund);
        }
        for (const domain::OrderNote &note : parsed.notes) {
            repository.upsertNote(*id, note);
        }
        ++stored;
    }
    return stored;
}

qint64 StoreOrderWriter::customerFor(const StoreOrder &order) const
{
    if (order.email.isEmpty()) {
        return 0;
    }
    const storage::CustomerRepository customers(m_database);
    if (const auto owner = customers.findByIdentity(QStringLiteral("email"), order.email)) {
        return owner->customerId;
    }
    domain::Customer customer;
    customer.name = order.customerName.isEmpty() ? order.email : order.customerName;
    customer.firstName = order.customerFirstName;
    customer.createdAt = QDateTime::currentSecsSinceEpoch();
    customer.identities.append({ 0, QStringLiteral("email"), order.email });
    return customers.insert(customer);
}

} // namespace waybill::commerce
