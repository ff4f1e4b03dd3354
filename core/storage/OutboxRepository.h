// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// One reply waiting to be delivered by its channel.
struct OutboxItem {
    qint64 id = 0;
    qint64 messageId = 0;
    QString channel;
    QString state; ///< pending, sending, done, failed
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    QString lastError;
};

/// The outbox: replies written together with their message row, delivered later by the engine. A row is claimed
/// (pending → sending) before the channel is called, so a crash leaves it visible for recovery rather than lost.
class OutboxRepository final {
public:
    explicit OutboxRepository(const Database &database);

    qint64 enqueue(qint64 messageId, const QString &channel, qint64 now) const;
    std::optional<OutboxItem> forMessage(qint64 messageId) const;
    /// Pending rows due at `now`, oldest first.
    QList<OutboxItem> due(qint64 now, int limit) const;
    int pendingCount() const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
