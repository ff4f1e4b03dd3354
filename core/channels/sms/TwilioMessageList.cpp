// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TwilioMessageList.h"

#include "PhoneNumber.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace waybill::channels::sms {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TwilioMessageList", text);
}

bool looksLikeSid(const QString &sid)
{
    return sid.size() == 34 && sid.at(0).isLetter() && sid.at(1).isLetter();
}

} // namespace

std::optional<TwilioMessageList::Page> TwilioMessageList::parsePage(const QJsonDocument &json, QString *error)
{
    const QJsonValue messages = json.object().value(QStringLiteral("messages"));
    if (!json.isObject() || !messages.isArray()) {
        *error = tr("Twilio's message list has no \"messages\" array");
        return std::nullopt;
    }
    Page page;
    page.nextPageUri = json.object().value(QStringLiteral("next_page_uri")).toString();
    for (const QJsonValue &value : messages.toArray()) {
        const QJsonObject message = value.toObject();
        if (message.value(QStringLiteral("direction")).toString() != QLatin1String("inbound")) {
            continue; // our own replies are in the list too
        }
        TwilioInboundSms sms;
        sms.messageSid = message.value(QStringLiteral("sid")).toString();
        sms.accountSid = message.value(QStringLiteral("account_sid")).toString();
        sms.body = message.value(QStringLiteral("body")).toString();
        const auto from = PhoneNumber::toE164(message.value(QStringLiteral("from")).toString());
        const auto to = PhoneNumber::toE164(message.value(QStringLiteral("to")).toString());
        if (!looksLikeSid(sms.messageSid) || !from || !to) {
            *error = tr("a message in Twilio's list has no valid sid, from or to (%1)").arg(sms.messageSid);
            return std::nullopt;
        }
        sms.from = *from;
        sms.to = *to;
        const QDateTime sent
            = QDateTime::fromString(message.value(QStringLiteral("date_sent")).toString(), Qt::RFC2822Date);
        sms.sentAt = sent.isValid() ? sent.toSecsSinceEpoch() : 0;
        const int media = message.value(QStringLiteral("num_media")).toString().toInt();
        if (sms.body.isEmpty() && media > 0) {
            sms.body = QCoreApplication::translate("TwilioMessageList", "[%n picture(s) or file(s)]", nullptr, media);
        }
        if (media > 0) {
            const QString list = message.value(QStringLiteral("subresource_uris"))
                                     .toObject()
                                     .value(QStringLiteral("media"))
                                     .toString();
            // Only a path on Twilio's API: the fetcher asks it with the account's credentials.
            if (list.startsWith(u'/') && !list.startsWith(QLatin1String("//"))) {
                sms.mediaListUri = list;
            }
        }
        page.inbound.append(sms);
    }
    return page;
}

std::optional<TwilioStatusUpdate> TwilioMessageList::parseMessage(const QJsonObject &resource, QString *error)
{
    TwilioStatusUpdate update;
    update.messageSid = resource.value(QStringLiteral("sid")).toString();
    update.accountSid = resource.value(QStringLiteral("account_sid")).toString();
    update.status = resource.value(QStringLiteral("status")).toString();
    if (!looksLikeSid(update.messageSid) || update.status.isEmpty()) {
        *error = tr("Twilio's message resource has no sid or status");
        return std::nullopt;
    }
    const QJsonValue code = resource.value(QStringLiteral("error_code"));
    update.errorCode = code.isDouble() ? code.toInt() : code.toString().toInt();
    return update;
}

} // namespace waybill::channels::sms
