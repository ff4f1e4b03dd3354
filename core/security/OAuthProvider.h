// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EmailAccount.h"

#include <QString>
#include <QUrl>

namespace waybill::security {

/// Where and how one mail provider signs in with OAuth2: its endpoints, the scopes mail needs and our client
/// id there. A plain value; tests point the URLs at a loopback server. Client ids are configuration, never
/// code: they come from the workspace's settings or from WAYBILL_OAUTH_CLIENT_ID_GMAIL /
/// WAYBILL_OAUTH_CLIENT_ID_MICROSOFT (and an optional WAYBILL_OAUTH_CLIENT_SECRET_* for providers that insist
/// on one for desktop apps; such a "secret" is not confidential, but it is still never written in the code).
/// Self-hosted or test authorization servers replace the endpoints through WAYBILL_OAUTH_AUTHORIZATION_URL_GMAIL /
/// WAYBILL_OAUTH_TOKEN_URL_GMAIL (and _MICROSOFT); sign-in and token refresh read the same variables, so an
/// account keeps talking to the server it signed in with. Such an endpoint must be https (plain http only on
/// this computer); endpointProblem() names one that is not.
struct OAuthProvider {
    enum class Kind {
        Gmail,
        Microsoft,
        LoginWithAmazon, ///< Amazon's Selling Partner API: token refresh only, with the seller's own client
        Ebay, ///< eBay's OAuth (Trading API): token refresh only, the application's keys sent as HTTP Basic auth
    };

    Kind kind = Kind::Gmail;
    QString name; ///< for people: "Google", "Microsoft"
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QString scopes; ///< space-separated, as the authorization request sends them
    QString clientId;
    QString clientSecret; ///< empty for public clients (Microsoft); Google desktop clients may need one

    /// Google's endpoints and the full-mail scope; `clientId` empty means "from the environment".
    static OAuthProvider gmail(const QString &clientId = {}, const QString &clientSecret = {});
    /// Microsoft 365 / Outlook (the "common" tenant): IMAP, SMTP and a refresh token.
    static OAuthProvider microsoft(const QString &clientId = {}, const QString &clientSecret = {});
    /// Login with Amazon for an SP-API application: only the token endpoint; the client id and (confidential)
    /// secret are the seller's, the secret read from the keychain.
    static OAuthProvider loginWithAmazon(const QUrl &tokenUrl, const QString &clientId, const QString &clientSecret);
    /// eBay's token endpoint for an application's App ID (client id) and Cert ID (client secret, from the keychain):
    /// refreshes send `grant_type=refresh_token&refresh_token=…&scope=…` with `Authorization: Basic
    /// base64(appId:certId)` and get a User Access Token (eBay does not rotate the refresh token). An empty
    /// `tokenUrl` is ebayTokenUrl(), empty `scopes` ebayTradingScope().
    static OAuthProvider ebay(const QUrl &tokenUrl, const QString &appId, const QString &certId, const QString &scopes);
    /// https://api.ebay.com/identity/v1/oauth2/token
    static QUrl ebayTokenUrl();
    /// https://api.ebay.com/oauth/api_scope, the scope the Trading API accepts.
    static QString ebayTradingScope();
    /// The provider for an account's sign-in method; an empty value (no `name`) for password accounts.
    static OAuthProvider forAuth(domain::EmailAccount::Auth auth, const QString &clientId = {});
    static bool isOAuth(domain::EmailAccount::Auth auth);

    /// Moves both endpoints to `base` (scheme, host and port), keeping their paths (tests, proxies).
    void setBaseUrl(const QUrl &base);
    /// A client id is known: sign-in can start.
    bool isConfigured() const { return !clientId.isEmpty(); }
    /// The environment variable that holds this provider's client id.
    QString clientIdVariable() const;
    /// The environment variables that replace the authorization and token endpoints.
    QString authorizationUrlVariable() const;
    QString tokenUrlVariable() const;
    /// A sentence for people when an endpoint is not an https URL (or http on this computer); empty when both are.
    QString endpointProblem() const;
};

} // namespace waybill::security
