// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace waybill::domain {

/// What makes a proactive rule look at an order.
enum class RuleTrigger {
    StatusChanged, ///< a shipment reached `triggerState` (a tracking status key) in the last few days
    Late, ///< a shipment is past its late date and not delivered
    Delivered, ///< a shipment was delivered `triggerAmount` days ago
    ReturnStep, ///< the order's newest return reached `triggerState` in the last few days
    ClaimStep, ///< the order's newest claim reached `triggerState` in the last few days
    NoReply, ///< the customer has waited `triggerAmount` hours for an answer
};

inline constexpr RuleTrigger AllRuleTriggers[] = { RuleTrigger::StatusChanged, RuleTrigger::Late,
    RuleTrigger::Delivered, RuleTrigger::ReturnStep, RuleTrigger::ClaimStep, RuleTrigger::NoReply };

/// The stored name ("status_changed", "late", ...).
QString ruleTriggerKey(RuleTrigger trigger);
std::optional<RuleTrigger> ruleTriggerFromKey(const QString &key);
QString ruleTriggerDisplayName(RuleTrigger trigger);

/// A proactive rule as stored in `rules`: one trigger, conditions that must all hold, and the actions taken when
/// it fires. A rule acts on an order at most once. Empty texts, 0 and -1 mean "any" / "none" as noted.
struct Rule {
    static constexpr int NoQuietHours = -1;

    qint64 id = 0;
    QString name;
    bool enabled = true;

    RuleTrigger trigger = RuleTrigger::Late;
    QString triggerState; ///< StatusChanged: tracking status key; ReturnStep/ClaimStep: workflow state key
    int triggerAmount = 0; ///< Delivered: days; NoReply: hours

    QString channel; ///< only when the order's conversation is on this channel key; empty: any
    QString marketplace; ///< only orders from this source (shopify, amazon, ebay); empty: any
    qint64 minOrderCents = 0; ///< 0: no minimum
    qint64 maxOrderCents = 0; ///< 0: no maximum
    QStringList tags; ///< the order's conversations carry every one of these
    bool requireSmsConsent = false; ///< only customers who agreed to SMS
    bool onlyIfNotMessaged = false; ///< not when another rule already sent this order a message
    int quietStart = NoQuietHours; ///< minutes after local midnight when messages stop
    int quietEnd = NoQuietHours; ///< minutes after local midnight when they may go again

    bool openConversation = false; ///< open (or reopen) the order's conversation, creating one when there is none
    qint64 assignAgentId = 0; ///< 0: leave the assignee alone
    QString tag; ///< empty: add no tag
    QString templateName; ///< the message sent; empty: send nothing
    bool reviewRequest = false; ///< the message asks for a review (once per order, never with anything open)

    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool sends() const { return !templateName.isEmpty(); }
    bool hasQuietHours() const { return quietStart >= 0 && quietEnd >= 0 && quietStart != quietEnd; }
    /// Inside the quiet hours at `minuteOfDay` (local); the span may cross midnight (22:00–08:00).
    bool isQuietAt(int minuteOfDay) const;
};

} // namespace waybill::domain
