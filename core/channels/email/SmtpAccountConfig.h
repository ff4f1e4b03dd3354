// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/Transport.h"

#include <QString>

namespace waybill::channels::email {

/// How to reach and log in to one SMTP submission server. The secret is a password, or an OAuth2 access token for
/// XOAuth2; the caller fetches it from the credential store and never persists this struct.
struct SmtpAccountConfig final {
    enum class AuthMethod {
        Automatic, ///< AUTH PLAIN when offered, else AUTH LOGIN
        Plain,
        Login,
        XOAuth2,
        None, ///< no AUTH (a relay that trusts the network; loopback tests)
    };

    QString accountId;
    QString host;
    quint16 port = 587; ///< 587 with StartTls, 465 with ImplicitTls
    Transport::Security security = Transport::Security::StartTls;
    AuthMethod authMethod = AuthMethod::Automatic;
    QString username;
    QString secret;
    /// The name we give in EHLO; an address literal reveals nothing about the agent's machine.
    QString heloName = QStringLiteral("[127.0.0.1]");
    /// A command (or the greeting, or the reply to the message content) unanswered this long drops the connection
    /// with a temporary error.
    int commandTimeoutMs = 2 * 60 * 1000;
};

} // namespace waybill::channels::email
