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
    SqlQuery q(m_database, QStringLiteral("SELECT id, name, first_name, created_at FROM customers WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    domain::Customer customer { q.int64(0), q.text(1), q.text(2), q.int64(3), {} };
    SqlQuery i(m_database, QStringLiteral("SELECT id, kind, value FROM identities WHERE customer_id = ? ORDER BY id"));
    i.bind(id).exec();
    while (i.next()) {
        customer.identities.append({ i.int64(0), i.text(1), i.text(2) });
    }
    return customer;
}

std::optional<qint64> CustomerRepository::findByIdentity(const QString &kind, const QString &value) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT customer_id FROM identities WHERE kind = ? AND value = ?"));
    q.bind(kind).bind(value).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return q.int64(0);
}

qint64 CustomerRepository::insert(const domain::Customer &customer) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO customers (name, first_name, created_at) VALUES (?, ?, ?)"));
    q.bind(customer.name).bind(customer.firstName).bind(customer.createdAt).exec();
    const qint64 id = q.lastInsertId();
    QStringList searchable { customer.name };
    for (const domain::Identity &identity : customer.identities) {
        SqlQuery &i
            = m_database.prepared(QStringLiteral("INSERT INTO identities (customer_id, kind, value) VALUES (?, ?, ?)"));
        i.bind(id).bind(identity.kind).bind(identity.value).exec();
        searchable << identity.value;
    }
    SearchIndex(m_database).indexCustomer(id, searchable.join(u' '));
    return id;
}

} // namespace waybill::storage
