// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayMessageRepository.h"

#include "SqlQuery.h"

namespace waybill::storage {

EbayMessageRepository::EbayMessageRepository(const Database &database)
    : m_database(database)
{
}

void EbayMessageRepository::record(const EbayMessageRecord &record) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "INSERT OR IGNORE INTO ebay_messages (message_id, account, ebay_message_id, item_id, item_title, "
            "sender_id, message_type, answered) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(record.messageId)
        .bind(record.account)
        .bind(record.ebayMessageId)
        .bind(record.itemId)
        .bind(record.itemTitle)
        .bind(record.senderId)
        .bind(record.messageType)
        .bind(record.answered ? 1 : 0)
        .exec();
}

std::optional<EbayMessageRecord> EbayMessageRepository::newestInConversation(
    qint64 conversationId, const QString &account) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT e.message_id, e.account, e.ebay_message_id, e.item_id, e.item_title, e.sender_id, "
                       "e.message_type, e.answered FROM ebay_messages e JOIN messages m ON m.id = e.message_id "
                       "WHERE m.conversation_id = ? AND e.account = ? ORDER BY m.created_at DESC, m.id DESC LIMIT 1"));
    q.bind(conversationId).bind(account).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return EbayMessageRecord { q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6),
        q.int64(7) != 0 };
}

std::optional<domain::MarketplaceListing> EbayMessageRepository::listingOf(qint64 conversationId) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "SELECT e.item_id, e.item_title FROM ebay_messages e JOIN messages m ON m.id = e.message_id "
            "WHERE m.conversation_id = ? AND e.item_id <> '' ORDER BY m.created_at DESC, m.id DESC LIMIT 1"));
    q.bind(conversationId).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return domain::MarketplaceListing { QStringLiteral("ebay"), q.text(0), q.text(1) };
}

void EbayMessageRepository::markAnswered(const QString &account, const QString &ebayMessageId) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "UPDATE ebay_messages SET answered = 1 WHERE account = ? AND ebay_message_id = ? AND answered = 0"));
    q.bind(account).bind(ebayMessageId).exec();
}

void EbayMessageRepository::markAnswered(qint64 messageId) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE ebay_messages SET answered = 1 WHERE message_id = ?"));
    q.bind(messageId).exec();
}

} // namespace waybill::storage
