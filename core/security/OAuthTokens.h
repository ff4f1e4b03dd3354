// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace waybill::security {

/// What an OAuth2 token endpoint grants: a short-lived access token (the IMAP/SMTP XOAUTH2 secret), when it
/// expires, and a long-lived refresh token (kept in the keychain only). A plain value.
struct OAuthTokens {
    QString accessToken;
    QDateTime expiresAt; ///< UTC; invalid when the server did not say
    QString refreshToken; ///< may be empty on a refresh: the old one stays valid

    /// The access token is there and stays valid for more than `marginSeconds` after `now`.
    bool isFresh(const QDateTime &now, qint64 marginSeconds) const
    {
        return !accessToken.isEmpty() && (!expiresAt.isValid() || now.secsTo(expiresAt) > marginSeconds);
    }
};

} // namespace waybill::security

Q_DECLARE_METATYPE(waybill::security::OAuthTokens)
