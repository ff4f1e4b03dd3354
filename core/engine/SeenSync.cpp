// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeenSync.h"

#include "storage/MailActionRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TransactionGuard.h"

namespace waybill::engine {

SeenSync::SeenSync(const storage::Database &database)
    : m_database(database)
{
}

QList<storage::MessageLocation> SeenSync::takeUnseen(qint64 conversationId, qint64 now) const
{
    const storage::MessageLocationRepository locations(m_database);
    const storage::MailActionRepository actions(m_database);
    storage::TransactionGuard transaction(m_database);
    QList<storage::MessageLocation> unseen = locations.unseenInbound(conversationId);
    for (storage::MessageLocation &location : unseen) {
        locations.setSeen(location.account, location.mailbox, location.uidValidity, location.uid, true);
        actions.addSeen(location.account, location.mailbox, location.uidValidity, location.uid, now);
        location.seen = true;
    }
    transaction.commit();
    return unseen;
}

QList<storage::MailAction> SeenSync::pendingFlags(const QString &account) const
{
    return storage::MailActionRepository(m_database).pending(account, storage::MailAction::Kind::Seen);
}

void SeenSync::stored(
    const QString &account, const QString &mailbox, quint32 uidValidity, const QList<quint32> &uids) const
{
    storage::TransactionGuard transaction(m_database);
    storage::MailActionRepository(m_database).removeSeen(account, mailbox, uidValidity, uids);
    transaction.commit();
}

void SeenSync::retryLater(
    const QString &account, const QString &mailbox, qint64 nextAttemptAt, const QString &error) const
{
    storage::MailActionRepository(m_database).retrySeenLater(account, mailbox, nextAttemptAt, error);
}

void SeenSync::forgetOutdated(const QString &account, const QString &mailbox, quint32 current) const
{
    storage::MailActionRepository(m_database).removeOutdatedSeen(account, mailbox, current);
}

bool SeenSync::record(const storage::MessageLocation &location, qint64 conversationId) const
{
    storage::MessageLocationRepository(m_database).record(location);
    return location.seen && markReadIfAllSeen(conversationId);
}

std::optional<qint64> SeenSync::serverFlags(
    const QString &account, const QString &mailbox, quint32 uidValidity, quint32 uid, bool seen) const
{
    storage::TransactionGuard transaction(m_database);
    const auto conversationId
        = storage::MessageLocationRepository(m_database).setSeen(account, mailbox, uidValidity, uid, seen);
    const bool changed = conversationId && seen && markReadIfAllSeen(*conversationId);
    transaction.commit();
    return changed ? conversationId : std::nullopt;
}

bool SeenSync::markReadIfAllSeen(qint64 conversationId) const
{
    if (!storage::MessageLocationRepository(m_database).allInboundSeen(conversationId)) {
        return false;
    }
    storage::SqlQuery q(m_database, QStringLiteral("UPDATE conversations SET unread = 0 WHERE id = ? AND unread = 1"));
    q.bind(conversationId).exec();
    return q.rowsAffected() == 1;
}

} // namespace waybill::engine
