// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The facts the rules decide on, read in one query: every field from what is stored, and which shipments count as
// active. Also the rule repository's round trip and its once-per-order firing record.
#include "TestWorkspace.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/RuleFactsReader.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <gtest/gtest.h>

using namespace waybill;
using storage::SqlQuery;

namespace {

constexpr qint64 Day = 24 * 3600;
constexpr qint64 Now = 1772000000;

class RuleFactsReaderTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        domain::Customer customer { 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), Now, {} };
        customer.identities = { { 0, QStringLiteral("email"), QStringLiteral("olivia@example.com") },
            { 0, QStringLiteral("phone"), QStringLiteral("+15555550100") } };
        customerId = storage::CustomerRepository(db()).insert(customer);
        exec(QStringLiteral("UPDATE customers SET sms_consent = 1, preferred_channel = 'sms' WHERE id = %1")
                 .arg(customerId));
        const storage::OrderRepository orders(db());
        orderId = orders.insert({ 0, QStringLiteral("amazon"), QStringLiteral("113-1234567-1234567"), customerId,
            Now - 10 * Day, QStringLiteral("USD"), 5000, 1000, 0, 6000, QStringLiteral("paid"), {} });
        domain::Shipment s;
        s.orderId = orderId;
        s.carrier = QStringLiteral("ups");
        s.trackingNumber = QStringLiteral("1Z999AA10123456784");
        s.status = domain::TrackingStatus::InTransit;
        s.shippedAt = Now - 5 * Day;
        s.expectedAt = Now - 2 * Day;
        s.lateAfter = Now - Day;
        shipmentId = orders.insertShipment(s);
    }

    const storage::Database &db() { return workspace.db(); }
    void exec(const QString &sql) { db().execute(sql); }

    qint64 addConversation(const char *status, qint64 lastActivity)
    {
        exec(QStringLiteral("INSERT INTO conversations (channel, customer_id, order_id, status, created_at, "
                            "last_activity) VALUES ('amazon', %1, %2, '%3', %4, %4)")
                 .arg(customerId)
                 .arg(orderId)
                 .arg(QString::fromLatin1(status))
                 .arg(lastActivity));
        SqlQuery q(db(), QStringLiteral("SELECT max(id) FROM conversations"));
        q.exec();
        q.next();
        return q.int64(0);
    }

    void addMessage(qint64 conversation, const char *direction, qint64 at)
    {
        exec(QStringLiteral("INSERT INTO messages (conversation_id, direction, created_at) VALUES (%1, '%2', %3)")
                 .arg(conversation)
                 .arg(QString::fromLatin1(direction))
                 .arg(at));
    }

    domain::RuleFacts onlyFacts()
    {
        const auto facts = storage::RuleFactsReader(db()).activeShipments(Now);
        EXPECT_EQ(facts.size(), 1);
        return facts.value(0);
    }

    waybill::testing::TestWorkspace workspace;
    qint64 customerId = 0;
    qint64 orderId = 0;
    qint64 shipmentId = 0;
};

} // namespace

TEST_F(RuleFactsReaderTest, OrderCustomerAndShipment)
{
    const domain::RuleFacts f = onlyFacts();
    EXPECT_EQ(f.shipmentId, shipmentId);
    EXPECT_EQ(f.orderId, orderId);
    EXPECT_EQ(f.orderNumber, QStringLiteral("113-1234567-1234567"));
    EXPECT_EQ(f.orderSource, QStringLiteral("amazon"));
    EXPECT_EQ(f.orderTotalCents, 6000);
    EXPECT_EQ(f.customerId, customerId);
    EXPECT_EQ(f.customerName, QStringLiteral("Olivia Harper"));
    EXPECT_TRUE(f.hasEmail);
    EXPECT_TRUE(f.hasPhone);
    EXPECT_TRUE(f.smsConsent);
    EXPECT_EQ(f.preferredChannel, QStringLiteral("sms"));
    EXPECT_EQ(f.status, domain::TrackingStatus::InTransit);
    EXPECT_EQ(f.lateAt, Now - Day); // late_after wins over expected_at
    EXPECT_EQ(f.conversationId, 0);
    EXPECT_FALSE(f.conversationOpen);
    EXPECT_TRUE(f.firedRules.isEmpty());
}

TEST_F(RuleFactsReaderTest, TheNewestConversationAndWhetherTheCustomerWaits)
{
    const qint64 old = addConversation("closed", Now - 9 * Day);
    addMessage(old, "in", Now - 9 * Day);
    const qint64 latest = addConversation("open", Now - Day);
    addMessage(latest, "in", Now - 2 * Day);
    addMessage(latest, "out", Now - 2 * Day + 600);
    addMessage(latest, "in", Now - Day);
    addMessage(latest, "note", Now - Day + 60); // notes are not answers
    domain::RuleFacts f = onlyFacts();
    EXPECT_EQ(f.conversationId, latest);
    EXPECT_EQ(f.conversationChannel, QStringLiteral("amazon"));
    EXPECT_TRUE(f.conversationOpen);
    EXPECT_EQ(f.awaitingReplySince, Now - Day);

    addMessage(latest, "out", Now - 3600); // answered
    f = onlyFacts();
    EXPECT_EQ(f.awaitingReplySince, 0);

    exec(QStringLiteral("UPDATE conversations SET status = 'closed'"));
    addMessage(latest, "in", Now - 60);
    f = onlyFacts();
    EXPECT_FALSE(f.conversationOpen);
    EXPECT_EQ(f.awaitingReplySince, 0); // nobody waits on a closed conversation
}

TEST_F(RuleFactsReaderTest, TagsReturnsClaimsAndFirings)
{
    const qint64 conversation = addConversation("closed", Now - Day);
    exec(QStringLiteral("INSERT INTO tags (id, name) VALUES (1, 'vip'), (2, 'gift')"));
    exec(QStringLiteral("INSERT INTO conversation_tags VALUES (%1, 1), (%1, 2)").arg(conversation));
    exec(QStringLiteral("INSERT INTO returns (order_id, state, created_at, updated_at) VALUES (%1, 'closed', %2, %2), "
                        "(%1, 'received', %3, %3)")
             .arg(orderId)
             .arg(Now - 5 * Day)
             .arg(Now - Day));
    exec(QStringLiteral("INSERT INTO claims (order_id, kind, state, created_at, updated_at) VALUES (%1, 'lost', "
                        "'paid', %2, %2)")
             .arg(orderId)
             .arg(Now - 2 * Day));
    domain::Rule rule;
    rule.name = QStringLiteral("Late");
    const qint64 ruleId = storage::RuleRepository(db()).insert(rule);
    ASSERT_TRUE(storage::RuleRepository(db()).recordFiring(ruleId, orderId, Now));
    storage::RuleRepository(db()).setFiringOutcome(ruleId, orderId, conversation, true, false, QStringLiteral("sent"));

    const domain::RuleFacts f = onlyFacts();
    QStringList tags = f.tags;
    tags.sort();
    EXPECT_EQ(tags, (QStringList { QStringLiteral("gift"), QStringLiteral("vip") }));
    EXPECT_EQ(f.returnState, QStringLiteral("received"));
    EXPECT_EQ(f.returnAt, Now - Day);
    EXPECT_TRUE(f.returnActive);
    EXPECT_EQ(f.claimState, QStringLiteral("paid"));
    EXPECT_FALSE(f.claimActive);
    EXPECT_EQ(f.firedRules, QList<qint64> { ruleId });
    EXPECT_TRUE(f.messaged);
    EXPECT_FALSE(f.reviewRequested);
}

TEST_F(RuleFactsReaderTest, OnlyActiveShipments)
{
    const storage::OrderRepository orders(db());
    domain::Shipment old;
    old.orderId = orderId;
    old.carrier = QStringLiteral("ups");
    old.trackingNumber = QStringLiteral("1Z999AA10123456785");
    old.status = domain::TrackingStatus::Delivered;
    old.shippedAt = Now - 100 * Day;
    old.deliveredAt = Now - (storage::RuleFactsReader::ActiveDays + 1) * Day;
    orders.insertShipment(old);
    domain::Shipment recent = old;
    recent.trackingNumber = QStringLiteral("1Z999AA10123456786");
    recent.deliveredAt = Now - 10 * Day;
    const qint64 recentId = orders.insertShipment(recent);
    const auto facts = storage::RuleFactsReader(db()).activeShipments(Now);
    ASSERT_EQ(facts.size(), 2);
    EXPECT_EQ(facts.at(0).shipmentId, shipmentId);
    EXPECT_EQ(facts.at(1).shipmentId, recentId);
    EXPECT_EQ(facts.at(1).deliveredAt, Now - 10 * Day);
}

TEST(RuleRepositoryTest, RoundTripAndOncePerOrder)
{
    waybill::testing::TestWorkspace workspace;
    const storage::RuleRepository rules(workspace.db());
    EXPECT_EQ(rules.all().size(), 3); // the shipped examples
    domain::Rule rule;
    rule.name = QStringLiteral("  Waiting customers  ");
    rule.enabled = false;
    rule.trigger = domain::RuleTrigger::NoReply;
    rule.triggerAmount = 12;
    rule.channel = QStringLiteral("email");
    rule.marketplace = QStringLiteral("shopify");
    rule.minOrderCents = 1000;
    rule.maxOrderCents = 90000;
    rule.tags = { QStringLiteral(" VIP "), QStringLiteral("gift") };
    rule.requireSmsConsent = true;
    rule.onlyIfNotMessaged = true;
    rule.quietStart = 22 * 60;
    rule.quietEnd = 7 * 60;
    rule.openConversation = true;
    rule.tag = QStringLiteral("Waiting");
    rule.templateName = QStringLiteral("Review request");
    rule.reviewRequest = true;
    rule.createdAt = Now;
    rule.updatedAt = Now;
    const qint64 id = rules.insert(rule);
    const auto stored = rules.find(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, QStringLiteral("Waiting customers"));
    EXPECT_FALSE(stored->enabled);
    EXPECT_EQ(stored->trigger, domain::RuleTrigger::NoReply);
    EXPECT_EQ(stored->triggerAmount, 12);
    EXPECT_EQ(stored->channel, QStringLiteral("email"));
    EXPECT_EQ(stored->marketplace, QStringLiteral("shopify"));
    EXPECT_EQ(stored->minOrderCents, 1000);
    EXPECT_EQ(stored->maxOrderCents, 90000);
    EXPECT_EQ(stored->tags, (QStringList { QStringLiteral("vip"), QStringLiteral("gift") }));
    EXPECT_TRUE(stored->requireSmsConsent);
    EXPECT_TRUE(stored->onlyIfNotMessaged);
    EXPECT_EQ(stored->quietStart, 22 * 60);
    EXPECT_EQ(stored->quietEnd, 7 * 60);
    EXPECT_TRUE(stored->openConversation);
    EXPECT_EQ(stored->tag, QStringLiteral("waiting"));
    EXPECT_EQ(stored->templateName, QStringLiteral("Review request"));
    EXPECT_TRUE(stored->reviewRequest);

    domain::Rule unnamed = *stored;
    unnamed.name = QStringLiteral(" ");
    EXPECT_THROW(rules.update(unnamed), storage::StorageError);
    domain::Rule gone = *stored;
    gone.id = 9999;
    EXPECT_THROW(rules.update(gone), storage::StorageError);

    workspace.db().execute(QStringLiteral("INSERT INTO orders (id, source, number, placed_at, currency) "
                                          "VALUES (7, 'shopify', '#7', 0, 'USD')"));
    EXPECT_TRUE(rules.recordFiring(id, 7, Now));
    EXPECT_FALSE(rules.recordFiring(id, 7, Now + 60));
    EXPECT_EQ(rules.firingOutcome(id, 7), QString());
    EXPECT_TRUE(rules.remove(id));
    EXPECT_FALSE(rules.firingOutcome(id, 7)); // firings go with their rule
}
