// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayMemberMessagesParser.h"

#include "EbayTradingResponse.h"

#include <QHash>

namespace waybill::channels::marketplace {

namespace {

using commerce::XmlElement;

QString text(const XmlElement &element, const char *path)
{
    return element.textAt(QString::fromLatin1(path)).trimmed();
}

/// The character an HTML character reference names ("amp", "#39", "#x27"), or an empty string.
QString reference(QStringView name)
{
    static const QHash<QString, QString> named = {
        { QStringLiteral("amp"), QStringLiteral("&") },
        { QStringLiteral("lt"), QStringLiteral("<") },
        { QStringLiteral("gt"), QStringLiteral(">") },
        { QStringLiteral("quot"), QStringLiteral("\"") },
        { QStringLiteral("apos"), QStringLiteral("'") },
        { QStringLiteral("nbsp"), QString(QChar(0xA0)) },
    };
    if (name.startsWith(u'#')) {
        bool ok = false;
        const bool hex = name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X');
        const uint code = hex ? name.mid(2).toUInt(&ok, 16) : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return {};
        }
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    return named.value(name.toString().toLower());
}

} // namespace

QString EbayMemberMessagesParser::plainBody(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text.at(i);
        if (ch == u'&') {
            const qsizetype end = text.indexOf(u';', i + 1);
            if (end > i + 1 && end - i <= 12) {
                const QString decoded = reference(QStringView(text).mid(i + 1, end - i - 1));
                if (!decoded.isEmpty()) {
                    out += decoded;
                    i = end;
                    continue;
                }
            }
        }
        if (ch == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) == u'\n') {
                continue;
            }
            out += u'\n';
            continue;
        }
        out += ch;
    }
    return out.trimmed();
}

std::optional<EbayMemberMessagesPage> EbayMemberMessagesParser::parse(
    const EbayTradingResponse &response, QString *problem)
{
    if (response.callName() != QLatin1String("GetMemberMessages")) {
        *problem = QStringLiteral("an answer to %1 is not a GetMemberMessages answer").arg(response.callName());
        return std::nullopt;
    }
    if (response.ack() == EbayTradingResponse::Ack::Failure) {
        *problem = response.errorSummary().isEmpty()
            ? QStringLiteral("eBay refused GetMemberMessages without giving a reason")
            : response.errorSummary();
        return std::nullopt;
    }
    const XmlElement &root = response.root();
    EbayMemberMessagesPage page;
    bool ok = false;
    const int pages = text(root, "PaginationResult/TotalNumberOfPages").toInt(&ok);
    page.totalPages = ok ? pages : 1;
    page.totalEntries = text(root, "PaginationResult/TotalNumberOfEntries").toInt();
    page.hasMore = EbayTradingResponse::flag(text(root, "HasMoreItems"));

    const XmlElement *list = root.child(QStringLiteral("MemberMessage"));
    if (!list) {
        return page; // no messages in the window
    }
    int position = 0;
    for (const XmlElement *exchange : list->children(QStringLiteral("MemberMessageExchange"))) {
        ++position;
        EbayMemberMessage message;
        const XmlElement *question = exchange->child(QStringLiteral("Question"));
        if (question) {
            message.messageId = text(*question, "MessageID");
            message.parentMessageId = text(*question, "ParentMessageID");
            message.messageType = text(*question, "MessageType");
            message.questionType = text(*question, "QuestionType");
            message.senderId = text(*question, "SenderID");
            message.senderEmail = text(*question, "SenderEmail");
            message.recipientId = text(*question, "RecipientID");
            message.subject = text(*question, "Subject");
            message.body = plainBody(question->textAt(QStringLiteral("Body")));
            message.displayToPublic = EbayTradingResponse::flag(text(*question, "DisplayToPublic"));
        }
        message.itemId = text(*exchange, "Item/ItemID");
        message.itemTitle = text(*exchange, "Item/Title");
        message.itemUrl = text(*exchange, "Item/ListingDetails/ViewItemURL");
        message.status = text(*exchange, "MessageStatus");
        message.createdAt = EbayTradingResponse::epochSeconds(text(*exchange, "CreationDate"));
        message.modifiedAt = EbayTradingResponse::epochSeconds(text(*exchange, "LastModifiedDate"));
        QList<const XmlElement *> media = exchange->children(QStringLiteral("MessageMedia"));
        if (question) {
            media += question->children(QStringLiteral("MessageMedia")); // the schema allows it in both places
        }
        for (const XmlElement *item : media) {
            const QString url = text(*item, "MediaURL");
            if (!url.isEmpty()) {
                message.mediaUrls << url;
            }
        }
        for (const XmlElement *answer : exchange->children(QStringLiteral("Response"))) {
            message.responses << plainBody(answer->text());
        }
        if (message.messageId.isEmpty() || message.senderId.isEmpty()) {
            const QString missing
                = message.messageId.isEmpty() ? QStringLiteral("no MessageID") : QStringLiteral("no SenderID");
            page.skipped << QStringLiteral("exchange %1 (item %2) was left out: it has %3")
                                .arg(position)
                                .arg(message.itemId.isEmpty() ? QStringLiteral("unknown") : message.itemId, missing);
            continue;
        }
        page.messages << message;
    }
    return page;
}

} // namespace waybill::channels::marketplace
