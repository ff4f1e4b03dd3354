// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The rules pass against a real (in-memory) workspace with an injected clock: what it writes to the outbox, the
// conversations and the audit log, and what it must not write twice or at the wrong time.
#include "TestWorkspace.h"
#include "domain/EmailAccount.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "engine/RulesPass.h"
#include "storage/AccountRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TagRepository.h"

#include <QTimeZone>

#include <gtest/gtest.h>

using namespace waybill;
using domain::RuleDecision;
using engine::RulesPass;
using storage::SqlQuery;

namespace {

constexpr qint64 Hour = 3600;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Midnight = 1772000000 - 1772000000 % Day; // a UTC midnight

class RulesPassTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        domain::EmailAccount account;
        account.id = QStringLiteral("email:support@shop.example");
        account.name = QStringLiteral("Support");
        account.address = QStringLiteral("support@shop.example");
        account.displayName = QStringLiteral("Harbor Tea Co.");
        storage::AccountRepository(db()).saveEmailAccount(account, now);
        db().execute(QStringLiteral("DELETE FROM rules")); // the shipped examples are not part of these tests
    }

    const storage::Database &db() { return workspace.db(); }
    RulesPass pass()
    {
        return RulesPass(
            db(), [this] { return now; }, QTimeZone::utc());
    }

    qint64 addCustomer(bool email, const QString &preferred = {}, bool smsConsent = false)
    {
        domain::Customer customer { 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), now, {} };
        if (email) {
            customer.identities.append({ 0, QStringLiteral("email"), QStringLiteral("olivia@example.com") });
        }
        customer.identities.append({ 0, QStringLiteral("phone"), QStringLiteral("+15555550100") });
        const qint64 id = storage::CustomerRepository(db()).insert(customer);
        SqlQuery q(db(), QStringLiteral("UPDATE customers SET preferred_channel = ?, sms_consent = ? WHERE id = ?"));
        q.bind(preferred).bind(smsConsent ? 1 : 0).bind(id).exec();
        return id;
    }

    /// An order of `customer` with one shipment in `status`, late after `lateAfter`, delivered at `deliveredAt`.
    qint64 addOrder(
        qint64 customer, domain::TrackingStatus status, qint64 lateAfter, qint64 deliveredAt, const char *number)
    {
        const storage::OrderRepository orders(db());
        const qint64 orderId = orders.insert({ 0, QStringLiteral("shopify"), QString::fromLatin1(number), customer,
            now - 10 * Day, QStringLiteral("USD"), 5000, 1000, 0, 6000, QStringLiteral("paid"), {} });
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA1012345678") + QString::fromLatin1(number).right(1);
        shipment.status = status;
        shipment.shippedAt = now - 8 * Day;
        shipment.expectedAt = lateAfter;
        shipment.lateAfter = lateAfter;
        shipment.deliveredAt = deliveredAt;
        orders.insertShipment(shipment);
        return orderId;
    }

    qint64 addRule(domain::Rule rule)
    {
        rule.createdAt = now;
        rule.updatedAt = now;
        return storage::RuleRepository(db()).insert(rule);
    }

    domain::Rule lateRule()
    {
        domain::Rule rule;
        rule.name = QStringLiteral("Late parcel");
        rule.trigger = domain::RuleTrigger::Late;
        rule.tag = QStringLiteral("late");
        rule.templateName = QStringLiteral("Delivery delayed");
        return rule;
    }

    domain::Rule reviewRule()
    {
        domain::Rule rule;
        rule.name = QStringLiteral("Review request");
        rule.trigger = domain::RuleTrigger::Delivered;
        rule.triggerAmount = 5;
        rule.templateName = QStringLiteral("Review request");
        rule.reviewRequest = true;
        return rule;
    }

    qint64 count(const QString &sql)
    {
        SqlQuery q(db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }
    qint64 outboxRows() { return count(QStringLiteral("SELECT count(*) FROM outbox")); }

    waybill::testing::TestWorkspace workspace;
    qint64 now = Midnight + 12 * Hour;
};

} // namespace

TEST_F(RulesPassTest, ADelayGivesOneProactiveMessageNotTwo)
{
    const qint64 order = addOrder(addCustomer(true), domain::TrackingStatus::InTransit, now - Day, 0, "#1001");
    addRule(lateRule());

    const RulesPass::Report first = pass().run();
    ASSERT_EQ(first.decisions.size(), 1);
    ASSERT_EQ(first.results.size(), 1);
    EXPECT_TRUE(first.results.at(0).applied);
    EXPECT_TRUE(first.results.at(0).messaged);
    EXPECT_EQ(outboxRows(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'email' "
                                   "AND account = 'email:support@shop.example' AND state = 'pending'")),
        1);

    // The conversation it opened is about the order, waits on the customer and carries the tag and the message.
    ASSERT_EQ(first.conversations.size(), 1);
    const auto conversation = storage::ConversationRepository(db()).find(first.conversations.at(0));
    ASSERT_TRUE(conversation);
    EXPECT_EQ(conversation->orderId, order);
    EXPECT_EQ(conversation->status, domain::ConversationStatus::Waiting);
    EXPECT_TRUE(storage::TagRepository(db()).tagsOf(conversation->id).contains(QStringLiteral("late")));
    SqlQuery body(
        db(), QStringLiteral("SELECT body_text, direction, delivery FROM messages WHERE conversation_id = ?"));
    body.bind(conversation->id).exec();
    ASSERT_TRUE(body.next());
    EXPECT_TRUE(body.text(0).startsWith(QStringLiteral("Hi Olivia,"))) << body.text(0).toStdString();
    EXPECT_TRUE(body.text(0).contains(QStringLiteral("#1001")));
    EXPECT_FALSE(body.text(0).contains(QStringLiteral("{{")));
    EXPECT_EQ(body.text(1), QStringLiteral("out"));
    EXPECT_EQ(body.text(2), QStringLiteral("queued"));

    // The parcel stays late for days; passes keep running. Still one message.
    for (int i = 1; i <= 3; ++i) {
        now += 6 * Hour;
        const RulesPass::Report again = pass().run();
        EXPECT_TRUE(again.decisions.isEmpty());
    }
    EXPECT_EQ(outboxRows(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 1);

    // Every action is audited under "rule".
    const auto audit = storage::AuditLogRepository(db()).forConversation(conversation->id);
    QStringList details;
    for (const domain::AuditEntry &entry : audit) {
        EXPECT_EQ(entry.action, QStringLiteral("rule"));
        details << entry.detail;
    }
    ASSERT_EQ(details.size(), 3) << details.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(details.at(0).contains(QStringLiteral("opened conversation")));
    EXPECT_TRUE(details.at(1).contains(QStringLiteral("tagged late")));
    EXPECT_TRUE(details.at(2).contains(QStringLiteral("queued “Delivery delayed” for Email")));
}

TEST_F(RulesPassTest, ASecondRuleAskingToStayQuietSendsNothingMore)
{
    const qint64 customer = addCustomer(true);
    addOrder(customer, domain::TrackingStatus::Exception, now - Day, 0, "#1002");
    db().execute(QStringLiteral("UPDATE shipments SET updated_at = ") + QString::number(now - Hour));
    addRule(lateRule());
    domain::Rule exception;
    exception.name = QStringLiteral("Exception");
    exception.trigger = domain::RuleTrigger::StatusChanged;
    exception.triggerState = QStringLiteral("exception");
    exception.templateName = QStringLiteral("Delivery problem");
    exception.onlyIfNotMessaged = true;
    addRule(exception);

    pass().run(); // "Exception" runs first (rules run by name); "Late parcel" does not ask to stay quiet: both write
    now += Hour;
    pass().run();
    EXPECT_EQ(outboxRows(), 2);

    // The same two rules on a fresh order, both asking to stay quiet once the order got a message.
    db().execute(QStringLiteral("UPDATE rules SET cond_not_messaged = 1"));
    addOrder(customer, domain::TrackingStatus::Exception, now - Day, 0, "#1003");
    db().execute(QStringLiteral("UPDATE shipments SET updated_at = ") + QString::number(now - Hour));
    const qint64 before = outboxRows();
    const RulesPass::Report report = pass().run();
    EXPECT_EQ(report.decisions.size(), 1); // the first rule's message stops the second in the same pass
    EXPECT_EQ(outboxRows(), before + 1);
    now += Hour;
    pass().run();
    EXPECT_EQ(outboxRows(), before + 1);
}

TEST_F(RulesPassTest, ReviewRequestWaitsWhileAReturnIsOpen)
{
    const qint64 order = addOrder(addCustomer(true), domain::TrackingStatus::Delivered, 0, now - 6 * Day, "#1004");
    addRule(reviewRule());
    SqlQuery ret(db(),
        QStringLiteral("INSERT INTO returns (order_id, state, created_at, updated_at) VALUES (?, 'requested', ?, ?)"));
    ret.bind(order).bind(now - Day).bind(now - Day).exec();

    EXPECT_TRUE(pass().dryRun().decisions.isEmpty());
    pass().run();
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM rule_firings")), 0); // suppressed, not used up

    db().execute(QStringLiteral("UPDATE returns SET state = 'closed'"));
    now += Hour;
    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.decisions.size(), 1);
    EXPECT_TRUE(report.decisions.at(0).reviewRequest);
    EXPECT_EQ(outboxRows(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT review FROM rule_firings")), 1);

    // A second review rule does not ask again for the same order.
    domain::Rule another = reviewRule();
    another.name = QStringLiteral("Review request, later");
    another.triggerAmount = 6;
    addRule(another);
    now += Hour;
    EXPECT_TRUE(pass().run().decisions.isEmpty());
    EXPECT_EQ(outboxRows(), 1);
}

TEST_F(RulesPassTest, ReviewRequestWaitsWhileAConversationIsOpen)
{
    const qint64 customer = addCustomer(true);
    const qint64 order = addOrder(customer, domain::TrackingStatus::Delivered, 0, now - 6 * Day, "#1005");
    addRule(reviewRule());
    domain::ConversationSummary c;
    c.customerId = customer;
    c.orderId = order;
    c.createdAt = now - Day;
    c.lastActivity = now - Day;
    const qint64 conversation = storage::ConversationRepository(db()).insert(c);
    pass().run();
    EXPECT_EQ(outboxRows(), 0);
    db().execute(
        QStringLiteral("UPDATE conversations SET status = 'closed' WHERE id = ") + QString::number(conversation));
    pass().run();
    EXPECT_EQ(outboxRows(), 1);
}

TEST_F(RulesPassTest, QuietHoursHoldTheMessageUntilMorning)
{
    now = Midnight + 23 * Hour;
    addOrder(addCustomer(true), domain::TrackingStatus::InTransit, now - Day, 0, "#1006");
    domain::Rule rule = lateRule();
    rule.quietStart = 21 * 60;
    rule.quietEnd = 8 * 60;
    addRule(rule);

    const RulesPass::Report night = pass().run();
    ASSERT_EQ(night.decisions.size(), 1);
    EXPECT_EQ(night.decisions.at(0).kind, RuleDecision::Kind::Deferred);
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM rule_firings")), 0);

    now = Midnight + Day + 7 * Hour + 59 * 60; // 07:59 next day: still quiet
    pass().run();
    EXPECT_EQ(outboxRows(), 0);

    now = Midnight + Day + 8 * Hour; // 08:00
    const RulesPass::Report morning = pass().run();
    ASSERT_EQ(morning.decisions.size(), 1);
    EXPECT_EQ(morning.decisions.at(0).kind, RuleDecision::Kind::Fire);
    EXPECT_EQ(outboxRows(), 1);
}

TEST_F(RulesPassTest, QuietHoursFollowTheGivenTimeZone)
{
    now = Midnight + 12 * Hour; // noon UTC is 21:00 in Tokyo
    addOrder(addCustomer(true), domain::TrackingStatus::InTransit, now - Day, 0, "#1007");
    domain::Rule rule = lateRule();
    rule.quietStart = 21 * 60;
    rule.quietEnd = 8 * 60;
    addRule(rule);
    const RulesPass tokyo(
        db(), [this] { return now; }, QTimeZone(QByteArrayLiteral("Asia/Tokyo")));
    ASSERT_EQ(tokyo.dryRun().decisions.size(), 1);
    EXPECT_EQ(tokyo.dryRun().decisions.at(0).kind, RuleDecision::Kind::Deferred);
    EXPECT_EQ(pass().dryRun().decisions.at(0).kind, RuleDecision::Kind::Fire);
}

TEST_F(RulesPassTest, SmsWithoutConsentGoesByEmailAndSaysWhy)
{
    addOrder(addCustomer(true, QStringLiteral("sms"), false), domain::TrackingStatus::InTransit, now - Day, 0, "#1008");
    addRule(lateRule());
    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.results.size(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'sms'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'email'")), 1);
    EXPECT_TRUE(report.results.at(0).outcome.contains(QStringLiteral("(no SMS consent)")))
        << report.results.at(0).outcome.toStdString();
}

TEST_F(RulesPassTest, WithConsentAndATwilioNumberTheMessageGoesBySms)
{
    domain::TwilioAccount twilio;
    twilio.id = QStringLiteral("sms:+15017122661");
    twilio.name = QStringLiteral("Harbor Tea SMS");
    twilio.accountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    twilio.fromNumber = QStringLiteral("+15017122661");
    storage::AccountRepository(db()).saveTwilioAccount(twilio, now);
    const qint64 customer = addCustomer(true, QStringLiteral("sms"), true);
    addOrder(customer, domain::TrackingStatus::InTransit, now - Day, 0, "#1010");
    addRule(lateRule());

    const RulesPass::Report report = pass().run();

    ASSERT_EQ(report.results.size(), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'sms' AND account = "
                                   "'sms:+15017122661'")),
        1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'email'")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages WHERE account = 'sms:+15017122661' AND "
                                   "delivery = 'queued'")),
        1);
    EXPECT_TRUE(report.results.at(0).outcome.contains(QStringLiteral("for SMS")))
        << report.results.at(0).outcome.toStdString();
    pass().run(); // once per order: nothing more is queued
    EXPECT_EQ(outboxRows(), 1);

    // Without a Twilio number the same customer is written to by e-mail, and the reason is given.
    db().execute(QStringLiteral("DELETE FROM accounts WHERE kind = 'twilio'"));
    addOrder(customer, domain::TrackingStatus::InTransit, now - Day, 0, "#1011");
    const RulesPass::Report fallback = pass().run();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM outbox WHERE channel = 'email'")), 1);
    bool saidWhy = false;
    for (const engine::RuleExecutor::Result &result : fallback.results) {
        saidWhy = saidWhy || result.outcome.contains(QStringLiteral("SMS is not set up"));
    }
    EXPECT_TRUE(saidWhy);
}

TEST_F(RulesPassTest, NoAddressMeansNoMessageAnAuditedReasonAndNoRetry)
{
    const qint64 order = addOrder(addCustomer(false), domain::TrackingStatus::InTransit, now - Day, 0, "#1009");
    const qint64 rule = addRule(lateRule());
    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.results.size(), 1);
    EXPECT_FALSE(report.results.at(0).messaged);
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 0); // nothing to talk about
    const auto outcome = storage::RuleRepository(db()).firingOutcome(rule, order);
    ASSERT_TRUE(outcome);
    EXPECT_TRUE(outcome->contains(QStringLiteral("not sent: no e-mail address"))) << outcome->toStdString();
    EXPECT_TRUE(outcome->contains(QStringLiteral("no conversation about the order to assign or tag")))
        << outcome->toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'rule' AND detail LIKE "
                                   "'%not sent: no e-mail address%'")),
        1);
    now += Hour;
    EXPECT_TRUE(pass().run().decisions.isEmpty());
}

TEST_F(RulesPassTest, OpenRaisesTheExistingConversationAndAssigns)
{
    const qint64 customer = addCustomer(true);
    const qint64 order = addOrder(customer, domain::TrackingStatus::InTransit, now - Day, 0, "#1010");
    db().execute(QStringLiteral("INSERT INTO agents (id, name, email) VALUES (4, 'Mia Chen', 'mia@shop.example')"));
    domain::ConversationSummary c;
    c.customerId = customer;
    c.orderId = order;
    c.status = domain::ConversationStatus::Closed;
    c.createdAt = now - 3 * Day;
    c.lastActivity = now - 3 * Day;
    const qint64 conversation = storage::ConversationRepository(db()).insert(c);
    domain::Rule rule = lateRule();
    rule.templateName.clear();
    rule.openConversation = true;
    rule.assignAgentId = 4;
    addRule(rule);

    const RulesPass::Report report = pass().run();
    ASSERT_EQ(report.conversations, QList<qint64> { conversation });
    const auto raised = storage::ConversationRepository(db()).find(conversation);
    EXPECT_EQ(raised->status, domain::ConversationStatus::Open);
    EXPECT_EQ(raised->assigneeId, 4);
    EXPECT_TRUE(storage::TagRepository(db()).tagsOf(conversation).contains(QStringLiteral("late")));
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 1);
}

TEST_F(RulesPassTest, DryRunWritesNothing)
{
    addOrder(addCustomer(true), domain::TrackingStatus::InTransit, now - Day, 0, "#1011");
    addRule(lateRule());
    const RulesPass::Report report = pass().dryRun();
    EXPECT_EQ(report.shipments, 1);
    ASSERT_EQ(report.decisions.size(), 1);
    EXPECT_EQ(report.decisions.at(0).customerName, QStringLiteral("Olivia Harper"));
    EXPECT_TRUE(report.results.isEmpty());
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM rule_firings")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_log")), 0);
}

TEST_F(RulesPassTest, AMissingTemplateOrPlaceholderSendsNothingAndSaysWhy)
{
    const qint64 customer = addCustomer(true);
    const qint64 first = addOrder(customer, domain::TrackingStatus::InTransit, now - Day, 0, "#1012");
    domain::Rule gone = lateRule();
    gone.templateName = QStringLiteral("Deleted template");
    const qint64 goneRule = addRule(gone);
    pass().run();
    EXPECT_EQ(outboxRows(), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 0); // no empty conversation left behind
    EXPECT_TRUE(storage::RuleRepository(db())
                    .firingOutcome(goneRule, first)
                    ->contains(QStringLiteral("“Deleted template” not sent: there is no template with that name")));

    db().execute(QStringLiteral("DELETE FROM rules"));
    db().execute(QStringLiteral("INSERT INTO templates (name, body) VALUES ('Needs a return', "
                                "'Your return is {{return.status}}.')"));
    domain::Rule unfilled = lateRule();
    unfilled.templateName = QStringLiteral("Needs a return");
    const qint64 unfilledRule = addRule(unfilled);
    pass().run();
    EXPECT_EQ(outboxRows(), 0); // never a message with "{{return.status}}" in it
    EXPECT_TRUE(storage::RuleRepository(db())
                    .firingOutcome(unfilledRule, first)
                    ->contains(QStringLiteral("nothing to fill in for return.status")));
}
