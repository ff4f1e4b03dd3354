// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayMyMessagesParser.h"

#include "EbayTradingResponse.h"
#include "channels/email/HtmlToText.h"

namespace waybill::channels::marketplace {

namespace {

using commerce::XmlElement;

QString text(const XmlElement &element, const char *path)
{
    return element.textAt(QString::fromLatin1(path)).trimmed();
}

bool looksLikeHtml(const QString &body)
{
    return body.contains(u'<') && body.contains(u'>');
}

} // namespace

std::optional<EbayMyMessagesPage> EbayMyMessagesParser::parse(const EbayTradingResponse &response, QString *problem)
{
    if (*problem = response.problemAsAnswerTo(QStringLiteral("GetMyMessages")); !problem->isEmpty()) {
        return std::nullopt;
    }
    const XmlElement &root = response.root();
    EbayMyMessagesPage page;
    if (const XmlElement *summary = root.child(QStringLiteral("Summary"))) {
        page.hasSummary = true;
        page.newMessageCount = text(*summary, "NewMessageCount").toInt();
        page.totalMessageCount = text(*summary, "TotalMessageCount").toInt();
        page.flaggedMessageCount = text(*summary, "FlaggedMessageCount").toInt();
        page.newAlertCount = text(*summary, "NewAlertCount").toInt();
        page.totalAlertCount = text(*summary, "TotalAlertCount").toInt();
        page.newHighPriorityCount = text(*summary, "NewHighPriorityCount").toInt();
    }
    const XmlElement *list = root.child(QStringLiteral("Messages"));
    if (!list) {
        return page;
    }
    int position = 0;
    for (const XmlElement *entry : list->children(QStringLiteral("Message"))) {
        ++position;
        EbayMyMessage message;
        message.messageId = text(*entry, "MessageID");
        if (message.messageId.isEmpty()) {
            page.skipped << QStringLiteral("message %1 (from %2) was left out: it has no MessageID")
                                .arg(position)
                                .arg(text(*entry, "Sender").isEmpty() ? QStringLiteral("an unknown sender")
                                                                      : text(*entry, "Sender"));
            continue;
        }
        message.externalMessageId = text(*entry, "ExternalMessageID");
        message.messageType = text(*entry, "MessageType");
        message.sender = text(*entry, "Sender");
        message.sendingUserId = text(*entry, "SendingUserID");
        message.recipientUserId = text(*entry, "RecipientUserID");
        message.sendToName = text(*entry, "SendToName");
        message.subject = text(*entry, "Subject");
        message.itemId = text(*entry, "ItemID");
        message.itemTitle = text(*entry, "ItemTitle");
        message.receivedAt = EbayTradingResponse::epochSeconds(text(*entry, "ReceiveDate"));
        message.expiresAt = EbayTradingResponse::epochSeconds(text(*entry, "ExpirationDate"));
        message.read = EbayTradingResponse::flag(text(*entry, "Read"));
        message.replied = EbayTradingResponse::flag(text(*entry, "Replied"));
        message.flagged = EbayTradingResponse::flag(text(*entry, "Flagged"));
        message.folderId = text(*entry, "Folder/FolderID");
        message.responseEnabled = EbayTradingResponse::flag(text(*entry, "ResponseDetails/ResponseEnabled"));
        message.responseUrl = text(*entry, "ResponseDetails/ResponseURL");
        message.html = entry->textAt(QStringLiteral("Text"));
        message.text = looksLikeHtml(message.html) ? email::HtmlToText::convert(message.html) : message.html.trimmed();
        page.messages << message;
    }
    return page;
}

} // namespace waybill::channels::marketplace
