// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Order.h"

#include <QString>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// What the return and claim workflows share: the order a conversation is about, and what every step leaves
/// behind — an audit entry on the conversation it was taken from and fresh return and claim chips on every
/// conversation linked to the order. Runs on the thread that owns the write connection, inside the step's
/// transaction.
class WorkflowJournal final {
public:
    WorkflowJournal(const storage::Database &database, qint64 agentId, std::function<qint64()> now);

    /// The order linked to the conversation; throws StorageError (Invalid) when there is none.
    domain::Order linkedOrder(qint64 conversationId) const;
    /// The order itself; throws StorageError (NotFound) when it is gone.
    domain::Order order(qint64 orderId) const;
    /// Audits `detail` on the conversation (when there is one) and refreshes the order's conversations' chips.
    void record(qint64 conversationId, qint64 orderId, const QString &action, const QString &detail) const;
    qint64 now() const { return m_now(); }
    /// "USD 12.50", for refusals about amounts.
    static QString money(const QString &currency, qint64 cents);

private:
    const storage::Database &m_database;
    qint64 m_agentId;
    std::function<qint64()> m_now;
};

} // namespace waybill::engine
