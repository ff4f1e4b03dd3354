// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Channel.h"

#include <QList>
#include <QString>

#include <optional>

namespace waybill::domain {

/// A saved view of the inbox ("Mine", "Delivery problems", "Amazon", ...). Its conversations and its live count
/// are defined once, in storage::InboxQuery and the view_counters triggers, and must agree.
struct InboxView {
    enum class Kind {
        Mine, ///< open and assigned to the current agent
        Unassigned, ///< open and assigned to nobody
        AllOpen,
        Waiting, ///< waiting on the customer
        Snoozed,
        Closed,
        DeadlineAtRisk, ///< open with a deadline passed or due within SlaPolicy::atRiskWithin
        DeliveryProblems, ///< not closed, shipment late, in exception, failed attempt or returned to sender
        Returns, ///< a return in progress
        Claims, ///< a delivery claim open
        ChannelInbox, ///< open conversations of one channel
    };

    Kind kind = Kind::AllOpen;
    Channel channel = Channel::Email; ///< for ChannelInbox only

    /// Every view in the order the sidebar shows them: the queues, then one per channel.
    static QList<InboxView> all();
    static InboxView ofChannel(Channel channel) { return { Kind::ChannelInbox, channel }; }
    /// A stable key ("mine", "delivery_problems", "channel:amazon") used by settings and waybillctl.
    QString key() const;
    static std::optional<InboxView> fromKey(const QString &key);
    QString displayName() const;

    friend bool operator==(const InboxView &a, const InboxView &b)
    {
        return a.kind == b.kind && (a.kind != Kind::ChannelInbox || a.channel == b.channel);
    }
};

/// How a view is ordered.
enum class InboxSort {
    LastActivity, ///< newest activity first
    Deadline, ///< most urgent deadline first; conversations owing nothing last
};

} // namespace waybill::domain
