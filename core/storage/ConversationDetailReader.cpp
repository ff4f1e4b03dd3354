// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationDetailReader.h"

#include "AuditLogRepository.h"
#include "ConversationRepository.h"
#include "CustomerRepository.h"
#include "Database.h"
#include "EbayMessageRepository.h"
#include "MessageRepository.h"
#include "OrderRepository.h"
#include "TagRepository.h"
#include "WorkflowRepository.h"

#include <QSqlQuery>

namespace waybill::storage {

ConversationDetailReader::ConversationDetailReader(const Database &database)
    : m_database(database)
{
}

std::optional<domain::ConversationDetail> ConversationDetailReader::load(qint64 conversationId) const
{
    // One read transaction gives a consistent snapshot across the tables even while the engine writes.
    m_database.execute(QStringLiteral("BEGIN"));
    struct EndRead {
        const Database &db;
        ~EndRead() { QSqlQuery(db.connection()).exec(QStringLiteral("COMMIT")); }
    } endRead { m_database };

    auto conversation = ConversationRepository(m_database).find(conversationId);
    if (!conversation) {
        return std::nullopt;
    }
    domain::ConversationDetail detail;
    detail.conversation = std::move(*conversation);
    detail.conversation.tags = TagRepository(m_database).tagsOf(conversationId);
    detail.messages = MessageRepository(m_database).forConversation(conversationId);
    detail.audit = AuditLogRepository(m_database).forConversation(conversationId);
    if (detail.conversation.channel == domain::Channel::Ebay) {
        detail.listing = EbayMessageRepository(m_database).listingOf(conversationId);
    }
    const OrderRepository orders(m_database);
    if (detail.conversation.customerId) {
        detail.customer = CustomerRepository(m_database).find(detail.conversation.customerId);
        detail.customerOrders = orders.forCustomer(detail.conversation.customerId);
    }
    if (detail.conversation.orderId) {
        detail.order = orders.find(detail.conversation.orderId);
        detail.shipments = orders.shipments(detail.conversation.orderId);
        const WorkflowRepository workflows(m_database);
        detail.returns = workflows.returnsForOrder(detail.conversation.orderId);
        detail.claims = workflows.claimsForOrder(detail.conversation.orderId);
    }
    return detail;
}

} // namespace waybill::storage
