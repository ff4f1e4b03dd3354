// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayTradingRequest.h"

#include <algorithm>

namespace waybill::channels::marketplace {

namespace {

QString element(const QString &name, const QString &content)
{
    return u'<' + name + u'>' + content + QStringLiteral("</") + name + u'>';
}

QString textElement(const QString &name, const QString &text)
{
    return element(name, EbayTradingRequest::escape(text));
}

/// A whole request: the declaration, the `{call}Request` element in eBay's namespace with the common fields, then
/// `fields` (already XML).
QByteArray request(const QString &call, const QString &fields)
{
    const QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<") + call
        + QStringLiteral("Request xmlns=\"urn:ebay:apis:eBLBaseComponents\">")
        + element(QStringLiteral("ErrorLanguage"), QStringLiteral("en_US"))
        + element(QStringLiteral("WarningLevel"), QStringLiteral("High")) + fields + QStringLiteral("</") + call
        + QStringLiteral("Request>\n");
    return xml.toUtf8();
}

bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

} // namespace

QString EbayTradingRequest::escape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'&':
            out += QStringLiteral("&amp;");
            break;
        case U'<':
            out += QStringLiteral("&lt;");
            break;
        case U'>':
            out += QStringLiteral("&gt;");
            break;
        case U'"':
            out += QStringLiteral("&quot;");
            break;
        case U'\'':
            out += QStringLiteral("&apos;");
            break;
        case U'\r':
            out += QStringLiteral("&#13;"); // kept as sent: a parser would turn a bare CR into LF
            break;
        default:
            if (isXmlChar(c)) {
                out += QString::fromUcs4(&c, 1);
            }
            break;
        }
    }
    return out;
}

QString EbayTradingRequest::dateTime(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QByteArray EbayTradingRequest::getMemberMessages(
    const QDateTime &startCreation, const QDateTime &endCreation, int pageNumber, int entriesPerPage)
{
    int entries = 200;
    for (const int allowed : { 25, 50, 100, 200 }) {
        if (entriesPerPage <= allowed) {
            entries = allowed;
            break;
        }
    }
    return request(QStringLiteral("GetMemberMessages"),
        textElement(QStringLiteral("MailMessageType"), QStringLiteral("All"))
            + textElement(QStringLiteral("StartCreationTime"), dateTime(startCreation))
            + textElement(QStringLiteral("EndCreationTime"), dateTime(endCreation))
            + element(QStringLiteral("Pagination"),
                textElement(QStringLiteral("EntriesPerPage"), QString::number(entries))
                    + textElement(QStringLiteral("PageNumber"), QString::number(std::max(1, pageNumber)))));
}

QByteArray EbayTradingRequest::getMyMessagesHeaders(const QDateTime &startTime, const QDateTime &endTime)
{
    return request(QStringLiteral("GetMyMessages"),
        textElement(QStringLiteral("DetailLevel"), QStringLiteral("ReturnHeaders"))
            + textElement(QStringLiteral("StartTime"), dateTime(startTime))
            + textElement(QStringLiteral("EndTime"), dateTime(endTime)));
}

QByteArray EbayTradingRequest::getMyMessages(const QDateTime &startTime, const QDateTime &endTime)
{
    return getMyMessagesHeaders(startTime, endTime);
}

QByteArray EbayTradingRequest::getMyMessages(const QStringList &messageIds)
{
    QString ids;
    int count = 0;
    for (const QString &id : messageIds) {
        if (id.trimmed().isEmpty()) {
            continue;
        }
        if (count == MaxMessageIds) {
            break;
        }
        ids += textElement(QStringLiteral("MessageID"), id.trimmed());
        ++count;
    }
    return request(QStringLiteral("GetMyMessages"),
        textElement(QStringLiteral("DetailLevel"), QStringLiteral("ReturnMessages"))
            + element(QStringLiteral("MessageIDs"), ids));
}

QByteArray EbayTradingRequest::addMemberMessageRtq(
    const QString &itemId, const QString &parentMessageId, const QString &recipientId, const QString &body)
{
    return request(QStringLiteral("AddMemberMessageRTQ"),
        textElement(QStringLiteral("ItemID"), itemId)
            + element(QStringLiteral("MemberMessage"),
                textElement(QStringLiteral("DisplayToPublic"), QStringLiteral("false"))
                    + textElement(QStringLiteral("RecipientID"), recipientId)
                    + textElement(QStringLiteral("Body"), body)
                    + textElement(QStringLiteral("ParentMessageID"), parentMessageId)));
}

QByteArray EbayTradingRequest::addMemberMessageAaqToPartner(
    const QString &itemId, const QString &recipientId, const QString &subject, const QString &body)
{
    return request(QStringLiteral("AddMemberMessageAAQToPartner"),
        textElement(QStringLiteral("ItemID"), itemId)
            + element(QStringLiteral("MemberMessage"),
                textElement(QStringLiteral("QuestionType"), QStringLiteral("General"))
                    + textElement(QStringLiteral("RecipientID"), recipientId)
                    + textElement(QStringLiteral("Subject"), subject) + textElement(QStringLiteral("Body"), body)));
}

QByteArray EbayTradingRequest::geteBayOfficialTime()
{
    return request(QStringLiteral("GeteBayOfficialTime"), QString());
}

QString EbayTradingRequest::bodyProblem(const QString &body)
{
    if (body.trimmed().isEmpty()) {
        return QStringLiteral("The message is empty: eBay does not send empty messages.");
    }
    const qsizetype length = body.toUcs4().size();
    if (length > MaxBodyLength) {
        return QStringLiteral("The message has %1 characters; eBay accepts at most %2 in a member message. "
                              "Shorten it by %3 characters.")
            .arg(length)
            .arg(MaxBodyLength)
            .arg(length - MaxBodyLength);
    }
    return {};
}

} // namespace waybill::channels::marketplace
