// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutgoingMail.h"
#include "domain/IncomingMessage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace waybill::channels::email {

/// Writes outgoing mail as the RFC 5322 bytes an SMTP client sends and the Sent folder keeps:
/// multipart/alternative text and HTML (the HTML generated from the text when the agent wrote none),
/// multipart/related for inline cid: images, multipart/mixed for attachments; RFC 2047 headers, RFC 2231 file
/// names (plus an RFC 2047 name= for old clients), quoted-printable or base64 bodies (raw 8-bit only when the
/// caller allows it), CRLF line endings, no line longer than 998 bytes. Replies carry our Message-ID, In-Reply-To
/// and References; nothing marks them automatic, since agents write them. Pure functions, safe on any thread.
class MimeComposer final {
public:
    /// The whole message. Boundaries are random, so two calls give different bytes for the same mail.
    static QByteArray compose(const OutgoingMail &mail);
    /// The text/plain part as sent: the agent's text, the signature after a "-- " line, then the quote
    /// ("On …, … wrote:" and "> " lines). Also what the conversation shows as the sent text.
    static QString fullText(const OutgoingMail &mail);
    /// The text/html part as sent: the agent's HTML or the text as HTML, the signature, and the quote as a
    /// blockquote. Empty when the mail is plain text only.
    static QString fullHtml(const OutgoingMail &mail);

    /// A new globally unique Message-ID without angle brackets: "<time>.<random>@<domain>". `domain` is the
    /// sending account's domain; "waybill.invalid" when it is empty or unusable.
    static QString newMessageId(const QString &domain);

    /// References of a reply (RFC 5322 §3.6.4): the parent's References (or its In-Reply-To when it has no
    /// References) followed by the parent's Message-ID, ids without angle brackets, duplicates removed. Longer
    /// chains keep the first id and the last `maxIds - 1`, the ones threading needs.
    static QStringList replyReferences(const QString &parentMessageId, const QStringList &parentReferences,
        const QString &parentInReplyTo = {}, int maxIds = DefaultMaxReferences);
    static QStringList replyReferences(const domain::IncomingMessage &parent, int maxIds = DefaultMaxReferences);

    static constexpr int DefaultMaxReferences = 20;
};

} // namespace waybill::channels::email
