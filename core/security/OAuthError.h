// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace waybill::security {

/// Why an OAuth2 sign-in or token refresh failed, with a message for people.
struct OAuthError {
    enum class Kind {
        NotConfigured, ///< no client id for the provider
        Denied, ///< the user (or an administrator's policy) refused access
        Timeout, ///< nobody finished signing in in the browser in time, or the server did not answer
        InvalidClient, ///< the provider does not know our client id (configuration)
        SignInAgain, ///< the refresh token was revoked or expired: the account must sign in again
        StateMismatch, ///< the browser came back with another request's answer: refused
        Network, ///< the token endpoint could not be reached
        Server, ///< any other error the provider reported
        Keychain, ///< the refresh token could not be read from or written to the keychain
    };

    Kind kind = Kind::Server;
    QString message;

    /// Maps an RFC 6749 error code ("access_denied", "invalid_grant", …) and its description to a kind and
    /// a message naming `providerName`.
    static OAuthError fromCode(const QString &code, const QString &description, const QString &providerName);
    /// Reads a token endpoint's error answer (JSON `{"error": …, "error_description": …}`); `httpStatus` is
    /// used when the body says nothing.
    static OAuthError fromTokenReply(int httpStatus, const QByteArray &body, const QString &providerName);
};

} // namespace waybill::security

Q_DECLARE_METATYPE(waybill::security::OAuthError)
