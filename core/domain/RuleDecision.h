// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// What one rule would do to one order now (engine::RuleEvaluator), before anything is written. A dry run shows
/// these; engine::RuleExecutor applies the Fire ones.
struct RuleDecision {
    enum class Kind {
        Fire, ///< act now
        Deferred, ///< would act, but the rule's quiet hours hold its message back until they end
    };

    Kind kind = Kind::Fire;
    qint64 ruleId = 0;
    QString ruleName;
    qint64 shipmentId = 0;
    qint64 orderId = 0;
    QString orderNumber;
    qint64 customerId = 0;
    QString customerName;
    qint64 conversationId = 0; ///< the order's newest conversation, 0 when there is none yet
    QString reason; ///< why it fires, for people ("late since 2026-12-01")

    bool openConversation = false;
    qint64 assignAgentId = 0;
    QString tag;
    QString templateName; ///< empty: no message
    bool reviewRequest = false;
    /// The channel key the message goes through; empty when it cannot go anywhere. A review request with "amazon"
    /// goes as Amazon's own review request (Solicitations API), not as the template's text (amazonSolicitation()).
    QString sendChannel;
    QString sendNote; ///< why not the preferred channel, or why nothing is sent ("no SMS consent")

    bool sends() const { return !templateName.isEmpty() && !sendChannel.isEmpty(); }
    bool amazonSolicitation() const { return reviewRequest && sends() && sendChannel == QLatin1String("amazon"); }
};

} // namespace waybill::domain
