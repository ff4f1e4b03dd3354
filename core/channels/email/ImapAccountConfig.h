// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/Transport.h"

#include <QString>

namespace waybill::channels::email {

/// How to reach and log in to one IMAP account. The secret is a password, or an OAuth2 access token for
/// XOAuth2; the caller fetches it from the credential store and never persists this struct.
struct ImapAccountConfig final {
    enum class AuthMethod {
        Automatic, ///< AUTHENTICATE PLAIN when offered, else LOGIN
        Login,
        Plain,
        XOAuth2,
    };

    QString accountId;
    QString host;
    quint16 port = 993;
    Transport::Security security = Transport::Security::ImplicitTls;
    AuthMethod authMethod = AuthMethod::Automatic;
    QString username;
    QString secret;
    /// A command (or the greeting) unanswered this long drops the connection; IDLE is exempt.
    int commandTimeoutMs = 60 * 1000;
};

} // namespace waybill::channels::email
