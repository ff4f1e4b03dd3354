// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace waybill::domain {

/// An Amazon seller account whose orders Waybill keeps in sync through the Selling Partner API (Orders v0), signed
/// in with Login with Amazon (LWA). The LWA refresh token is in the keychain under `id`, the LWA client secret under
/// clientSecretKey(); neither is here.
struct AmazonAccount {
    static constexpr const char *DefaultLwaUrl = "https://api.amazon.com/auth/o2/token";

    QString id; ///< "amazon:<marketplace id>"
    QString name; ///< for people
    QString baseUrl; ///< the SP-API endpoint: https://sellingpartnerapi-na.amazon.com (or a proxy, a test server)
    QString lwaUrl = QString::fromLatin1(DefaultLwaUrl); ///< the LWA token endpoint
    QString clientId; ///< the LWA client id of the seller's SP-API application
    QStringList marketplaceIds; ///< "ATVPDKIKX0DER"
    QString syncSince; ///< ISO 8601: the first pass asks for orders changed since then
    bool enabled = true;

    /// "Amazon <name>" (the id when it has no name), for messages about the account.
    QString label() const;
    /// The id an account for these marketplaces gets.
    static QString idFor(const QStringList &marketplaceIds);
    /// The keychain key of the LWA client secret.
    static QString clientSecretKey(const QString &accountId);
    /// Whether `id` looks like an Amazon marketplace id (upper-case letters and digits).
    static bool isValidMarketplaceId(const QString &id);
};

} // namespace waybill::domain
