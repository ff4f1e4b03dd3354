// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Channel.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace waybill::domain {

/// A file that came with an incoming message, with its bytes (stored by content hash on ingest).
struct IncomingAttachment {
    QString filename; ///< decoded (RFC 2231 / RFC 2047), never empty: a name is made up when the sender gave none
    QString mimeType; ///< lower case, e.g. "image/png"
    QByteArray content;
    QString contentId; ///< without angle brackets, for inline cid: images; empty otherwise
    bool isInline = false;
};

/// A message from any channel, normalised for the ingest pipeline: channel clients and parsers produce it, the
/// ingest pipeline dedupes, threads, identifies the customer, links the order and stores it. Value type.
struct IncomingMessage {
    QString account; ///< the receiving account's id ("email:support@shop.example")
    QString externalId; ///< unique within the account; dedupe key (e-mail: the Message-ID, or a hash of the raw bytes)
    Channel channel = Channel::Email;

    // Threading (e-mail): ids without angle brackets, oldest reference first.
    QString messageId;
    QString inReplyTo;
    QStringList references;
    QString threadIndex; ///< Outlook's Thread-Index, base64 as received

    QString subject;
    QString fromAddress; ///< lower case
    QString fromName;
    QString replyTo;
    QStringList to;
    QStringList cc;
    qint64 sentAt = 0; ///< the Date header (epoch seconds), 0 when missing or unparseable

    QString bodyText; ///< plain text (from text/plain, or derived from the HTML)
    QString bodyHtml; ///< the HTML part as sent (unsanitised: the display sanitises)
    QList<IncomingAttachment> attachments;

    bool isAutoReply
        = false; ///< Auto-Submitted, Precedence bulk/junk/auto_reply, X-Autoreply…: never answered automatically
    bool isBounce = false; ///< a delivery status notification
    QString bouncedMessageId; ///< the Message-ID of our message that bounced, when the report names it
    QString bounceDiagnostic; ///< the server's words, for the agent
};

} // namespace waybill::domain
