// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrackingStatus.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace waybill::domain {

/// What the rules know about one active shipment and its order, gathered for every shipment in one query
/// (storage::RuleFactsReader). Times are epoch seconds; 0 means none.
struct RuleFacts {
    qint64 shipmentId = 0;
    qint64 orderId = 0;
    QString orderNumber;
    QString orderSource; ///< shopify, amazon, ebay, csv, ...
    qint64 orderTotalCents = 0;

    qint64 customerId = 0;
    QString customerName;
    bool hasEmail = false;
    bool hasPhone = false;
    bool smsConsent = false;
    QString preferredChannel; ///< a channel key, or empty

    TrackingStatus status = TrackingStatus::Unknown;
    qint64 statusAt = 0; ///< when the shipment last changed
    qint64 deliveredAt = 0;
    qint64 lateAt = 0; ///< the late threshold (late_after, else expected_at)

    qint64 conversationId = 0; ///< the order's newest conversation
    QString conversationChannel; ///< its channel key
    bool conversationOpen = false; ///< any conversation about the order is not closed
    qint64 awaitingReplySince = 0; ///< the newest conversation's last message is the customer's, sent then

    QString returnState; ///< the newest return's state
    qint64 returnAt = 0;
    bool returnActive = false; ///< any return of the order still needs work
    QString claimState;
    qint64 claimAt = 0;
    bool claimActive = false;

    QStringList tags; ///< of every conversation about the order
    QList<qint64> firedRules; ///< rules that already acted on the order
    bool messaged = false; ///< a rule already sent the order a message
    bool reviewRequested = false; ///< a review request already went out for the order
};

} // namespace waybill::domain
