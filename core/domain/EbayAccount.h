// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace waybill::domain {

/// An eBay seller account whose buyer messages Waybill reads and answers through eBay's Trading API
/// (GetMemberMessages, AddMemberMessageRTQ / AddMemberMessageAAQToPartner), signed in with eBay's OAuth: the
/// seller's refresh token is in the keychain under `id`, the application's Cert ID (its client secret) under
/// certIdKey(); neither is here.
struct EbayAccount {
    static constexpr const char *DefaultTradingUrl = "https://api.ebay.com/ws/api.dll";
    static constexpr const char *DefaultTokenUrl = "https://api.ebay.com/identity/v1/oauth2/token";

    QString id; ///< "ebay:<seller user id>"
    QString name; ///< for people
    QString sellerUserId; ///< the seller's eBay user id, as buyers see it
    QString appId; ///< the App ID (OAuth client id) of the seller's eBay application
    QString siteId = QStringLiteral("0"); ///< the eBay site the calls are made for (0: eBay US, 3: UK, 77: Germany)
    QString tradingUrl; ///< empty for the default; set for the sandbox, a proxy or a local test server
    QString tokenUrl; ///< empty for the default token endpoint
    QString syncSince; ///< ISO 8601: the first pass reads messages created since then
    bool enabled = true;

    /// "eBay <name>" (the seller's user id when it has no name), for messages about the account.
    QString label() const;
    /// Where Trading API calls go: tradingUrl when set, else DefaultTradingUrl.
    QUrl tradingEndpoint() const;
    /// Where access tokens are refreshed: tokenUrl when set, else DefaultTokenUrl.
    QUrl tokenEndpoint() const;
    /// The id an account for this seller gets.
    static QString idFor(const QString &sellerUserId);
    /// The keychain key of the application's Cert ID.
    static QString certIdKey(const QString &accountId);
    /// Whether `userId` can be an eBay user id (letters, digits and . _ - *, 1 to 64 characters, no spaces).
    static bool isValidUserId(const QString &userId);
    /// Whether `siteId` is an eBay site id (a small number).
    static bool isValidSiteId(const QString &siteId);
};

} // namespace waybill::domain
