// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace waybill::domain {

/// A WooCommerce store whose orders Waybill keeps in sync through the WooCommerce REST API (v3). The REST API
/// consumer key and secret are in the keychain under `id` (as "key:secret"), never here.
struct WooCommerceAccount {
    QString id; ///< "woocommerce:shop.example" (the host, with a path when the store is not at the root)
    QString name; ///< for people
    QString baseUrl; ///< the site: https://shop.example (or https://example.com/shop)
    bool enabled = true;

    /// The id an account for this site gets.
    static QString idForUrl(const QUrl &url);
};

} // namespace waybill::domain
