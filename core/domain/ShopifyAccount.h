// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace waybill::domain {

/// A Shopify store whose orders Waybill keeps in sync through the Admin REST API. The access token is not
/// here: it is in the keychain under `id`.
struct ShopifyAccount {
    static constexpr const char *DefaultApiVersion = "2024-01";

    QString id; ///< "shopify:shop.myshopify.com"
    QString name; ///< for people
    QString shop; ///< "shop.myshopify.com"
    QString apiVersion = QString::fromLatin1(DefaultApiVersion);
    QString baseUrl; ///< empty for https://<shop>; set for a proxy (or a local test server)
    bool enabled = true;

    /// The id an account for this shop gets.
    static QString idForShop(const QString &shop);
    /// Where requests go: the base URL when set, else https://<shop>.
    QUrl apiBase() const;
    /// Whether `shop` looks like NAME.myshopify.com (letters, digits and hyphens before the suffix).
    static bool isValidShop(const QString &shop);
};

} // namespace waybill::domain
