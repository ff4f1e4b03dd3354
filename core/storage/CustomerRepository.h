// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Customer.h"

#include <optional>

namespace waybill::storage {

class Database;

/// Customers and their identities (e-mail, E.164 phone, marketplace buyer ids, chat visitor ids).
class CustomerRepository final {
public:
    explicit CustomerRepository(const Database &database);

    std::optional<domain::Customer> find(qint64 id) const;
    /// Who owns an identity: the customer's id and name.
    struct IdentityOwner {
        qint64 customerId = 0;
        QString name;
    };

    /// The customer who owns this identity, if any.
    std::optional<IdentityOwner> findByIdentity(const QString &kind, const QString &value) const;
    /// Gives the customer one more identity (a chat visitor's e-mail address, their phone number); false when some
    /// customer, this one or another, already has it (customers are never merged here). The search index keeps
    /// what the customer was indexed with.
    bool addIdentity(qint64 customerId, const QString &kind, const QString &value) const;
    /// Records whether the customer agreed to SMS and the channel they prefer ("" for the one they last wrote on);
    /// throws StorageError NotFound for an unknown id. Auditing is the caller's (engine::ConversationActions).
    void setContactPreferences(qint64 id, bool smsConsent, const QString &preferredChannel) const;
    /// Stores the customer with its identities and indexes name and identities for search; returns the id.
    qint64 insert(const domain::Customer &customer) const;
    /// Stores the customer with its identities but leaves the search index to the caller, who must index
    /// searchText(customer) under the returned id in the same transaction (bulk imports do it once per batch).
    qint64 insertUnindexed(const domain::Customer &customer) const;
    /// What insert() indexes for a customer: the name and every identity.
    static QString searchText(const domain::Customer &customer);

private:
    const Database &m_database;
};

} // namespace waybill::storage
