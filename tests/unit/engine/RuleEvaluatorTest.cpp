// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rule evaluator on hand-made facts with a chosen clock: each trigger and its time window, the conditions,
// quiet hours, the review request's suppressions, the channel choice (SMS consent, marketplaces, fallbacks) and
// "once per order".
#include "engine/RuleEvaluator.h"

#include <gtest/gtest.h>

using namespace waybill;
using domain::RuleDecision;
using domain::RuleFacts;
using domain::RuleTrigger;
using domain::TrackingStatus;
using engine::RuleEvaluator;

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Now = 1772000000 - 1772000000 % Day + 12 * Hour; // noon UTC

RuleEvaluator evaluator(qint64 now = Now, int minuteOfDay = 12 * 60, bool email = true)
{
    RuleEvaluator::Context context;
    context.now = now;
    context.minuteOfDay = minuteOfDay;
    if (email) {
        context.sendingChannels.insert(QStringLiteral("email"));
    }
    return RuleEvaluator(context);
}

domain::Rule lateRule()
{
    domain::Rule rule;
    rule.id = 1;
    rule.name = QStringLiteral("Late parcel");
    rule.trigger = RuleTrigger::Late;
    rule.tag = QStringLiteral("late");
    rule.templateName = QStringLiteral("Delivery delayed");
    return rule;
}

domain::Rule reviewRule()
{
    domain::Rule rule;
    rule.id = 2;
    rule.name = QStringLiteral("Review");
    rule.trigger = RuleTrigger::Delivered;
    rule.triggerAmount = 5;
    rule.templateName = QStringLiteral("Review request");
    rule.reviewRequest = true;
    return rule;
}

RuleFacts lateShipment()
{
    RuleFacts f;
    f.shipmentId = 10;
    f.orderId = 100;
    f.orderNumber = QStringLiteral("#1001");
    f.orderSource = QStringLiteral("shopify");
    f.orderTotalCents = 6000;
    f.customerId = 7;
    f.customerName = QStringLiteral("Olivia Harper");
    f.hasEmail = true;
    f.status = TrackingStatus::InTransit;
    f.statusAt = Now - 2 * Day;
    f.lateAt = Now - Day;
    return f;
}

RuleFacts deliveredShipment(qint64 daysAgo)
{
    RuleFacts f = lateShipment();
    f.status = TrackingStatus::Delivered;
    f.deliveredAt = Now - daysAgo * Day;
    f.statusAt = f.deliveredAt;
    f.lateAt = 0;
    return f;
}

} // namespace

TEST(RuleEvaluatorTest, LateShipmentFiresWithTheRulesActionsByEmail)
{
    const auto d = evaluator().decide(lateRule(), lateShipment());
    ASSERT_TRUE(d);
    EXPECT_EQ(d->kind, RuleDecision::Kind::Fire);
    EXPECT_EQ(d->orderId, 100);
    EXPECT_EQ(d->tag, QStringLiteral("late"));
    EXPECT_EQ(d->sendChannel, QStringLiteral("email"));
    EXPECT_TRUE(d->sendNote.isEmpty());
    EXPECT_TRUE(d->reason.contains(QStringLiteral("late since")));
}

TEST(RuleEvaluatorTest, NotLateBeforeTheThresholdNorOnceDelivered)
{
    RuleFacts early = lateShipment();
    early.lateAt = Now + Hour;
    EXPECT_FALSE(evaluator().decide(lateRule(), early));
    RuleFacts delivered = lateShipment();
    delivered.status = TrackingStatus::Delivered;
    EXPECT_FALSE(evaluator().decide(lateRule(), delivered));
    RuleFacts noDate = lateShipment();
    noDate.lateAt = 0;
    EXPECT_FALSE(evaluator().decide(lateRule(), noDate));
}

TEST(RuleEvaluatorTest, ARuleThatActedOnTheOrderStaysQuiet)
{
    RuleFacts f = lateShipment();
    f.firedRules = { 1 };
    EXPECT_FALSE(evaluator().decide(lateRule(), f));
    f.firedRules = { 3 };
    EXPECT_TRUE(evaluator().decide(lateRule(), f));
}

TEST(RuleEvaluatorTest, OneDecisionPerOrderHoweverManyParcels)
{
    RuleFacts second = lateShipment();
    second.shipmentId = 11;
    RuleFacts otherOrder = lateShipment();
    otherOrder.shipmentId = 12;
    otherOrder.orderId = 101;
    const auto decisions = evaluator().evaluate({ lateRule() }, { lateShipment(), second, otherOrder });
    ASSERT_EQ(decisions.size(), 2);
    EXPECT_EQ(decisions.at(0).orderId, 100);
    EXPECT_EQ(decisions.at(1).orderId, 101);
}

TEST(RuleEvaluatorTest, DisabledRulesDecideNothing)
{
    domain::Rule rule = lateRule();
    rule.enabled = false;
    EXPECT_TRUE(evaluator().evaluate({ rule }, { lateShipment() }).isEmpty());
}

TEST(RuleEvaluatorTest, StatusChangedOnlyWhileFresh)
{
    domain::Rule rule = lateRule();
    rule.trigger = RuleTrigger::StatusChanged;
    rule.triggerState = QStringLiteral("exception");
    RuleFacts f = lateShipment();
    f.status = TrackingStatus::Exception;
    f.statusAt = Now - Hour;
    EXPECT_TRUE(evaluator().decide(rule, f));
    f.statusAt = Now - RuleEvaluator::FreshSeconds - 1;
    EXPECT_FALSE(evaluator().decide(rule, f)); // an old exception is not news
    f.statusAt = Now - Hour;
    f.status = TrackingStatus::InTransit;
    EXPECT_FALSE(evaluator().decide(rule, f));
}

TEST(RuleEvaluatorTest, DeliveredNDaysAgoWithinItsWindow)
{
    EXPECT_FALSE(evaluator().decide(reviewRule(), deliveredShipment(4)));
    EXPECT_TRUE(evaluator().decide(reviewRule(), deliveredShipment(5)));
    EXPECT_TRUE(evaluator().decide(reviewRule(), deliveredShipment(11)));
    EXPECT_FALSE(evaluator().decide(reviewRule(), deliveredShipment(13)));
}

TEST(RuleEvaluatorTest, ReturnAndClaimSteps)
{
    domain::Rule rule = lateRule();
    rule.trigger = RuleTrigger::ReturnStep;
    rule.triggerState = QStringLiteral("received");
    RuleFacts f = lateShipment();
    f.returnState = QStringLiteral("received");
    f.returnAt = Now - Hour;
    EXPECT_TRUE(evaluator().decide(rule, f));
    f.returnState = QStringLiteral("approved");
    EXPECT_FALSE(evaluator().decide(rule, f));

    rule.trigger = RuleTrigger::ClaimStep;
    rule.triggerState = QStringLiteral("paid");
    f.claimState = QStringLiteral("paid");
    f.claimAt = Now - 2 * Hour;
    EXPECT_TRUE(evaluator().decide(rule, f));
    f.claimAt = Now - 4 * Day;
    EXPECT_FALSE(evaluator().decide(rule, f));
}

TEST(RuleEvaluatorTest, NoReplyForNHours)
{
    domain::Rule rule = lateRule();
    rule.trigger = RuleTrigger::NoReply;
    rule.triggerAmount = 24;
    rule.openConversation = true;
    RuleFacts f = lateShipment();
    f.conversationId = 5;
    f.conversationChannel = QStringLiteral("email");
    f.awaitingReplySince = Now - 23 * Hour;
    EXPECT_FALSE(evaluator().decide(rule, f));
    f.awaitingReplySince = Now - 25 * Hour;
    const auto d = evaluator().decide(rule, f);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->conversationId, 5);
    EXPECT_TRUE(d->openConversation);
    f.awaitingReplySince = 0; // we answered last
    EXPECT_FALSE(evaluator().decide(rule, f));
}

TEST(RuleEvaluatorTest, ConditionsMustAllHold)
{
    domain::Rule rule = lateRule();
    rule.minOrderCents = 5000;
    rule.maxOrderCents = 10000;
    rule.marketplace = QStringLiteral("shopify");
    rule.tags = { QStringLiteral("vip") };
    RuleFacts f = lateShipment();
    EXPECT_FALSE(evaluator().decide(rule, f)); // no vip tag
    f.tags = { QStringLiteral("vip"), QStringLiteral("gift") };
    EXPECT_TRUE(evaluator().decide(rule, f));
    f.orderTotalCents = 4999;
    EXPECT_FALSE(evaluator().decide(rule, f));
    f.orderTotalCents = 10001;
    EXPECT_FALSE(evaluator().decide(rule, f));
    f.orderTotalCents = 6000;
    f.orderSource = QStringLiteral("csv");
    EXPECT_FALSE(evaluator().decide(rule, f));
    f.orderSource = QStringLiteral("shopify");
    rule.channel = QStringLiteral("sms");
    EXPECT_FALSE(evaluator().decide(rule, f)); // the order's conversation is not on SMS
    rule.channel.clear();
    rule.requireSmsConsent = true;
    EXPECT_FALSE(evaluator().decide(rule, f));
    f.smsConsent = true;
    EXPECT_TRUE(evaluator().decide(rule, f));
}

TEST(RuleEvaluatorTest, AlreadyMessagedSuppressesRulesThatAskForIt)
{
    domain::Rule rule = lateRule();
    rule.onlyIfNotMessaged = true;
    RuleFacts f = lateShipment();
    f.messaged = true; // another rule wrote about this order
    EXPECT_FALSE(evaluator().decide(rule, f));
    rule.onlyIfNotMessaged = false;
    EXPECT_TRUE(evaluator().decide(rule, f));
}

TEST(RuleEvaluatorTest, QuietHoursDeferTheMessageAcrossMidnight)
{
    domain::Rule rule = lateRule();
    rule.quietStart = 21 * 60;
    rule.quietEnd = 8 * 60;
    EXPECT_EQ(evaluator(Now, 23 * 60).decide(rule, lateShipment())->kind, RuleDecision::Kind::Deferred);
    EXPECT_EQ(evaluator(Now, 2 * 60).decide(rule, lateShipment())->kind, RuleDecision::Kind::Deferred);
    EXPECT_EQ(evaluator(Now, 8 * 60).decide(rule, lateShipment())->kind, RuleDecision::Kind::Fire);
    EXPECT_EQ(evaluator(Now, 20 * 60 + 59).decide(rule, lateShipment())->kind, RuleDecision::Kind::Fire);
    rule.quietStart = 12 * 60;
    rule.quietEnd = 14 * 60;
    EXPECT_EQ(evaluator(Now, 13 * 60).decide(rule, lateShipment())->kind, RuleDecision::Kind::Deferred);
    EXPECT_EQ(evaluator(Now, 14 * 60).decide(rule, lateShipment())->kind, RuleDecision::Kind::Fire);
    RuleFacts unreachable = lateShipment();
    unreachable.hasEmail = false; // no message can go, so the tag need not wait for the morning
    EXPECT_EQ(evaluator(Now, 13 * 60).decide(rule, unreachable)->kind, RuleDecision::Kind::Fire);
}

TEST(RuleEvaluatorTest, ReviewRequestOncePerOrderAndNeverWhileSomethingIsOpen)
{
    RuleFacts f = deliveredShipment(6);
    EXPECT_TRUE(evaluator().decide(reviewRule(), f));
    RuleFacts withReturn = f;
    withReturn.returnState = QStringLiteral("requested");
    withReturn.returnActive = true;
    EXPECT_FALSE(evaluator().decide(reviewRule(), withReturn));
    RuleFacts withClaim = f;
    withClaim.claimActive = true;
    EXPECT_FALSE(evaluator().decide(reviewRule(), withClaim));
    RuleFacts talking = f;
    talking.conversationOpen = true;
    EXPECT_FALSE(evaluator().decide(reviewRule(), talking));
    RuleFacts asked = f;
    asked.reviewRequested = true; // by another review rule
    EXPECT_FALSE(evaluator().decide(reviewRule(), asked));
    RuleFacts closedReturn = f;
    closedReturn.returnState = QStringLiteral("closed");
    EXPECT_TRUE(evaluator().decide(reviewRule(), closedReturn));
}

TEST(RuleEvaluatorTest, SmsOnlyWithConsentOtherwiseEmailWithTheReason)
{
    RuleFacts f = lateShipment();
    f.preferredChannel = QStringLiteral("sms");
    f.hasPhone = true;
    auto d = evaluator().decide(lateRule(), f);
    EXPECT_EQ(d->sendChannel, QStringLiteral("email"));
    EXPECT_EQ(d->sendNote, QStringLiteral("no SMS consent"));

    f.smsConsent = true; // consent, but no SMS channel is set up
    d = evaluator().decide(lateRule(), f);
    EXPECT_EQ(d->sendChannel, QStringLiteral("email"));
    EXPECT_EQ(d->sendNote, QStringLiteral("SMS is not set up"));

    RuleEvaluator::Context withSms;
    withSms.now = Now;
    withSms.minuteOfDay = 12 * 60;
    withSms.sendingChannels = { QStringLiteral("email"), QStringLiteral("sms") };
    d = RuleEvaluator(withSms).decide(lateRule(), f);
    EXPECT_EQ(d->sendChannel, QStringLiteral("sms"));
    EXPECT_TRUE(d->sendNote.isEmpty());
}

TEST(RuleEvaluatorTest, NothingToSendThroughIsSaidNotHidden)
{
    RuleFacts f = lateShipment();
    f.hasEmail = false;
    auto d = evaluator().decide(lateRule(), f);
    ASSERT_TRUE(d); // the rule still fires (its tag), but the message has nowhere to go
    EXPECT_FALSE(d->sends());
    EXPECT_EQ(d->sendNote, QStringLiteral("no e-mail address"));

    d = evaluator(Now, 12 * 60, false).decide(lateRule(), lateShipment());
    EXPECT_FALSE(d->sends());
    EXPECT_EQ(d->sendNote, QStringLiteral("no e-mail account is set up"));
}

TEST(RuleEvaluatorTest, MarketplaceOrdersOnlyThroughTheirMarketplace)
{
    RuleFacts f = lateShipment();
    f.orderSource = QStringLiteral("amazon");
    auto d = evaluator().decide(lateRule(), f);
    EXPECT_FALSE(d->sends()); // never e-mail an Amazon buyer's relay address
    EXPECT_EQ(d->sendNote, QStringLiteral("Amazon messaging is not connected"));

    RuleFacts delivered = deliveredShipment(6);
    delivered.orderSource = QStringLiteral("amazon");
    d = evaluator().decide(reviewRule(), delivered);
    EXPECT_FALSE(d->sends()); // no Amazon account: nothing can ask Amazon
    EXPECT_TRUE(d->sendNote.contains(QStringLiteral("Solicitations API"))) << d->sendNote.toStdString();

    delivered.orderSource = QStringLiteral("ebay");
    d = evaluator().decide(reviewRule(), delivered);
    EXPECT_FALSE(d->sends());
    EXPECT_TRUE(d->sendNote.contains(QStringLiteral("review button")));
}

TEST(RuleEvaluatorTest, AmazonMessagesOnlyAboutAnUnexpectedProblem)
{
    RuleEvaluator::Context context;
    context.now = Now;
    context.minuteOfDay = 12 * 60;
    context.sendingChannels = { QStringLiteral("email"), QStringLiteral("amazon") };
    context.amazonSolicitations = true;
    const RuleEvaluator withAmazon(context);

    // A delay: Amazon's unexpectedProblem message, never the buyer's relay address.
    RuleFacts late = lateShipment();
    late.orderSource = QStringLiteral("amazon");
    auto d = withAmazon.decide(lateRule(), late);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->sendChannel, QStringLiteral("amazon"));
    EXPECT_FALSE(d->amazonSolicitation());
    EXPECT_TRUE(d->sendNote.contains(QStringLiteral("unexpected problem"))) << d->sendNote.toStdString();

    // A carrier exception or a failed delivery attempt is one too.
    for (const TrackingStatus status : { TrackingStatus::Exception, TrackingStatus::FailedAttempt }) {
        domain::Rule rule = lateRule();
        rule.trigger = RuleTrigger::StatusChanged;
        rule.triggerState = domain::trackingStatusKey(status);
        RuleFacts f = late;
        f.status = status;
        f.statusAt = Now - Hour;
        d = withAmazon.decide(rule, f);
        ASSERT_TRUE(d);
        EXPECT_EQ(d->sendChannel, QStringLiteral("amazon")) << rule.triggerState.toStdString();
    }

    // Anything else is not sent, with the reason: a delivered note, a status that is no problem, a return step.
    domain::Rule thanks = lateRule();
    thanks.trigger = RuleTrigger::Delivered;
    thanks.triggerAmount = 1;
    thanks.templateName = QStringLiteral("Thanks for your order");
    RuleFacts delivered = deliveredShipment(2);
    delivered.orderSource = QStringLiteral("amazon");
    d = withAmazon.decide(thanks, delivered);
    ASSERT_TRUE(d);
    EXPECT_FALSE(d->sends());
    EXPECT_EQ(d->sendNote,
        QStringLiteral("Amazon allows proactive messages only about an unexpected problem with the order (a delay, "
                       "or a carrier exception or failed delivery attempt)"));
    domain::Rule outForDelivery = lateRule();
    outForDelivery.trigger = RuleTrigger::StatusChanged;
    outForDelivery.triggerState = QStringLiteral("out_for_delivery");
    RuleFacts f = late;
    f.status = TrackingStatus::OutForDelivery;
    f.statusAt = Now - Hour;
    d = withAmazon.decide(outForDelivery, f);
    ASSERT_TRUE(d);
    EXPECT_FALSE(d->sends());

    // eBay has no messaging connection: still said, not hidden.
    late.orderSource = QStringLiteral("ebay");
    d = withAmazon.decide(lateRule(), late);
    EXPECT_FALSE(d->sends());
    EXPECT_EQ(d->sendNote, QStringLiteral("eBay messaging is not connected"));
}

TEST(RuleEvaluatorTest, AmazonReviewRequestsGoThroughSolicitationsInsideAmazonsWindow)
{
    RuleEvaluator::Context context;
    context.now = Now;
    context.minuteOfDay = 12 * 60;
    context.sendingChannels.insert(QStringLiteral("email"));
    context.amazonSolicitations = true;
    const RuleEvaluator withAmazon(context);

    RuleFacts delivered = deliveredShipment(6);
    delivered.orderSource = QStringLiteral("amazon");
    auto d = withAmazon.decide(reviewRule(), delivered);
    ASSERT_TRUE(d);
    EXPECT_TRUE(d->amazonSolicitation());
    EXPECT_EQ(d->sendChannel, QStringLiteral("amazon"));

    // Amazon takes the request from 5 to 30 days after delivery: a rule that fires earlier or later does nothing.
    domain::Rule early = reviewRule();
    early.triggerAmount = 2;
    RuleFacts fourDays = deliveredShipment(4);
    fourDays.orderSource = QStringLiteral("amazon");
    EXPECT_FALSE(withAmazon.decide(early, fourDays));
    domain::Rule late = reviewRule();
    late.triggerAmount = 28;
    RuleFacts thirtyOne = deliveredShipment(31);
    thirtyOne.orderSource = QStringLiteral("amazon");
    EXPECT_FALSE(withAmazon.decide(late, thirtyOne));
    RuleFacts thirty = deliveredShipment(30);
    thirty.orderSource = QStringLiteral("amazon");
    EXPECT_TRUE(withAmazon.decide(late, thirty));

    // The existing suppression holds: nothing while a conversation, return or claim about the order is open.
    RuleFacts busy = delivered;
    busy.conversationOpen = true;
    EXPECT_FALSE(withAmazon.decide(reviewRule(), busy));
    busy = delivered;
    busy.returnActive = true;
    EXPECT_FALSE(withAmazon.decide(reviewRule(), busy));
    busy = delivered;
    busy.claimActive = true;
    EXPECT_FALSE(withAmazon.decide(reviewRule(), busy));

    // A review request for an order that is not from Amazon is still an e-mail with the template.
    d = withAmazon.decide(reviewRule(), deliveredShipment(6));
    ASSERT_TRUE(d);
    EXPECT_FALSE(d->amazonSolicitation());
    EXPECT_EQ(d->sendChannel, QStringLiteral("email"));
}
