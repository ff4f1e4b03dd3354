// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace waybill::channels::email {

/// One e-mail to send, as the agent wrote it: addresses, threading ids, the text (and optionally HTML) body,
/// attachments, the quoted previous message and the account's signature. MimeComposer turns it into RFC 5322
/// bytes. Value type; text is Unicode and unencoded, ids are without angle brackets.
struct OutgoingMail {
    /// An address with an optional display name ("王小明" <wang@example.cn>).
    struct Mailbox {
        QString address;
        QString name; ///< empty: the address alone
    };

    /// A file to attach. With a contentId it is an inline image that the HTML body shows as "cid:<contentId>".
    struct Attachment {
        QString filename; ///< any Unicode; written as RFC 2231 filename* plus an RFC 2047 name= for old clients
        QString mimeType; ///< "image/png"; application/octet-stream when empty or malformed
        QByteArray content;
        QString contentId; ///< without angle brackets; empty for an ordinary attachment
    };

    /// The message being answered, quoted below the reply ("On <date>, <author> wrote:").
    struct Quote {
        QString author; ///< "Jane Buyer" or "jane@example.com"
        qint64 date = 0; ///< epoch seconds; 0 leaves the date out of the attribution
        QString text; ///< plain text; an empty text means no quote
        QString attribution; ///< replaces the generated "On …, … wrote:" line when set
    };

    Mailbox from;
    QList<Mailbox> to;
    QList<Mailbox> cc;
    Mailbox replyTo; ///< no Reply-To field when the address is empty
    QString subject;

    QString messageId; ///< ours, from MimeComposer::newMessageId(); no Message-ID field when empty
    QString inReplyTo;
    QStringList references; ///< oldest first, see MimeComposer::replyReferences()
    qint64 date = 0; ///< epoch seconds; 0 means now
    int utcOffsetMinutes = 0; ///< the zone the Date field is written in (+540 for Japan)

    QString bodyText; ///< what the agent typed
    QString bodyHtml; ///< optional HTML fragment or document; generated from bodyText when empty
    bool plainTextOnly = false; ///< no HTML alternative (channels that show only text); inline images then attach
    QList<Attachment> attachments;

    Quote quote;
    QString signature; ///< plain text, after a "-- " line
    QString signatureHtml; ///< used with bodyHtml; generated from signature when empty

    /// Text bodies may be sent as raw UTF-8 ("8bit"): only when the server offered 8BITMIME.
    bool allow8bit = false;
};

} // namespace waybill::channels::email
