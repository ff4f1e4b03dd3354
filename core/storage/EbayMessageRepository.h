// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/MarketplaceListing.h"

#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// What eBay needs to answer one stored buyer message (see migration 0021).
struct EbayMessageRecord {
    qint64 messageId = 0; ///< our message row
    QString account; ///< "ebay:<seller>"
    QString ebayMessageId; ///< eBay's MessageID
    QString itemId;
    QString itemTitle;
    QString senderId; ///< the buyer's eBay user id
    QString messageType; ///< AskSellerQuestion, …
    bool answered = false; ///< eBay accepted an answer to it
};

/// The eBay side of stored buyer messages: written by the eBay inbound pass in the message's transaction, read by
/// the eBay outbound to address a reply. Used on the thread that owns the connection; throws StorageError.
class EbayMessageRepository final {
public:
    explicit EbayMessageRepository(const Database &database);

    /// Records the eBay side of a stored message (nothing when it is recorded already).
    void record(const EbayMessageRecord &record) const;
    /// The newest buyer message of the conversation that came through `account`, if any.
    std::optional<EbayMessageRecord> newestInConversation(qint64 conversationId, const QString &account) const;
    /// The listing the conversation's newest eBay buyer message is about, if any (any account).
    std::optional<domain::MarketplaceListing> listingOf(qint64 conversationId) const;
    /// eBay accepted an answer to the buyer message `messageId`.
    void markAnswered(qint64 messageId) const;
    /// eBay says the buyer message with its MessageID `ebayMessageId` is answered (nothing when it is not stored).
    void markAnswered(const QString &account, const QString &ebayMessageId) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
