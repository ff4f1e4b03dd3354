// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::channels::marketplace {

/// One buyer's question (a MemberMessageExchange of GetMemberMessages) with the listing it is about and the
/// seller's answers so far. Times are seconds since the epoch (UTC), 0 when eBay sent none. A plain value.
struct EbayMemberMessage {
    QString messageId; ///< Question/MessageID: the ParentMessageID of an answer (AddMemberMessageRTQ)
    QString parentMessageId; ///< Question/ParentMessageID, for a message that answers another
    QString messageType; ///< AskSellerQuestion, ResponseToASQQuestion, …
    QString questionType; ///< General, Shipping, Payment, …
    QString senderId; ///< the buyer's eBay user id
    QString senderEmail; ///< eBay's relay address (or the buyer's, in old answers)
    QString recipientId;
    QString subject;
    QString body; ///< plain text, line breaks kept, HTML entities decoded
    QString itemId;
    QString itemTitle;
    QString itemUrl; ///< Item/ListingDetails/ViewItemURL
    QString status; ///< MessageStatus: Answered or Unanswered
    bool displayToPublic = false;
    qint64 createdAt = 0; ///< CreationDate
    qint64 modifiedAt = 0; ///< LastModifiedDate
    QStringList mediaUrls; ///< MessageMedia/MediaURL
    QStringList responses; ///< Response: the answers sent, in order
};

} // namespace waybill::channels::marketplace
