// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

#include <QString>

namespace waybill::channels {

/// A mail server as the user writes it: `imaps://imap.example.com` (TLS from the start, port 993),
/// `imap://imap.example.com` (STARTTLS, 143), `smtps://…` (465), `smtp://…` (587, STARTTLS). Unencrypted
/// `imap+plain://` and `smtp+plain://` are accepted for this computer only (127.0.0.1, ::1, localhost), so that
/// passwords never cross a network in clear text.
struct ServerAddress {
    QString host;
    quint16 port = 0;
    Transport::Security security = Transport::Security::ImplicitTls;

    /// Parses `url` for protocol "imap" or "smtp"; on failure returns an empty host and sets `error` (for people).
    static ServerAddress parse(const QString &url, const QString &protocol, QString *error);
};

} // namespace waybill::channels
