// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/OrderAction.h"

#include <QList>

#include <optional>

namespace waybill::storage {

class Database;

/// Order actions (refund, cancel, resend) with their idempotency keys and states. The caller stores an action
/// (insert) in its own committed transaction before sending anything, so that a crash leaves a pending row whose
/// key the retry re-sends. Lives on the thread that owns the connection.
class OrderActionRepository final {
public:
    explicit OrderActionRepository(const Database &database);

    /// Stores `action` as pending with its key; returns its id.
    qint64 insert(const domain::OrderAction &action) const;
    std::optional<domain::OrderAction> find(qint64 id) const;
    /// The order's actions still pending (stored, answer not stored), oldest first.
    QList<domain::OrderAction> pending(qint64 orderId) const;
    /// Every pending action, oldest first (to resume after a restart).
    QList<domain::OrderAction> allPending() const;
    /// One more request was sent for it.
    void noteAttempt(qint64 id, qint64 at) const;
    void markDone(qint64 id, const QString &resultId, qint64 at) const;
    void markFailed(qint64 id, const QString &error, qint64 at) const;
    /// Keeps it pending with the last error (a timeout or 5xx: the next attempt re-sends the same key).
    void notePendingError(qint64 id, const QString &error, qint64 at) const;

private:
    QList<domain::OrderAction> select(const QString &where, qint64 value) const;

    const Database &m_database;
};

} // namespace waybill::storage
