// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxOutcome.h"

#include "EmailOutbound.h"
#include "domain/Message.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/TransactionGuard.h"

namespace waybill::engine {

using domain::Message;

OutboxOutcome::OutboxOutcome(const storage::Database &database)
    : m_database(database)
{
}

void OutboxOutcome::sent(qint64 outboxId, qint64 messageId) const
{
    storage::TransactionGuard transaction(m_database);
    storage::OutboxRepository(m_database).markDone(outboxId);
    storage::MessageRepository(m_database).setDelivery(messageId, Message::Delivery::Sent, QString());
    transaction.commit();
}

void OutboxOutcome::failed(qint64 outboxId, qint64 messageId, const QString &reason) const
{
    storage::TransactionGuard transaction(m_database);
    storage::OutboxRepository(m_database).markFailed(outboxId, reason);
    storage::MessageRepository(m_database).setDelivery(messageId, Message::Delivery::Failed, reason);
    transaction.commit();
}

void OutboxOutcome::retryOrFail(
    qint64 outboxId, qint64 messageId, int attempts, const QString &reason, qint64 now) const
{
    if (attempts >= EmailOutbound::MaxAttempts) {
        failed(outboxId, messageId, reason);
        return;
    }
    storage::OutboxRepository(m_database)
        .retryLater(outboxId, now + EmailOutbound::retryDelaySeconds(attempts), reason);
}

} // namespace waybill::engine
