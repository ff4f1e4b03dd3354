// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutgoingMail.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace waybill::channels::email {

/// Writes header fields of outgoing mail as 7-bit RFC 5322 bytes: RFC 2047 encoded words (UTF-8, B or Q,
/// whichever is shorter, never splitting a character) for text that is not plain ASCII, RFC 2231 parameters,
/// angle-bracketed ids and the RFC 5322 date. Every field is folded at white space into lines of at most 78
/// characters and ends with CRLF. Control characters in values become spaces, so a value can never start a new
/// field. Pure functions, safe on any thread.
class HeaderEncoder final {
public:
    static constexpr int MaxLineLength = 78;

    /// A parameter of a structured field (Content-Type, Content-Disposition).
    struct Parameter {
        QByteArray name;
        QString value;
        /// Quoted RFC 2047 encoded words instead of RFC 2231 (name= for clients that predate RFC 2231).
        bool encodedWords = false;
    };

    /// "Subject: …\r\n" for unstructured text; plain ASCII words stay readable, the rest becomes encoded words.
    static QByteArray unstructured(const QByteArray &name, const QString &value);
    /// "To: Name <a@b>, =?UTF-8?B?…?= <c@d>\r\n"; empty when no mailbox has an address. Domains are written in
    /// their ASCII (IDNA) form.
    static QByteArray addresses(const QByteArray &name, const QList<OutgoingMail::Mailbox> &mailboxes);
    /// "References: <a@b> <c@d>\r\n"; empty when there is no usable id.
    static QByteArray messageIds(const QByteArray &name, const QStringList &ids);
    /// "Content-Type: image/png; name=…\r\n": `value` as given, each parameter folded onto its own line when needed.
    static QByteArray withParameters(
        const QByteArray &name, const QByteArray &value, const QList<Parameter> &parameters);
    /// The RFC 5322 date-time: "Thu, 05 Mar 2026 23:03:00 +0900".
    static QByteArray date(qint64 epochSeconds, int utcOffsetMinutes);
};

} // namespace waybill::channels::email
