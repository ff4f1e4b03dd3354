// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Channel.h"
#include "ConversationStatus.h"

#include <QString>
#include <QStringList>

namespace waybill::domain {

/// A conversation as the inbox shows it: one row of the list, with the denormalised order, tracking, return and
/// claim state. Times are epoch seconds; 0 means none.
struct ConversationSummary {
    /// Stored in due_at when nothing is owed (year 9999), so that ordering by deadline needs no NULLs.
    static constexpr qint64 NoDeadline = 253402300799;

    qint64 id = 0;
    Channel channel = Channel::Email;
    QString subject;
    QString preview;
    qint64 customerId = 0;
    QString customerName;
    qint64 orderId = 0;
    QString orderNumber;
    QString trackingStatus; ///< key of TrackingStatus, empty without a shipment
    bool deliveryProblem = false;
    QString returnState;
    QString claimState;
    ConversationStatus status = ConversationStatus::Open;
    qint64 snoozedUntil = 0;
    qint64 assigneeId = 0;
    QString assigneeName;
    qint64 teamId = 0;
    bool unread = false;
    qint64 createdAt = 0;
    qint64 lastActivity = 0;
    qint64 marketDueAt = 0; ///< marketplace deadline (e.g. Amazon 24 h), wall-clock
    qint64 slaDueAt = 0; ///< company SLA deadline, counted in business hours
    qint64 dueAt = 0; ///< the earlier of the two
    QString linkReason; ///< why this order is linked ("order number in subject")
    int version = 0; ///< optimistic concurrency
    QStringList tags;
};

} // namespace waybill::domain
