// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TwilioWebhook.h"

#include "PhoneNumber.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>

namespace waybill::channels::sms {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TwilioWebhook", text);
}

QString value(const TwilioSignature::Params &params, const QString &name)
{
    for (const auto &[key, v] : params) {
        if (key == name) {
            return v;
        }
    }
    return {};
}

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
}

bool isSid(const QString &sid, const QString &prefixes)
{
    if (sid.size() != 34) {
        return false;
    }
    if (!prefixes.split(u',').contains(sid.left(2))) {
        return false;
    }
    return std::all_of(sid.cbegin() + 2, sid.cend(),
        [](QChar c) { return c.isDigit() || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'); });
}

/// One form-encoded name or value; std::nullopt when its bytes are not UTF-8.
std::optional<QString> formDecoded(QByteArray part)
{
    part.replace('+', ' ');
    // Stateless: a sequence cut off at the end is an error, not the start of a next chunk.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(QByteArray::fromPercentEncoding(part));
    if (decoder.hasError()) {
        return std::nullopt;
    }
    return decoded;
}

} // namespace

std::optional<TwilioSignature::Params> TwilioWebhook::parseForm(const QByteArray &body, QString *error)
{
    TwilioSignature::Params params;
    if (body.isEmpty()) {
        fail(error, tr("the body is empty (expected Twilio's form-encoded parameters)"));
        return std::nullopt;
    }
    const QList<QByteArray> pairs = body.split('&');
    if (pairs.size() > MaxParams) {
        fail(error, tr("the body has %1 parameters; Twilio sends at most %2").arg(pairs.size()).arg(MaxParams));
        return std::nullopt;
    }
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype equals = pair.indexOf('=');
        if (equals <= 0) {
            fail(error, tr("the body is not form-encoded (a parameter without a name or \"=\")"));
            return std::nullopt;
        }
        const auto name = formDecoded(pair.left(equals));
        const auto value = formDecoded(pair.mid(equals + 1));
        if (!name || !value) {
            fail(error, tr("the body is not UTF-8"));
            return std::nullopt;
        }
        params.append({ *name, *value });
    }
    if (params.isEmpty()) {
        fail(error, tr("the body has no parameters"));
        return std::nullopt;
    }
    return params;
}

std::optional<TwilioInboundSms> TwilioWebhook::inboundSms(const TwilioSignature::Params &params, QString *error)
{
    TwilioInboundSms sms;
    sms.messageSid = value(params, QStringLiteral("MessageSid"));
    sms.accountSid = value(params, QStringLiteral("AccountSid"));
    sms.body = value(params, QStringLiteral("Body"));
    if (!isSid(sms.messageSid, QStringLiteral("SM,MM"))) {
        fail(error, tr("MessageSid is missing or not a Twilio message SID"));
        return std::nullopt;
    }
    if (!isSid(sms.accountSid, QStringLiteral("AC"))) {
        fail(error, tr("AccountSid is missing or not a Twilio account SID"));
        return std::nullopt;
    }
    const auto from = PhoneNumber::toE164(value(params, QStringLiteral("From")));
    const auto to = PhoneNumber::toE164(value(params, QStringLiteral("To")));
    if (!from || !to) {
        fail(error,
            tr("From and To must be phone numbers (From: \"%1\", To: \"%2\")")
                .arg(value(params, QStringLiteral("From")), value(params, QStringLiteral("To"))));
        return std::nullopt;
    }
    sms.from = *from;
    sms.to = *to;
    bool ok = true;
    const QString numMedia = value(params, QStringLiteral("NumMedia"));
    const int media = numMedia.isEmpty() ? 0 : numMedia.toInt(&ok);
    if (!ok || media < 0 || media > 10) {
        fail(error, tr("NumMedia is \"%1\"; Twilio sends 0 to 10").arg(numMedia));
        return std::nullopt;
    }
    for (int i = 0; i < media; ++i) {
        const QUrl url(value(params, QStringLiteral("MediaUrl%1").arg(i)), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            fail(error, tr("MediaUrl%1 is missing or not an http(s) URL").arg(i));
            return std::nullopt;
        }
        sms.media.append({ url, value(params, QStringLiteral("MediaContentType%1").arg(i)).toLower() });
    }
    if (sms.body.isEmpty() && sms.media.isEmpty()) {
        fail(error, tr("the message has neither a Body nor media"));
        return std::nullopt;
    }
    return sms;
}

std::optional<TwilioStatusUpdate> TwilioWebhook::statusUpdate(const TwilioSignature::Params &params, QString *error)
{
    TwilioStatusUpdate update;
    update.messageSid = value(params, QStringLiteral("MessageSid"));
    update.accountSid = value(params, QStringLiteral("AccountSid"));
    update.status = value(params, QStringLiteral("MessageStatus"));
    if (update.status.isEmpty()) {
        update.status = value(params, QStringLiteral("SmsStatus"));
    }
    if (!isSid(update.messageSid, QStringLiteral("SM,MM"))) {
        fail(error, tr("MessageSid is missing or not a Twilio message SID"));
        return std::nullopt;
    }
    if (!isSid(update.accountSid, QStringLiteral("AC"))) {
        fail(error, tr("AccountSid is missing or not a Twilio account SID"));
        return std::nullopt;
    }
    static const QStringList known = { QStringLiteral("accepted"), QStringLiteral("scheduled"),
        QStringLiteral("queued"), QStringLiteral("sending"), QStringLiteral("sent"), QStringLiteral("delivered"),
        QStringLiteral("undelivered"), QStringLiteral("failed"), QStringLiteral("read"), QStringLiteral("canceled") };
    if (!known.contains(update.status)) {
        fail(error, tr("MessageStatus \"%1\" is not one Twilio sends").arg(update.status));
        return std::nullopt;
    }
    const QString code = value(params, QStringLiteral("ErrorCode"));
    bool ok = true;
    update.errorCode = code.isEmpty() ? 0 : code.toInt(&ok);
    if (!ok) {
        fail(error, tr("ErrorCode \"%1\" is not a number").arg(code));
        return std::nullopt;
    }
    return update;
}

domain::IncomingMessage TwilioWebhook::toIncoming(const TwilioInboundSms &sms, const QString &accountId)
{
    domain::IncomingMessage message;
    message.account = accountId;
    message.externalId = sms.messageSid;
    message.messageId = sms.messageSid;
    message.channel = domain::Channel::Sms;
    message.fromAddress = sms.from;
    message.to = { sms.to };
    message.sentAt = sms.sentAt;
    message.subject = tr("SMS from %1").arg(sms.from);
    message.bodyText = sms.body;
    return message;
}

} // namespace waybill::channels::sms
