// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RuleEvaluator.h"

#include "channels/marketplace/AmazonReviewWindow.h"
#include "domain/Channel.h"
#include "domain/WorkflowStates.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace waybill::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RuleEvaluator", text);
}

QString date(qint64 at)
{
    return QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd"));
}

bool isMarketplace(const QString &key)
{
    return key == QLatin1String("amazon") || key == QLatin1String("ebay");
}

/// Whether the rule's trigger is a problem that Amazon's Messaging API lets a seller write to the buyer about
/// unasked. Of its message types only createUnexpectedProblem fits a rule: the Messaging model (messaging.json)
/// describes it as "Sends a critical message to a buyer that an unexpected problem was encountered affecting the
/// completion of the order" — a delay, or the carrier reporting an exception or a failed delivery attempt. The
/// other types confirm details, carry documents or ask about feedback, which no rule trigger stands for.
bool isUnexpectedProblem(const domain::Rule &rule)
{
    if (rule.trigger == domain::RuleTrigger::Late) {
        return true;
    }
    return rule.trigger == domain::RuleTrigger::StatusChanged
        && (rule.triggerState == domain::trackingStatusKey(domain::TrackingStatus::Exception)
            || rule.triggerState == domain::trackingStatusKey(domain::TrackingStatus::FailedAttempt));
}

} // namespace

RuleEvaluator::RuleEvaluator(Context context)
    : m_context(std::move(context))
{
}

QList<domain::RuleDecision> RuleEvaluator::evaluate(
    const QList<domain::Rule> &rules, const QList<domain::RuleFacts> &facts) const
{
    QList<domain::RuleDecision> decisions;
    QSet<std::pair<qint64, qint64>> decided; // (rule, order): an order with two parcels is still one decision
    QSet<qint64> messaged; // orders an earlier rule of this pass writes to ("not when already messaged")
    for (const domain::Rule &rule : rules) {
        if (!rule.enabled) {
            continue;
        }
        for (const domain::RuleFacts &f : facts) {
            if (decided.contains({ rule.id, f.orderId })) {
                continue;
            }
            std::optional<domain::RuleDecision> decision;
            if (!f.messaged && messaged.contains(f.orderId)) {
                domain::RuleFacts after = f;
                after.messaged = true;
                decision = decide(rule, after);
            } else {
                decision = decide(rule, f);
            }
            if (decision) {
                decided.insert({ rule.id, f.orderId });
                if (decision->sends() && decision->kind == domain::RuleDecision::Kind::Fire) {
                    messaged.insert(f.orderId);
                }
                decisions.append(std::move(*decision));
            }
        }
    }
    return decisions;
}

std::optional<domain::RuleDecision> RuleEvaluator::decide(
    const domain::Rule &rule, const domain::RuleFacts &facts) const
{
    if (!rule.enabled || facts.firedRules.contains(rule.id)) {
        return std::nullopt;
    }
    QString reason = triggered(rule, facts);
    if (reason.isEmpty() || !conditionsHold(rule, facts)) {
        return std::nullopt;
    }
    if (rule.reviewRequest
        && (facts.reviewRequested || facts.conversationOpen || facts.returnActive || facts.claimActive)) {
        return std::nullopt; // once per order, and never while something about it is still being worked on
    }
    if (rule.reviewRequest && facts.orderSource == QLatin1String("amazon")
        && !channels::marketplace::AmazonReviewWindow::isOpen(facts.deliveredAt, m_context.now)) {
        return std::nullopt; // Amazon takes review requests only 5–30 days after delivery
    }
    domain::RuleDecision d;
    d.ruleId = rule.id;
    d.ruleName = rule.name;
    d.shipmentId = facts.shipmentId;
    d.orderId = facts.orderId;
    d.orderNumber = facts.orderNumber;
    d.customerId = facts.customerId;
    d.customerName = facts.customerName;
    d.conversationId = facts.conversationId;
    d.reason = std::move(reason);
    d.openConversation = rule.openConversation;
    d.assignAgentId = rule.assignAgentId;
    d.tag = rule.tag;
    d.templateName = rule.templateName;
    d.reviewRequest = rule.reviewRequest && rule.sends();
    if (rule.sends()) {
        chooseChannel(rule, facts, d);
        if (d.sends() && rule.isQuietAt(m_context.minuteOfDay)) { // no message, nobody to disturb
            d.kind = domain::RuleDecision::Kind::Deferred;
        }
    }
    return d;
}

QString RuleEvaluator::triggered(const domain::Rule &rule, const domain::RuleFacts &f) const
{
    const qint64 now = m_context.now;
    switch (rule.trigger) {
    case domain::RuleTrigger::StatusChanged:
        if (domain::trackingStatusKey(f.status) == rule.triggerState && f.statusAt >= now - FreshSeconds) {
            return tr("shipment %1 since %2")
                .arg(domain::trackingStatusDisplayName(f.status).toLower(), date(f.statusAt));
        }
        return {};
    case domain::RuleTrigger::Late:
        if (f.lateAt > 0 && f.lateAt < now && !domain::isFinal(f.status)) {
            return tr("late since %1").arg(date(f.lateAt));
        }
        return {};
    case domain::RuleTrigger::Delivered: {
        const qint64 after = qint64(rule.triggerAmount) * 24 * 3600;
        if (f.status == domain::TrackingStatus::Delivered && f.deliveredAt > 0 && f.deliveredAt <= now - after
            && f.deliveredAt > now - after - DeliveredWindowSeconds) {
            return tr("delivered on %1").arg(date(f.deliveredAt));
        }
        return {};
    }
    case domain::RuleTrigger::ReturnStep:
        if (!f.returnState.isEmpty() && f.returnState == rule.triggerState && f.returnAt >= now - FreshSeconds) {
            return tr("return %1 on %2")
                .arg(domain::ReturnState::displayName(f.returnState).toLower(), date(f.returnAt));
        }
        return {};
    case domain::RuleTrigger::ClaimStep:
        if (!f.claimState.isEmpty() && f.claimState == rule.triggerState && f.claimAt >= now - FreshSeconds) {
            return tr("claim %1 on %2").arg(domain::ClaimState::displayName(f.claimState).toLower(), date(f.claimAt));
        }
        return {};
    case domain::RuleTrigger::NoReply:
        if (f.awaitingReplySince > 0 && rule.triggerAmount > 0
            && f.awaitingReplySince <= now - qint64(rule.triggerAmount) * 3600) {
            return tr("waiting for an answer since %1")
                .arg(QDateTime::fromSecsSinceEpoch(f.awaitingReplySince, QTimeZone::utc())
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
        }
        return {};
    }
    return {};
}

bool RuleEvaluator::conditionsHold(const domain::Rule &rule, const domain::RuleFacts &f) const
{
    if (!rule.channel.isEmpty() && rule.channel != f.conversationChannel) {
        return false;
    }
    if (!rule.marketplace.isEmpty() && rule.marketplace != f.orderSource) {
        return false;
    }
    if ((rule.minOrderCents > 0 && f.orderTotalCents < rule.minOrderCents)
        || (rule.maxOrderCents > 0 && f.orderTotalCents > rule.maxOrderCents)) {
        return false;
    }
    for (const QString &tag : rule.tags) {
        if (!f.tags.contains(tag)) {
            return false;
        }
    }
    if (rule.requireSmsConsent && !f.smsConsent) {
        return false;
    }
    return !(rule.onlyIfNotMessaged && f.messaged);
}

void RuleEvaluator::chooseChannel(const domain::Rule &rule, const domain::RuleFacts &f, domain::RuleDecision &d) const
{
    const auto canSend = [this](const QString &key) { return m_context.sendingChannels.contains(key); };
    if (isMarketplace(f.orderSource)) {
        // Marketplace buyers are written to through the marketplace only; their e-mail is a relay we may not use.
        const QString name = domain::channelDisplayName(*domain::channelFromKey(f.orderSource));
        if (rule.reviewRequest && f.orderSource == QLatin1String("amazon")) {
            // Amazon sends its own review e-mail when asked through the Solicitations API; the template is not used.
            if (m_context.amazonSolicitations) {
                d.sendChannel = f.orderSource;
                d.sendNote = tr("Amazon's own review request (Solicitations API)");
            } else {
                d.sendNote = tr("Amazon takes review requests only through its Solicitations API, and no Amazon "
                                "account is connected");
            }
        } else if (rule.reviewRequest) {
            d.sendNote = tr("%1 allows review requests only through its own review button").arg(name);
        } else if (!canSend(f.orderSource)) {
            d.sendNote = tr("%1 messaging is not connected").arg(name);
        } else if (f.orderSource == QLatin1String("amazon")) {
            // Amazon's Messaging API: the message goes as unexpectedProblem, and only when Amazon lists that type
            // for the order at the time of sending (AmazonOutbound asks first).
            if (isUnexpectedProblem(rule)) {
                d.sendChannel = f.orderSource;
                d.sendNote = tr("as an unexpected problem with the order, through Amazon's Messaging API");
            } else {
                d.sendNote = tr("Amazon allows proactive messages only about an unexpected problem with the order "
                                "(a delay, or a carrier exception or failed delivery attempt)");
            }
        } else {
            d.sendChannel = f.orderSource;
        }
        return;
    }
    QString preferred = f.preferredChannel;
    if (preferred.isEmpty() || isMarketplace(preferred)) {
        preferred = f.conversationChannel.isEmpty() || isMarketplace(f.conversationChannel) ? QStringLiteral("email")
                                                                                            : f.conversationChannel;
    }
    QString fallbackNote;
    if (preferred == QLatin1String("sms")) {
        if (!f.smsConsent) {
            fallbackNote = tr("no SMS consent");
        } else if (!f.hasPhone) {
            fallbackNote = tr("no phone number");
        } else if (!canSend(preferred)) {
            fallbackNote = tr("SMS is not set up");
        } else {
            d.sendChannel = preferred;
            return;
        }
    } else if (preferred == QLatin1String("chat")) {
        fallbackNote = tr("live chat cannot start a conversation");
    }
    if (!f.hasEmail) {
        d.sendNote = fallbackNote.isEmpty() ? tr("no e-mail address") : fallbackNote + tr(", no e-mail address");
    } else if (!canSend(QStringLiteral("email"))) {
        d.sendNote = tr("no e-mail account is set up");
    } else {
        d.sendChannel = QStringLiteral("email");
        d.sendNote = fallbackNote;
    }
}

} // namespace waybill::engine
