// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthProvider.h"

#include <QtGlobal>

#include <utility>

namespace waybill::security {

namespace {

QString fromEnvironment(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

/// `fallback`, unless the environment variable `name` gives another endpoint.
QUrl endpoint(const char *name, const QString &fallback)
{
    const QString replaced = fromEnvironment(name);
    return QUrl(replaced.isEmpty() ? fallback : replaced);
}

bool isLoopback(const QString &host)
{
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1")
        || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
}

bool isAcceptable(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return false;
    }
    return url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && isLoopback(url.host()));
}

} // namespace

OAuthProvider OAuthProvider::gmail(const QString &clientId, const QString &clientSecret)
{
    OAuthProvider provider;
    provider.kind = Kind::Gmail;
    provider.name = QStringLiteral("Google");
    provider.authorizationUrl = endpoint(
        "WAYBILL_OAUTH_AUTHORIZATION_URL_GMAIL", QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"));
    provider.tokenUrl
        = endpoint("WAYBILL_OAUTH_TOKEN_URL_GMAIL", QStringLiteral("https://oauth2.googleapis.com/token"));
    provider.scopes = QStringLiteral("https://mail.google.com/");
    provider.clientId = clientId.isEmpty() ? fromEnvironment("WAYBILL_OAUTH_CLIENT_ID_GMAIL") : clientId;
    provider.clientSecret
        = clientSecret.isEmpty() ? fromEnvironment("WAYBILL_OAUTH_CLIENT_SECRET_GMAIL") : clientSecret;
    return provider;
}

OAuthProvider OAuthProvider::microsoft(const QString &clientId, const QString &clientSecret)
{
    OAuthProvider provider;
    provider.kind = Kind::Microsoft;
    provider.name = QStringLiteral("Microsoft");
    provider.authorizationUrl = endpoint("WAYBILL_OAUTH_AUTHORIZATION_URL_MICROSOFT",
        QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"));
    provider.tokenUrl = endpoint("WAYBILL_OAUTH_TOKEN_URL_MICROSOFT",
        QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
    provider.scopes = QStringLiteral("https://outlook.office.com/IMAP.AccessAsUser.All "
                                     "https://outlook.office.com/SMTP.Send offline_access");
    provider.clientId = clientId.isEmpty() ? fromEnvironment("WAYBILL_OAUTH_CLIENT_ID_MICROSOFT") : clientId;
    provider.clientSecret
        = clientSecret.isEmpty() ? fromEnvironment("WAYBILL_OAUTH_CLIENT_SECRET_MICROSOFT") : clientSecret;
    return provider;
}

OAuthProvider OAuthProvider::forAuth(domain::EmailAccount::Auth auth, const QString &clientId)
{
    switch (auth) {
    case domain::EmailAccount::Auth::OAuthGmail:
        return gmail(clientId);
    case domain::EmailAccount::Auth::OAuthMicrosoft:
        return microsoft(clientId);
    case domain::EmailAccount::Auth::Password:
        break;
    }
    return {};
}

bool OAuthProvider::isOAuth(domain::EmailAccount::Auth auth)
{
    return auth == domain::EmailAccount::Auth::OAuthGmail || auth == domain::EmailAccount::Auth::OAuthMicrosoft;
}

void OAuthProvider::setBaseUrl(const QUrl &base)
{
    for (QUrl *url : { &authorizationUrl, &tokenUrl }) {
        url->setScheme(base.scheme());
        url->setHost(base.host());
        url->setPort(base.port());
    }
}

OAuthProvider OAuthProvider::loginWithAmazon(const QUrl &tokenUrl, const QString &clientId, const QString &clientSecret)
{
    OAuthProvider provider;
    provider.kind = Kind::LoginWithAmazon;
    provider.name = QStringLiteral("Login with Amazon");
    provider.tokenUrl = tokenUrl;
    provider.clientId = clientId;
    provider.clientSecret = clientSecret;
    return provider;
}

OAuthProvider OAuthProvider::ebay(
    const QUrl &tokenUrl, const QString &appId, const QString &certId, const QString &scopes)
{
    OAuthProvider provider;
    provider.kind = Kind::Ebay;
    provider.name = QStringLiteral("eBay");
    provider.tokenUrl = tokenUrl.isEmpty() ? ebayTokenUrl() : tokenUrl;
    provider.scopes = scopes.trimmed().isEmpty() ? ebayTradingScope() : scopes.trimmed();
    provider.clientId = appId;
    provider.clientSecret = certId;
    return provider;
}

QUrl OAuthProvider::ebayTokenUrl()
{
    return QUrl(QStringLiteral("https://api.ebay.com/identity/v1/oauth2/token"));
}

QString OAuthProvider::ebayTradingScope()
{
    return QStringLiteral("https://api.ebay.com/oauth/api_scope");
}

QString OAuthProvider::clientIdVariable() const
{
    if (kind == Kind::LoginWithAmazon) {
        return QStringLiteral("the account's --client-id");
    }
    if (kind == Kind::Ebay) {
        return QStringLiteral("the account's eBay App ID");
    }
    return kind == Kind::Gmail ? QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_GMAIL")
                               : QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_MICROSOFT");
}

QString OAuthProvider::authorizationUrlVariable() const
{
    if (kind == Kind::LoginWithAmazon || kind == Kind::Ebay) {
        return {};
    }
    return kind == Kind::Gmail ? QStringLiteral("WAYBILL_OAUTH_AUTHORIZATION_URL_GMAIL")
                               : QStringLiteral("WAYBILL_OAUTH_AUTHORIZATION_URL_MICROSOFT");
}

QString OAuthProvider::tokenUrlVariable() const
{
    if (kind == Kind::LoginWithAmazon) {
        return QStringLiteral("the account's --lwa-url");
    }
    if (kind == Kind::Ebay) {
        return QStringLiteral("the account's eBay token URL");
    }
    return kind == Kind::Gmail ? QStringLiteral("WAYBILL_OAUTH_TOKEN_URL_GMAIL")
                               : QStringLiteral("WAYBILL_OAUTH_TOKEN_URL_MICROSOFT");
}

QString OAuthProvider::endpointProblem() const
{
    for (const auto &[url, variable] :
        { std::pair { authorizationUrl, authorizationUrlVariable() }, std::pair { tokenUrl, tokenUrlVariable() } }) {
        if ((kind == Kind::LoginWithAmazon || kind == Kind::Ebay) && url == authorizationUrl) {
            continue; // no sign-in in the browser here: the seller authorises the application on the marketplace
        }
        if (!isAcceptable(url)) {
            return QStringLiteral("The %1 sign-in address \"%2\" (%3) is not an https address; plain http is "
                                  "accepted only for this computer.")
                .arg(name, url.toString(), variable);
        }
    }
    return {};
}

} // namespace waybill::security
