// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "InboxQuery.h"
#include "domain/ConversationSummary.h"
#include "domain/InboxView.h"

#include <QList>

#include <optional>

namespace waybill::storage {

class Database;

/// Conversations: inbox pages (keyset, see InboxQuery), single rows, and the writes that keep the denormalised
/// list columns and the version current. Writers that change status, assignee or flags must run inside a
/// transaction together with their audit entry (see engine::ConversationActions).
class ConversationRepository final {
public:
    explicit ConversationRepository(const Database &database);

    /// One page of a view. Pass the cursor of the last row shown to continue; rows are never repeated or skipped
    /// across pages even while other rows change.
    QList<domain::ConversationSummary> page(const InboxQuery &query, const PageCursor *after, int limit) const;
    std::optional<domain::ConversationSummary> find(qint64 id) const;
    /// Rows for these ids, in the given order (ids not found are left out).
    QList<domain::ConversationSummary> findMany(const QList<qint64> &ids) const;

    /// `threadSubject`: the normalised subject e-mail threads by (see setThreadSubject).
    qint64 insert(const domain::ConversationSummary &conversation, const QString &threadSubject = {}) const;

    /// Each update checks `expectedVersion` (optimistic concurrency) and bumps the version; it throws
    /// StorageError::Kind::Conflict when someone else changed the conversation first.
    void setAssignee(qint64 id, qint64 agentId, qint64 teamId, int expectedVersion) const;
    void setStatus(qint64 id, domain::ConversationStatus status, qint64 snoozedUntil, int expectedVersion) const;
    void setOrder(qint64 id, qint64 orderId, const QString &reason, int expectedVersion) const;
    void setUnread(qint64 id, bool unread) const;
    /// Records new activity: the preview, the time and the deadlines (0 clears a deadline).
    void recordActivity(qint64 id, qint64 at, const QString &preview, qint64 marketDueAt, qint64 slaDueAt) const;
    /// What a new message from the customer needs to know of its conversation, in one narrow read.
    struct InboundState {
        qint64 marketDueAt = 0;
        qint64 slaDueAt = 0;
        domain::ConversationStatus status = domain::ConversationStatus::Open;
        qint64 orderId = 0;
        int version = 0;
    };
    std::optional<InboundState> inboundState(qint64 id) const;
    /// The customer's most recently active conversation, whatever its status and order; 0 when there is none.
    qint64 latestOfCustomer(qint64 customerId) const;
    /// recordActivity() for a message from the customer, which also marks the conversation unread.
    void recordInbound(qint64 id, qint64 at, const QString &preview, qint64 marketDueAt, qint64 slaDueAt) const;
    /// Copies the linked order's number, tracking status, delivery problem, return and claim state onto the row.
    void refreshOrderSnapshot(qint64 id, qint64 now) const;
    /// The normalised subject used to thread e-mail by subject and customer.
    void setThreadSubject(qint64 id, const QString &threadSubject) const;
    /// Reopens snoozed conversations whose time has come; returns how many.
    int wakeSnoozed(qint64 now) const;

private:
    void updateActivity(
        qint64 id, qint64 at, const QString &preview, qint64 marketDueAt, qint64 slaDueAt, bool markUnread) const;
    void bumpVersion(qint64 id, int expectedVersion, const QString &assignments, const QVariantList &values) const;

    const Database &m_database;
};

} // namespace waybill::storage
