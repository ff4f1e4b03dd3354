// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CustomerRepository.h"

#include "Database.h"
#include "SearchIndex.h"
#include "SqlQuery.h"
#include "StorageError.h"

#include <QStringList>

namespace waybill::storage {

CustomerRepository::CustomerRepository(const Database &database)
    : m_database(database)
{
}

std::optional<domain::Customer> CustomerRepository::find(qint64 id) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "SELECT id, name, first_name, created_at, sms_consent, preferred_channel FROM customers WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    domain::Customer customer;
    customer.id = q.int64(0);
    customer.name = q.text(1);
    customer.firstName = q.text(2);
    customer.createdAt = q.int64(3);
    customer.smsConsent = q.int64(4) != 0;
    customer.preferredChannel = q.text(5);
    q.finish();
    SqlQuery &i = m_database.prepared(
        QStringLiteral("SELECT id, kind, value FROM identities WHERE customer_id = ? ORDER BY id"));
    i.bind(id).exec();
    while (i.next()) {
        customer.identities.append({ i.int64(0), i.text(1), i.text(2) });
    }
    i.finish();
    return customer;
}

std::optional<CustomerRepository::IdentityOwner> CustomerRepository::findByIdentity(
    const QString &kind, const QString &value) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral("SELECT i.customer_id, c.name FROM identities i "
                                                     "JOIN customers c ON c.id = i.customer_id "
                                                     "WHERE i.kind = ? AND i.value = ?"));
    q.bind(kind).bind(value).exec();
    std::optional<IdentityOwner> owner;
    if (q.next()) {
        owner = IdentityOwner { q.int64(0), q.text(1) };
    }
    q.finish();
    return owner;
}

qint64 CustomerRepository::insert(const domain::Customer &customer) const
{
    const qint64 id = insertUnindexed(customer);
    SearchIndex(m_database).indexCustomer(id, searchText(customer));
    return id;
}

QString CustomerRepository::searchText(const domain::Customer &customer)
{
    QStringList searchable { customer.name };
    for (const domain::Identity &identity : customer.identities) {
        searchable << identity.value;
    }
    return searchable.join(u' ');
}

qint64 CustomerRepository::insertUnindexed(const domain::Customer &customer) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO customers (name, first_name, created_at) VALUES (?, ?, ?)"));
    q.bind(customer.name).bind(customer.firstName).bind(customer.createdAt).exec();
    const qint64 id = q.lastInsertId();
    for (const domain::Identity &identity : customer.identities) {
        SqlQuery &i
            = m_database.prepared(QStringLiteral("INSERT INTO identities (customer_id, kind, value) VALUES (?, ?, ?)"));
        i.bind(id).bind(identity.kind).bind(identity.value).exec();
    }
    return id;
}

bool CustomerRepository::addIdentity(qint64 customerId, const QString &kind, const QString &value) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "INSERT INTO identities (customer_id, kind, value) VALUES (?, ?, ?) ON CONFLICT (kind, value) DO NOTHING"));
    q.bind(customerId).bind(kind).bind(value).exec();
    return q.rowsAffected() > 0;
}

void CustomerRepository::setContactPreferences(qint64 id, bool smsConsent, const QString &preferredChannel) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("UPDATE customers SET sms_consent = ?, preferred_channel = ? WHERE id = ?"));
    q.bind(smsConsent ? 1 : 0).bind(preferredChannel).bind(id).exec();
    if (q.rowsAffected() == 0) {
        throw StorageError(StorageError::Kind::NotFound, QStringLiteral("That customer does not exist any more."));
    }
}

} // namespace waybill::storage
