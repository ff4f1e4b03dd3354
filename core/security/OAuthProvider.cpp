// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthProvider.h"

#include <QtGlobal>

namespace waybill::security {

namespace {

QString fromEnvironment(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

} // namespace

OAuthProvider OAuthProvider::gmail(const QString &clientId, const QString &clientSecret)
{
    OAuthProvider provider;
    provider.kind = Kind::Gmail;
    provider.name = QStringLiteral("Google");
    provider.authorizationUrl = QUrl(QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth"));
    provider.tokenUrl = QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
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
    provider.authorizationUrl = QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"));
    provider.tokenUrl = QUrl(QStringLiteral("https://login.microsoftonline.com/common/oauth2/v2.0/token"));
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

QString OAuthProvider::clientIdVariable() const
{
    return kind == Kind::Gmail ? QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_GMAIL")
                               : QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_MICROSOFT");
}

} // namespace waybill::security
