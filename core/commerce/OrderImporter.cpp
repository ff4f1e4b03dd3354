// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderImporter.h"

#include "ImportedOrder.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/OrderRepository.h"
#include "storage/SearchIndex.h"
#include "storage/StorageError.h"
#include "storage/SyncStateRepository.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace waybill::commerce {

using storage::StorageError;

namespace {

/// Where the sync state keeps the position of stopped order imports.
const QString ResumeAccount = QStringLiteral("import");

} // namespace

OrderImporter::OrderImporter(const storage::Database &database, std::function<qint64()> now)
    : m_database(database)
    , m_now(std::move(now))
{
}

OrderImporter::Stats OrderImporter::importFile(
    const QString &path, const OrderColumnMapping &mapping, const Progress &progress, int batchSize)
{
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        throw StorageError(StorageError::Kind::NotFound,
            QCoreApplication::translate("OrderImporter", "There is no file %1.").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        throw StorageError(StorageError::Kind::Other,
            QCoreApplication::translate("OrderImporter", "%1 cannot be read: %2").arg(path, file.errorString()));
    }
    OrderCsvReader reader(file, mapping);
    if (!reader.start()) {
        QString reason = reader.error();
        if (!reason.endsWith(u'?') && !reason.endsWith(u'.')) {
            reason += u'.';
        }
        throw StorageError(StorageError::Kind::Invalid,
            QCoreApplication::translate("OrderImporter", "%1 cannot be imported: %2")
                .arg(QFileInfo(path).fileName(), reason));
    }
    // Resume where a stopped import of this very file (same size and modification time) left off.
    const QString key = QStringLiteral("orders-csv:") + mapping.source() + u':' + QFileInfo(path).absoluteFilePath();
    const QFileInfo info(path);
    const QString stamp
        = QString::number(info.size()) + u':' + QString::number(info.lastModified().toMSecsSinceEpoch());
    const QStringList saved
        = storage::SyncStateRepository(m_database).value(ResumeAccount, key).split(u' ', Qt::SkipEmptyParts);
    bool resumed = false;
    if (saved.size() == 3 && saved.at(2) == stamp) {
        const OrderCsvReader::ResumePoint point { saved.at(0).toLongLong(), saved.at(1).toInt() };
        resumed = point.offset > 0 && reader.resumeFrom(point);
    }
    Stats stats = run(reader, file.size(), progress, batchSize, key, stamp);
    stats.resumed = resumed;
    return stats;
}

OrderImporter::Stats OrderImporter::run(OrderCsvReader &reader, qint64 totalBytes, const Progress &progress,
    int batchSize, const QString &resumeKey, const QString &fileStamp)
{
    const storage::SyncStateRepository state(m_database);
    Stats stats;
    m_seenOrders.clear();
    m_customerByEmail.clear();
    auto collectProblems = [&] {
        for (const OrderCsvReader::Problem &problem : reader.takeProblems()) {
            ++stats.badRows;
            if (stats.problems.size() < MaxKeptProblems) {
                stats.problems.append(problem);
            }
        }
    };
    bool more = true;
    while (more) {
        storage::TransactionGuard transaction(m_database);
        int inBatch = 0;
        ImportedOrder imported;
        while (inBatch < batchSize && (more = reader.next(imported))) {
            store(imported, stats);
            ++inBatch;
        }
        flushCustomerIndex();
        if (!resumeKey.isEmpty()) {
            const auto point = reader.resumePoint();
            state.setValue(ResumeAccount, resumeKey,
                more ? QString::number(point.offset) + u' ' + QString::number(point.line) + u' ' + fileStamp
                     : QString());
        }
        transaction.commit();
        collectProblems();
        stats.rows = reader.rows();
        if (progress && !progress(reader.position(), totalBytes) && more) {
            stats.stopped = true;
            break;
        }
    }
    collectProblems();
    return stats;
}

qint64 OrderImporter::customerFor(const ImportedOrder &imported, Stats &stats)
{
    const QString &email = imported.customerEmail;
    if (email.isEmpty() || !email.contains(u'@')) {
        return 0;
    }
    const storage::CustomerRepository customers(m_database);
    qint64 id = 0;
    if (const auto known = m_customerByEmail.constFind(email); known != m_customerByEmail.cend()) {
        id = known.value();
    } else if (const auto owner = customers.findByIdentity(QStringLiteral("email"), email)) {
        id = owner->customerId;
        ++stats.customersLinked;
    } else {
        domain::Customer customer;
        customer.name = imported.customerName.isEmpty() ? email.section(u'@', 0, 0) : imported.customerName;
        customer.firstName = customer.name.section(u' ', 0, 0);
        customer.createdAt = m_now();
        customer.identities.append({ 0, QStringLiteral("email"), email });
        id = customers.insertUnindexed(customer);
        m_pendingIndex.append({ id, storage::CustomerRepository::searchText(customer) });
        ++stats.customersCreated;
    }
    m_customerByEmail.insert(email, id);
    // The buyer's marketplace user id is how their messages through the marketplace's API name them.
    if (!imported.buyerUserId.isEmpty() && imported.order.source == QLatin1String("ebay")
        && !customers.findByIdentity(QStringLiteral("ebay"), imported.buyerUserId)) {
        customers.addIdentity(id, QStringLiteral("ebay"), imported.buyerUserId);
    }
    return id;
}

void OrderImporter::flushCustomerIndex()
{
    const storage::SearchIndex index(m_database);
    for (const auto &[id, text] : std::as_const(m_pendingIndex)) {
        index.indexCustomer(id, text);
    }
    m_pendingIndex.clear();
}

void OrderImporter::store(const ImportedOrder &imported, Stats &stats)
{
    const storage::OrderRepository orders(m_database);
    domain::Order order = imported.order;
    order.customerId = customerFor(imported, stats);
    const auto seen = m_seenOrders.constFind(order.number);
    qint64 id = 0;
    bool isNew = false;
    if (seen != m_seenOrders.cend()) {
        // The same order again further down the file (rows not kept together): add what it brings.
        id = seen.value();
        orders.appendLines(id, order.lines);
    } else if ((id = orders.idOf(order.source, order.number)) != 0) {
        orders.update(id, order);
        ++stats.updated;
    } else {
        id = orders.insert(order);
        isNew = true;
        ++stats.created;
    }
    m_seenOrders.insert(order.number, id);
    for (domain::Shipment shipment : imported.shipments) {
        if (!isNew && orders.hasShipment(id, shipment.trackingNumber)) {
            continue;
        }
        shipment.orderId = id;
        orders.insertShipment(shipment);
        ++stats.shipments;
    }
}

} // namespace waybill::commerce
