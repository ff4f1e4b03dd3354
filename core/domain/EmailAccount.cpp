// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmailAccount.h"

namespace waybill::domain {

QString EmailAccount::authKey(Auth auth)
{
    switch (auth) {
    case Auth::Password:
        return QStringLiteral("password");
    case Auth::OAuthGmail:
        return QStringLiteral("oauth:gmail");
    case Auth::OAuthMicrosoft:
        return QStringLiteral("oauth:microsoft");
    }
    return {};
}

EmailAccount::Auth EmailAccount::authFromKey(const QString &key)
{
    if (key == QLatin1String("oauth:gmail")) {
        return Auth::OAuthGmail;
    }
    if (key == QLatin1String("oauth:microsoft")) {
        return Auth::OAuthMicrosoft;
    }
    return Auth::Password;
}

} // namespace waybill::domain
