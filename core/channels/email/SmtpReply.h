// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

namespace waybill::channels::email {

/// One complete SMTP reply as SmtpCodec parses it (RFC 5321 §4.2). A plain value type.
///
/// - `250 2.0.0 Ok: queued as 4F3B21C0D2` → code 250, enhancedStatus "2.0.0", lines ["Ok: queued as 4F3B21C0D2"]
/// - `250-mail.example.com\r\n250-PIPELINING\r\n250 8BITMIME` → code 250, lines [mail.example.com, PIPELINING,
///   8BITMIME]
/// - `550-5.1.1 The email account…\r\n550 5.1.1 …gsmtp` → the enhanced status is taken off every line that repeats it
struct SmtpReply final {
    int code = 0;
    QByteArray enhancedStatus; ///< RFC 3463 `class.subject.detail`, e.g. "5.1.1"; empty when the server sent none
    QByteArrayList lines; ///< the text of each line, without the code and the enhanced status

    bool isPositive() const { return code >= 200 && code < 300; }
    bool isIntermediate() const { return code >= 300 && code < 400; }
    bool isTransientFailure() const { return code >= 400 && code < 500; }
    bool isPermanentFailure() const { return code >= 500; }
    /// The server's own words, one line per reply line (UTF-8, with invalid bytes replaced).
    QString text() const;
};

} // namespace waybill::channels::email
