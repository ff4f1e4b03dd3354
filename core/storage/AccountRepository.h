// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EmailAccount.h"
#include "domain/ShopifyAccount.h"

#include <QList>

#include <optional>

namespace waybill::storage {

class Database;

/// Channel accounts and their configuration (JSON, never secrets).
class AccountRepository final {
public:
    explicit AccountRepository(const Database &database);

    /// Adds or replaces the account with this id.
    void saveEmailAccount(const domain::EmailAccount &account, qint64 now) const;
    QList<domain::EmailAccount> emailAccounts() const;
    std::optional<domain::EmailAccount> emailAccount(const QString &id) const;
    /// Adds or replaces the Shopify store account with this id.
    void saveShopifyAccount(const domain::ShopifyAccount &account, qint64 now) const;
    QList<domain::ShopifyAccount> shopifyAccounts() const;
    bool remove(const QString &id) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
