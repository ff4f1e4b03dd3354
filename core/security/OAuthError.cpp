// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OAuthError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace waybill::security {

OAuthError OAuthError::fromCode(const QString &code, const QString &description, const QString &providerName)
{
    const QString detail = description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description);
    if (code == QLatin1String("access_denied") || code == QLatin1String("consent_required")
        || code == QLatin1String("interaction_required")) {
        return { Kind::Denied, QStringLiteral("Access was denied at %1%2.").arg(providerName, detail) };
    }
    if (code == QLatin1String("invalid_client") || code == QLatin1String("unauthorized_client")) {
        return { Kind::InvalidClient,
            QStringLiteral("%1 does not accept Waybill's client id: check the OAuth client id setting%2.")
                .arg(providerName, detail) };
    }
    if (code == QLatin1String("invalid_grant")) {
        return { Kind::SignInAgain,
            QStringLiteral("%1 no longer accepts this account's sign-in (revoked or expired): sign in again%2.")
                .arg(providerName, detail) };
    }
    if (code == QLatin1String("invalid_scope")) {
        return { Kind::Server,
            QStringLiteral("%1 refused the mail permissions Waybill asks for%2.").arg(providerName, detail) };
    }
    if (code == QLatin1String("temporarily_unavailable") || code == QLatin1String("server_error")) {
        return { Kind::Server,
            QStringLiteral("%1 is not available right now; try again later%2.").arg(providerName, detail) };
    }
    return { Kind::Server, QStringLiteral("%1 refused the sign-in: %2%3.").arg(providerName, code, detail) };
}

OAuthError OAuthError::fromTokenReply(int httpStatus, const QByteArray &body, const QString &providerName)
{
    QString code;
    QString description;
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (!object.isEmpty()) {
        code = object.value(QLatin1String("error")).toString();
        description = object.value(QLatin1String("error_description")).toString();
    } else {
        const QUrlQuery form(QString::fromUtf8(body));
        code = form.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
        description = form.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
    }
    if (!code.isEmpty()) {
        return fromCode(code, description.left(300), providerName);
    }
    if (httpStatus == 401) {
        return fromCode(QStringLiteral("invalid_client"), {}, providerName);
    }
    return { Kind::Server, QStringLiteral("%1's token service answered HTTP %2.").arg(providerName).arg(httpStatus) };
}

} // namespace waybill::security
