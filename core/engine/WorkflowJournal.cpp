// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowJournal.h"

#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <QCoreApplication>

namespace waybill::engine {

using storage::StorageError;

WorkflowJournal::WorkflowJournal(const storage::Database &database, qint64 agentId, std::function<qint64()> now)
    : m_database(database)
    , m_agentId(agentId)
    , m_now(std::move(now))
{
}

domain::Order WorkflowJournal::linkedOrder(qint64 conversationId) const
{
    const auto conversation = storage::ConversationRepository(m_database).find(conversationId);
    if (!conversation) {
        throw StorageError(StorageError::Kind::NotFound,
            QCoreApplication::translate("WorkflowJournal", "The conversation does not exist any more."));
    }
    if (conversation->orderId == 0) {
        throw StorageError(StorageError::Kind::Invalid,
            QCoreApplication::translate("WorkflowJournal", "Link the conversation to an order first."));
    }
    return order(conversation->orderId);
}

domain::Order WorkflowJournal::order(qint64 orderId) const
{
    auto found = storage::OrderRepository(m_database).find(orderId);
    if (!found) {
        throw StorageError(StorageError::Kind::NotFound,
            QCoreApplication::translate("WorkflowJournal", "The order does not exist any more."));
    }
    return *found;
}

void WorkflowJournal::record(qint64 conversationId, qint64 orderId, const QString &action, const QString &detail) const
{
    const qint64 at = m_now();
    if (conversationId != 0) {
        storage::AuditLogRepository(m_database).record({ 0, at, m_agentId, {}, conversationId, action, detail });
    }
    storage::SqlQuery q(m_database, QStringLiteral("SELECT id FROM conversations WHERE order_id = ?"));
    q.bind(orderId).exec();
    QList<qint64> linked;
    while (q.next()) {
        linked.append(q.int64(0));
    }
    const storage::ConversationRepository conversations(m_database);
    for (const qint64 id : std::as_const(linked)) {
        conversations.refreshOrderSnapshot(id, at);
    }
}

QString WorkflowJournal::money(const QString &currency, qint64 cents)
{
    return QStringLiteral("%1 %2").arg(currency, QString::number(double(cents) / 100.0, 'f', 2));
}

} // namespace waybill::engine
