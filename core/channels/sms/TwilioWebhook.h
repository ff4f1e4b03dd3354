// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TwilioInboundSms.h"
#include "TwilioSignature.h"
#include "domain/IncomingMessage.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace waybill::channels::sms {

/// The pure codec of Twilio's webhooks (STYLE.md §11): the form-encoded bodies of the incoming-message webhook and
/// the status callback, to typed values, and an incoming SMS to the ingest pipeline's IncomingMessage. No I/O; any
/// thread. Every parse function says what is wrong in `error` when it returns nothing.
class TwilioWebhook final {
public:
    /// More parameters than this is not Twilio (an MMS has at most 10 media, i.e. about 40 parameters).
    static constexpr int MaxParams = 200;

    /// application/x-www-form-urlencoded → name/value pairs, in order ("+" is a space). Refuses bodies that are
    /// not UTF-8, pairs without "=" and too many pairs.
    static std::optional<TwilioSignature::Params> parseForm(const QByteArray &body, QString *error);
    /// The incoming-message webhook's parameters; From and To are normalised to E.164.
    static std::optional<TwilioInboundSms> inboundSms(const TwilioSignature::Params &params, QString *error);
    static std::optional<TwilioStatusUpdate> statusUpdate(const TwilioSignature::Params &params, QString *error);
    /// For the ingest pipeline: the customer is the sender's E.164 number (an identity of kind "phone"), the
    /// message id is the MessageSid. Media are not included (they are downloaded separately).
    static domain::IncomingMessage toIncoming(const TwilioInboundSms &sms, const QString &accountId);
};

} // namespace waybill::channels::sms
