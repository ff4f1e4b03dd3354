// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Rule.h"
#include "domain/RuleDecision.h"
#include "domain/RuleFacts.h"

#include <QList>
#include <QSet>
#include <QString>

namespace waybill::engine {

/// Decides which rules act on which orders: rules + facts + the time → decisions. Pure: it reads and writes
/// nothing, so a dry run and the real pass decide alike, and tests drive it with any clock. Each rule decides at most
/// once per order, however many shipments the order has; rules that already acted on an order (facts.firedRules)
/// stay quiet.
class RuleEvaluator final {
public:
    /// A status, return or claim step counts as "just changed" for this long, so that a new rule does not act on
    /// every order that reached the step long ago.
    static constexpr qint64 FreshSeconds = 3 * 24 * 3600;
    /// A "delivered N days ago" rule still acts up to this long after day N (the engine may have been off).
    static constexpr qint64 DeliveredWindowSeconds = 7 * 24 * 3600;

    struct Context {
        qint64 now = 0; ///< epoch seconds
        int minuteOfDay = 0; ///< local time of `now`, for quiet hours
        /// Channel keys that can send now: "email" and "sms" when such an account is set up, "amazon" when an
        /// Amazon account is connected (its Messaging API).
        QSet<QString> sendingChannels;
        /// An Amazon account can ask Amazon to request reviews (Selling Partner API Solicitations).
        bool amazonSolicitations = false;
    };

    explicit RuleEvaluator(Context context);

    QList<domain::RuleDecision> evaluate(const QList<domain::Rule> &rules, const QList<domain::RuleFacts> &facts) const;
    /// One rule on one shipment's facts; no decision when it does not apply.
    std::optional<domain::RuleDecision> decide(const domain::Rule &rule, const domain::RuleFacts &facts) const;

private:
    /// Why the trigger holds (for people), or an empty string when it does not.
    QString triggered(const domain::Rule &rule, const domain::RuleFacts &facts) const;
    bool conditionsHold(const domain::Rule &rule, const domain::RuleFacts &facts) const;
    /// Picks the channel for the message: the customer's preferred one when it can send, SMS only with consent,
    /// marketplace orders only through their marketplace and as its rules allow (an Amazon order only about a
    /// delay or a carrier exception, Amazon's unexpectedProblem message); otherwise e-mail, or nothing with the
    /// reason.
    void chooseChannel(const domain::Rule &rule, const domain::RuleFacts &facts, domain::RuleDecision &decision) const;

    Context m_context;
};

} // namespace waybill::engine
