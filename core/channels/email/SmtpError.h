// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/Transport.h"

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

struct SmtpReply;

/// Why an SMTP operation failed: whether retrying later can help (isTemporary(): a 4xx reply, a dropped connection, a
/// timeout) or not (isPermanent(): a 5xx reply, rejected TLS, a missing extension), with the reply code, the
/// enhanced status and the server's own words for the agent. The outbox decides what to do; this only classifies.
/// A plain value type.
struct SmtpError final {
    enum class Kind {
        Transport, ///< could not connect, or the connection dropped (see transportFailure)
        Tls, ///< TLS handshake failed, or STARTTLS is not offered or refused
        Timeout, ///< the server stopped answering
        Protocol, ///< the server sent something that is not an SMTP reply
        Authentication, ///< AUTH was refused (code 535, 534, 454, …)
        Rejected, ///< the server refused the greeting, MAIL, RCPT or DATA (see code)
        Unsupported, ///< the server lacks what the message or configuration needs (AUTH, SMTPUTF8, SIZE)
        InvalidMessage, ///< the envelope cannot be sent as given (no recipients, an address with a line break)
        Aborted,
    };

    Kind kind = Kind::Rejected;
    QString message; ///< ours, naming the step: "RCPT TO:<a@example.com> refused: User unknown"
    int code = 0; ///< the server's reply code, 0 when there was no reply
    QByteArray enhancedStatus; ///< e.g. "5.1.1"
    QString serverText; ///< the server's own words, unchanged
    QString recipient; ///< the recipient the server refused, for RCPT
    Transport::Failure transportFailure = Transport::Failure::Other;
    /// The whole message went out but the server's verdict did not come back (the connection dropped or timed out
    /// after the final dot): the server may have accepted it. Still temporary.
    bool mayHaveBeenDelivered = false;

    /// A reply code decides when there is one (4xx temporary, 5xx permanent); otherwise the kind: a dropped
    /// connection, a timeout, a garbled reply or an abort are temporary.
    bool isTemporary() const;
    bool isPermanent() const { return !isTemporary(); }
    /// An error from a server reply; `context` names the step ("RCPT TO:<x> refused").
    static SmtpError fromReply(Kind kind, const SmtpReply &reply, const QString &context);
};

} // namespace waybill::channels::email
