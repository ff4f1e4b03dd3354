// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// What became of one claimed outbox row, written to the row and to its message in one transaction: sent, failed
/// for good with the reason for the agent, or tried again later with the e-mail outbox's growing delays
/// (EmailOutbound::retryDelaySeconds) until EmailOutbound::MaxAttempts, then failed. Used by the outbound channels
/// on the engine thread with the write connection; each method throws storage::StorageError when the database
/// refuses.
class OutboxOutcome final {
public:
    explicit OutboxOutcome(const storage::Database &database);

    void sent(qint64 outboxId, qint64 messageId) const;
    void failed(qint64 outboxId, qint64 messageId, const QString &reason) const;
    /// `attempts` counts this one; `now` in epoch seconds.
    void retryOrFail(qint64 outboxId, qint64 messageId, int attempts, const QString &reason, qint64 now) const;

private:
    const storage::Database &m_database;
};

} // namespace waybill::engine
