// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace waybill::channels::email {

/// The SASL client responses that IMAP AUTHENTICATE and SMTP AUTH share, already base64-encoded (no CRLF). Pure
/// functions; any thread.
class SaslResponse final {
public:
    SaslResponse() = delete;

    /// PLAIN (RFC 4616): `\0username\0password`.
    static QByteArray plain(const QString &username, const QString &password);
    /// XOAUTH2 (Google, Microsoft): `user=…\x01auth=Bearer token\x01\x01`.
    static QByteArray xoauth2(const QString &username, const QString &accessToken);
    /// LOGIN (draft-murchison-sasl-login): the username or the password on its own.
    static QByteArray login(const QString &usernameOrPassword);
    /// A server challenge decoded for people; a XOAUTH2 rejection carries JSON such as `{"status":"401",…}`.
    static QString decodeChallenge(QByteArrayView base64);
};

} // namespace waybill::channels::email
