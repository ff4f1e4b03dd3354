// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/Transport.h"

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

struct ImapResponse;

/// Why an IMAP operation failed, with the words that explain it to a person. A plain value type.
struct ImapError final {
    enum class Kind {
        Transport, ///< could not connect, or the connection dropped (see transportFailure)
        Tls, ///< TLS handshake failed or STARTTLS is not offered
        Timeout, ///< the server stopped answering
        Protocol, ///< the server sent something we cannot parse
        Authentication, ///< credentials rejected
        Temporary, ///< the server says "try again later" ([UNAVAILABLE], [INUSE], …)
        Command, ///< a NO or BAD for a command
        Unsupported, ///< the server lacks what the configuration needs (e.g. XOAUTH2)
        Aborted,
    };

    Kind kind = Kind::Command;
    QString message;
    QByteArray responseCode; ///< e.g. AUTHENTICATIONFAILED, NONEXISTENT
    Transport::Failure transportFailure = Transport::Failure::Other;

    /// True when retrying cannot help until a person changes something (password, server settings).
    bool isPermanent() const;
    /// An error from a tagged NO/BAD; [UNAVAILABLE]-like codes become Temporary.
    static ImapError fromResponse(Kind kind, const ImapResponse &response);
};

} // namespace waybill::channels::email
