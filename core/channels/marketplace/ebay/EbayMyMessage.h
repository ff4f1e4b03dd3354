// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::marketplace {

/// One message of GetMyMessages (the seller's My Messages inbox: buyers' messages and eBay's alerts). With
/// ReturnHeaders the text fields stay empty. Times are seconds since the epoch (UTC), 0 when eBay sent none. A plain
/// value.
struct EbayMyMessage {
    QString messageId; ///< MessageID: what GetMyMessages with ReturnMessages asks for
    QString externalMessageId; ///< ExternalMessageID: the member message id, when the message is one
    QString messageType; ///< MessageType, when eBay sends it (AskSellerQuestion, ContactEbayMember, …)
    QString sender; ///< Sender: the eBay user id ("caylon2006") or "eBay"
    QString sendingUserId; ///< SendingUserID: eBay's numeric id of the sender
    QString recipientUserId;
    QString sendToName;
    QString subject;
    QString itemId;
    QString itemTitle;
    qint64 receivedAt = 0; ///< ReceiveDate
    qint64 expiresAt = 0; ///< ExpirationDate
    bool read = false;
    bool replied = false;
    bool flagged = false;
    QString folderId; ///< Folder/FolderID: 0 inbox, 1 sent
    bool responseEnabled = false; ///< ResponseDetails/ResponseEnabled
    QString responseUrl; ///< ResponseDetails/ResponseURL: where the seller answers on eBay
    QString text; ///< the message as readable plain text (eBay sends an HTML page)
    QString html; ///< Text as received (entities of the XML decoded): eBay's HTML page
};

} // namespace waybill::channels::marketplace
