// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeenSync.h"

#include "storage/SqlQuery.h"
#include "storage/TransactionGuard.h"

namespace waybill::engine {

SeenSync::SeenSync(const storage::Database &database)
    : m_database(database)
{
}

QList<storage::MessageLocation> SeenSync::takeUnseen(qint64 conversationId) const
{
    const storage::MessageLocationRepository locations(m_database);
    storage::TransactionGuard transaction(m_database);
    QList<storage::MessageLocation> unseen = locations.unseenInbound(conversationId);
    for (storage::MessageLocation &location : unseen) {
        locations.setSeen(location.account, location.mailbox, location.uidValidity, location.uid, true);
        location.seen = true;
    }
    transaction.commit();
    return unseen;
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
