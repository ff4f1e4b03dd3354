// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

namespace waybill::channels::sms {

/// One picture or file of an MMS: where Twilio keeps it (MediaUrlN) and its type (MediaContentTypeN).
struct TwilioMedia {
    QUrl url;
    QString contentType;
};

/// A message a customer texted to one of our Twilio numbers, as Twilio's incoming-message webhook (or the
/// message list) describes it. Numbers are E.164. Value type.
struct TwilioInboundSms {
    QString messageSid; ///< "SM…" or "MM…"; the dedupe key
    QString accountSid;
    QString from;
    QString to;
    QString body;
    qint64 sentAt = 0; ///< epoch seconds; 0 when Twilio did not say (webhooks)
    QList<TwilioMedia> media;
    /// A polled MMS: its media are not in the message list, only this list's path below the API
    /// ("/2010-04-01/Accounts/AC…/Messages/MM…/Media.json"); empty for webhooks (they carry `media`) and plain SMS.
    QString mediaListUri;
};

/// A status callback: where one of our messages stands ("queued", "sent", "delivered", "undelivered", "failed"…),
/// with Twilio's error code when it failed (0 otherwise).
struct TwilioStatusUpdate {
    QString messageSid;
    QString accountSid;
    QString status;
    int errorCode = 0;
};

} // namespace waybill::channels::sms
