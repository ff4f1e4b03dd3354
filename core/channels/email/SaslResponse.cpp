// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaslResponse.h"

namespace waybill::channels::email {

QByteArray SaslResponse::plain(const QString &username, const QString &password)
{
    return QByteArray('\0' + username.toUtf8() + '\0' + password.toUtf8()).toBase64();
}

QByteArray SaslResponse::xoauth2(const QString &username, const QString &accessToken)
{
    return QByteArray("user=" + username.toUtf8()
        + "\x01"
          "auth=Bearer "
        + accessToken.toUtf8() + "\x01\x01")
        .toBase64();
}

QByteArray SaslResponse::login(const QString &usernameOrPassword)
{
    return usernameOrPassword.toUtf8().toBase64();
}

QString SaslResponse::decodeChallenge(QByteArrayView base64)
{
    return QString::fromUtf8(QByteArray::fromBase64(base64.toByteArray())).trimmed();
}

} // namespace waybill::channels::email
