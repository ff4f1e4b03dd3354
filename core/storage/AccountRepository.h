// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AmazonAccount.h"
#include "domain/ChatAccount.h"
#include "domain/EbayAccount.h"
#include "domain/EmailAccount.h"
#include "domain/ShopifyAccount.h"
#include "domain/TrackingAccount.h"
#include "domain/TwilioAccount.h"
#include "domain/WooCommerceAccount.h"

#include <QList>

#include <optional>

class QJsonObject;

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
    /// Adds or replaces the WooCommerce store account with this id.
    void saveWooCommerceAccount(const domain::WooCommerceAccount &account, qint64 now) const;
    QList<domain::WooCommerceAccount> wooCommerceAccounts() const;
    /// Adds or replaces the Amazon seller account with this id.
    void saveAmazonAccount(const domain::AmazonAccount &account, qint64 now) const;
    QList<domain::AmazonAccount> amazonAccounts() const;
    /// Adds or replaces the eBay seller account with this id.
    void saveEbayAccount(const domain::EbayAccount &account, qint64 now) const;
    QList<domain::EbayAccount> ebayAccounts() const;
    /// Adds or replaces the Twilio SMS account with this id.
    void saveTwilioAccount(const domain::TwilioAccount &account, qint64 now) const;
    QList<domain::TwilioAccount> twilioAccounts() const;
    /// Adds or replaces the tracking provider account with this id.
    void saveTrackingAccount(const domain::TrackingAccount &account, qint64 now) const;
    QList<domain::TrackingAccount> trackingAccounts() const;
    /// Adds or replaces the live chat account with this id.
    void saveChatAccount(const domain::ChatAccount &account, qint64 now) const;
    QList<domain::ChatAccount> chatAccounts() const;
    bool remove(const QString &id) const;

private:
    /// Adds or replaces the account `id` of `kind` with its settings as JSON.
    void save(const QString &id, const QString &kind, const QString &name, const QJsonObject &config, bool enabled,
        qint64 now) const;

    const Database &m_database;
};

} // namespace waybill::storage
