// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CustomerRepository.h"

#include "Database.h"
#include "SearchIndex.h"
#include "SqlQuery.h"

#include <QStringList>

namespace waybill::storage {

CustomerRepository::CustomerRepository(const Database &database)
    : m_database(database)
{
}

std::optional<domain::Customer> CustomerRepository::find(qint64 id) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("SELECT id, name, first_name, created_at FROM customers WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    domain::Customer customer { q.int64(0), q.text(1), q.text(2), q.int64(3), {} };
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

std::optional<qint64> CustomerRepository::findByIdentity(const QString &kind, const QString &value) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("SELECT customer_id FROM identities WHERE kind = ? AND value = ?"));
    q.bind(kind).bind(value).exec();
    std::optional<qint64> id;
    if (q.next()) {
        id = q.int64(0);
    }
    q.finish();
    return id;
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

} // namespace waybill::storage
