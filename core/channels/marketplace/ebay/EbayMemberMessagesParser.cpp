// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayMemberMessagesParser.h"

#include "EbayTradingResponse.h"
#include "channels/email/HtmlToText.h"

#include <QHash>

namespace waybill::channels::marketplace {

namespace {

using commerce::XmlElement;

QString text(const XmlElement &element, const char *path)
{
    return element.textAt(QString::fromLatin1(path)).trimmed();
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
                const QString decoded = email::HtmlToText::decodeEntity(QStringView(text).mid(i + 1, end - i - 1));
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
    if (*problem = response.problemAsAnswerTo(QStringLiteral("GetMemberMessages")); !problem->isEmpty()) {
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
