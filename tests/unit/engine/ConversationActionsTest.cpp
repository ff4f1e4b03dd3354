// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Agent actions on a conversation: each runs in one transaction with a readable audit entry, checks the version,
// and a reply is a queued message plus one outbox row.
#include "TestWorkspace.h"
#include "channels/email/Threader.h"
#include "engine/ConversationActions.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TagRepository.h"
#include "storage/ViewCounterRepository.h"

#include <gtest/gtest.h>

using namespace waybill;
using domain::ConversationStatus;
using storage::StorageError;

namespace {

constexpr qint64 Now = 1772000000;
constexpr qint64 Hour = 3600;

class ConversationActionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const storage::AgentRepository agents(db());
        team = agents.insertTeam(QStringLiteral("Returns & Claims"));
        mia = agents.insertAgent({ 0, QStringLiteral("Mia Chen"), QStringLiteral("mia@example.com"), team });
        jonas = agents.insertAgent({ 0, QStringLiteral("Jonas Weber"), QStringLiteral("jonas@example.com"), team });
        const qint64 customer = storage::CustomerRepository(db()).insert(
            { 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), Now, {} });

        const storage::OrderRepository orders(db());
        orderId = orders.insert({ 0, QStringLiteral("shopify"), QStringLiteral("#1001"), customer, Now - 86400,
            QStringLiteral("USD"), 0, 0, 0, 0, QStringLiteral("paid"), {} });
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
        shipment.status = domain::TrackingStatus::Exception;
        shipment.shippedAt = Now - 86400;
        orders.insertShipment(shipment);

        domain::ConversationSummary c;
        c.channel = domain::Channel::Amazon;
        c.subject = QStringLiteral("Where is my order?");
        c.customerId = customer;
        c.unread = true;
        c.createdAt = Now - Hour;
        c.lastActivity = Now - Hour;
        c.marketDueAt = sla.marketDeadline(c.channel, c.lastActivity);
        c.slaDueAt = sla.slaDeadline(c.lastActivity);
        conversationId = conversations().insert(c);
    }

    const storage::Database &db() { return workspace.db(); }
    storage::ConversationRepository conversations() { return storage::ConversationRepository(db()); }
    domain::ConversationSummary current() { return *conversations().find(conversationId); }

    qint64 count(const QString &table)
    {
        storage::SqlQuery q(db(), QStringLiteral("SELECT count(*) FROM ") + table);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    QList<domain::AuditEntry> audit() { return storage::AuditLogRepository(db()).forConversation(conversationId); }

    waybill::testing::TestWorkspace workspace;
    const engine::SlaClock sla;
    qint64 now = Now;
    qint64 team = 0, mia = 0, jonas = 0, orderId = 0, conversationId = 0;
    engine::ConversationActions actions { workspace.db(), sla, 0, [this] { return now; } };
};

/// Two inbound e-mails with Message-IDs the Threader knows, in conversation `id`.
void addMail(const storage::Database &db, qint64 id, const QString &messageId, qint64 at, const QString &text)
{
    domain::Message message;
    message.conversationId = id;
    message.direction = domain::Message::Direction::Inbound;
    message.author = QStringLiteral("Olivia Harper");
    message.bodyText = text;
    message.createdAt = at;
    message.emailMessageId = messageId;
    const qint64 row = storage::MessageRepository(db).insert(message);
    channels::email::Threader(db).rememberSent(messageId, id, row);
}

engine::ConversationActions actionsOf(
    const storage::Database &db, const engine::SlaClock &sla, qint64 agent, const qint64 &now)
{
    return engine::ConversationActions(db, sla, agent, [&now] { return now; });
}

} // namespace

TEST_F(ConversationActionsTest, ReplyQueuesOneOutboxRowAndWaitsOnTheCustomer)
{
    auto mine = actionsOf(db(), sla, mia, now);
    const auto before = current();
    ASSERT_EQ(before.status, ConversationStatus::Open);
    ASSERT_GT(before.dueAt, 0);
    now += 600;

    const qint64 messageId = mine.reply(conversationId, before.version, QStringLiteral("It is on its way.\nMia"));
    const auto message = storage::MessageRepository(db()).find(messageId);
    ASSERT_TRUE(message.has_value());
    EXPECT_EQ(message->conversationId, conversationId);
    EXPECT_EQ(message->direction, domain::Message::Direction::Outbound);
    EXPECT_EQ(message->delivery, domain::Message::Delivery::Queued);
    EXPECT_EQ(message->author, QStringLiteral("Mia Chen"));
    EXPECT_EQ(message->agentId, mia);
    EXPECT_EQ(message->createdAt, now);

    const storage::OutboxRepository outbox(db());
    EXPECT_EQ(outbox.pendingCount(), 1);
    const auto item = outbox.forMessage(messageId);
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(item->state, QStringLiteral("pending"));
    EXPECT_EQ(item->channel, QStringLiteral("amazon"));
    EXPECT_EQ(item->nextAttemptAt, now);

    const auto after = current();
    EXPECT_EQ(after.status, ConversationStatus::Waiting);
    EXPECT_EQ(after.marketDueAt, 0);
    EXPECT_EQ(after.slaDueAt, 0);
    EXPECT_EQ(after.dueAt, 0);
    EXPECT_EQ(after.lastActivity, now);
    EXPECT_EQ(after.preview, QStringLiteral("It is on its way. Mia"));
    EXPECT_GT(after.version, before.version);
    EXPECT_EQ(audit().constLast().action, QStringLiteral("reply"));
    EXPECT_EQ(audit().constLast().detail, QStringLiteral("replied (queued for Amazon)"));
    EXPECT_EQ(audit().constLast().agentName, QStringLiteral("Mia Chen"));
}

TEST_F(ConversationActionsTest, ReplyIsAllOrNothing)
{
    // The outbox refuses the row: the message, the status change and the audit entry must go with it.
    db().execute(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE INSERT ON outbox "
                                "BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"));
    const auto before = current();
    EXPECT_THROW(actions.reply(conversationId, before.version, QStringLiteral("Hello")), StorageError);
    EXPECT_EQ(count(QStringLiteral("messages")), 0);
    EXPECT_EQ(count(QStringLiteral("message_fts")), 0);
    EXPECT_EQ(count(QStringLiteral("audit_log")), 0);
    const auto after = current();
    EXPECT_EQ(after.version, before.version);
    EXPECT_EQ(after.status, ConversationStatus::Open);
    EXPECT_EQ(after.dueAt, before.dueAt);
}

TEST_F(ConversationActionsTest, EmptyReplyIsRefused)
{
    try {
        actions.reply(conversationId, current().version, QStringLiteral("  \n "));
        FAIL() << "an empty reply was queued";
    } catch (const StorageError &error) {
        EXPECT_EQ(error.kind(), StorageError::Kind::Invalid);
    }
    EXPECT_EQ(count(QStringLiteral("messages")), 0);
}

TEST_F(ConversationActionsTest, NoteIsNeverInTheOutbox)
{
    const auto before = current();
    const qint64 noteId = actions.addNote(conversationId, QStringLiteral("Called UPS, case 123."));
    const auto note = storage::MessageRepository(db()).find(noteId);
    ASSERT_TRUE(note.has_value());
    EXPECT_EQ(note->direction, domain::Message::Direction::Note);
    EXPECT_NE(note->delivery, domain::Message::Delivery::Queued);
    EXPECT_FALSE(storage::OutboxRepository(db()).forMessage(noteId).has_value());
    EXPECT_EQ(count(QStringLiteral("outbox")), 0);
    EXPECT_EQ(current().status, before.status);
    EXPECT_EQ(current().dueAt, before.dueAt);
    EXPECT_EQ(audit().constLast().detail, QStringLiteral("added an internal note"));
}

TEST_F(ConversationActionsTest, StaleVersionIsAConflictAndWritesNothing)
{
    const int version = current().version;
    const int next = actions.assign(conversationId, version, mia, team);
    EXPECT_EQ(next, current().version);
    const qint64 audited = count(QStringLiteral("audit_log"));

    auto expectConflict = [&](const std::function<void()> &action, const char *what) {
        try {
            action();
            ADD_FAILURE() << what << " accepted a stale version";
        } catch (const StorageError &error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::Conflict) << what;
            EXPECT_TRUE(error.userMessage().contains(QStringLiteral("Someone else changed"))) << what;
        }
    };
    expectConflict([&] { actions.reply(conversationId, version, QStringLiteral("Hello")); }, "reply");
    expectConflict([&] { actions.assign(conversationId, version, jonas, 0); }, "assign");
    expectConflict([&] { actions.setStatus(conversationId, version, ConversationStatus::Closed); }, "setStatus");
    expectConflict([&] { actions.linkOrder(conversationId, version, orderId, QStringLiteral("x")); }, "linkOrder");

    EXPECT_EQ(count(QStringLiteral("messages")), 0);
    EXPECT_EQ(count(QStringLiteral("outbox")), 0);
    EXPECT_EQ(count(QStringLiteral("audit_log")), audited);
    const auto after = current();
    EXPECT_EQ(after.version, next);
    EXPECT_EQ(after.assigneeId, mia);
    EXPECT_EQ(after.status, ConversationStatus::Open);
    EXPECT_EQ(after.orderId, 0);
}

TEST_F(ConversationActionsTest, EveryActionLeavesAReadableAuditEntry)
{
    auto mine = actionsOf(db(), sla, mia, now);
    int version = current().version;
    version = mine.assign(conversationId, version, jonas, team);
    version = mine.assign(conversationId, version, 0, team);
    version = mine.assign(conversationId, version, 0, 0);
    version = mine.setStatus(conversationId, version, ConversationStatus::Closed);
    version = mine.setStatus(conversationId, version, ConversationStatus::Snoozed, Now + 2 * Hour);
    EXPECT_EQ(current().snoozedUntil, Now + 2 * Hour);
    mine.addTag(conversationId, QStringLiteral("  VIP "));
    mine.addTag(conversationId, QStringLiteral("vip")); // already there: no second entry
    mine.removeTag(conversationId, QStringLiteral("vip"));
    version = mine.linkOrder(conversationId, version, orderId, QStringLiteral("order number in the subject"));
    version = mine.linkOrder(conversationId, version, 0, {});
    EXPECT_EQ(version, current().version);

    const auto entries = audit();
    QStringList actionsSeen, details;
    for (const auto &entry : entries) {
        actionsSeen << entry.action;
        details << entry.detail;
        EXPECT_EQ(entry.agentId, mia);
        EXPECT_EQ(entry.agentName, QStringLiteral("Mia Chen"));
        EXPECT_EQ(entry.at, Now);
    }
    EXPECT_EQ(actionsSeen,
        (QStringList { QStringLiteral("assign"), QStringLiteral("assign"), QStringLiteral("assign"),
            QStringLiteral("status"), QStringLiteral("status"), QStringLiteral("tag"), QStringLiteral("untag"),
            QStringLiteral("link_order"), QStringLiteral("unlink_order") }));
    ASSERT_EQ(details.size(), 9);
    EXPECT_EQ(details.at(0), QStringLiteral("assigned to Jonas Weber"));
    EXPECT_EQ(details.at(1), QStringLiteral("assigned to team Returns & Claims"));
    EXPECT_EQ(details.at(2), QStringLiteral("unassigned"));
    EXPECT_EQ(details.at(3), QStringLiteral("status: Closed"));
    EXPECT_TRUE(details.at(4).startsWith(QStringLiteral("snoozed until 2026-"))) << details.at(4).toStdString();
    EXPECT_EQ(details.at(5), QStringLiteral("tagged vip"));
    EXPECT_EQ(details.at(6), QStringLiteral("removed tag vip"));
    EXPECT_EQ(details.at(7), QStringLiteral("linked order #1001 (order number in the subject)"));
    EXPECT_EQ(details.at(8), QStringLiteral("order unlinked"));
}

TEST_F(ConversationActionsTest, SnoozeInThePastIsRefused)
{
    const auto before = current();
    for (const qint64 until : { qint64(0), Now - Hour, Now }) {
        try {
            actions.setStatus(conversationId, before.version, ConversationStatus::Snoozed, until);
            ADD_FAILURE() << "snoozed until " << until;
        } catch (const StorageError &error) {
            EXPECT_EQ(error.kind(), StorageError::Kind::Invalid);
            EXPECT_TRUE(error.userMessage().contains(QStringLiteral("future")));
        }
    }
    EXPECT_EQ(current().version, before.version);
    EXPECT_EQ(current().status, ConversationStatus::Open);
    EXPECT_EQ(count(QStringLiteral("audit_log")), 0);
}

TEST_F(ConversationActionsTest, AssigningAMissingAgentOrOrderIsRefused)
{
    const int version = current().version;
    EXPECT_THROW(actions.assign(conversationId, version, mia + 100, 0), StorageError);
    EXPECT_THROW(actions.linkOrder(conversationId, version, orderId + 100, QStringLiteral("x")), StorageError);
    EXPECT_EQ(current().version, version);
    EXPECT_EQ(count(QStringLiteral("audit_log")), 0);
}

TEST_F(ConversationActionsTest, LinkOrderRefreshesChipsAndRecordsTheReason)
{
    const int version = current().version;
    const int linked
        = actions.linkOrder(conversationId, version, orderId, QStringLiteral("order number in the subject"));
    auto row = current();
    EXPECT_EQ(linked, row.version);
    EXPECT_EQ(row.orderId, orderId);
    EXPECT_EQ(row.orderNumber, QStringLiteral("#1001"));
    EXPECT_EQ(row.trackingStatus, QStringLiteral("exception"));
    EXPECT_TRUE(row.deliveryProblem);
    EXPECT_EQ(row.linkReason, QStringLiteral("order number in the subject"));

    actions.linkOrder(conversationId, linked, 0, QStringLiteral("ignored"));
    row = current();
    EXPECT_EQ(row.orderId, 0);
    EXPECT_EQ(row.orderNumber, QString());
    EXPECT_EQ(row.trackingStatus, QString());
    EXPECT_FALSE(row.deliveryProblem);
    EXPECT_EQ(row.linkReason, QString());
}

TEST_F(ConversationActionsTest, MarkReadKeepsTheVersion)
{
    const auto before = current();
    ASSERT_TRUE(before.unread);
    actions.markRead(conversationId);
    EXPECT_FALSE(current().unread);
    EXPECT_EQ(current().version, before.version);
}

namespace {

class SplitMergeTest : public ConversationActionsTest {
protected:
    void SetUp() override
    {
        ConversationActionsTest::SetUp();
        addMail(db(), conversationId, QStringLiteral("first@example.com"), Now - Hour, QStringLiteral("Where is it?"));
        addMail(db(), conversationId, QStringLiteral("second@example.com"), Now - 600,
            QStringLiteral("Also, can I return the mug?"));
        actions.linkOrder(conversationId, current().version, orderId, QStringLiteral("order number in the subject"));
    }

    qint64 replyTarget(const QString &inReplyTo)
    {
        domain::IncomingMessage reply;
        reply.inReplyTo = inReplyTo;
        reply.subject = QStringLiteral("Re: something else");
        return channels::email::Threader(db()).find(reply, 0, 0, now).conversationId;
    }

    void expectCountersMatchARecount()
    {
        const storage::ViewCounterRepository counters(db());
        EXPECT_EQ(counters.counts(mia, sla.riskHorizon(now)), counters.recount(mia, sla.riskHorizon(now)));
    }

    qint64 messageCount(qint64 id)
    {
        storage::SqlQuery q(db(), QStringLiteral("SELECT count(*) FROM messages WHERE conversation_id = ?"));
        q.bind(id).exec();
        return q.next() ? q.int64(0) : -1;
    }
};

TEST_F(ConversationActionsTest, ContactPreferencesAreStoredOnTheCustomerAndAuditedOnTheConversation)
{
    const qint64 customerId = current().customerId;
    const int version = current().version;
    ASSERT_TRUE(actions.setContactPreferences(conversationId, customerId, true, QStringLiteral("sms")));
    auto customer = storage::CustomerRepository(db()).find(customerId);
    ASSERT_TRUE(customer.has_value());
    EXPECT_TRUE(customer->smsConsent);
    EXPECT_EQ(customer->preferredChannel, QStringLiteral("sms"));
    EXPECT_EQ(current().version, version) << "the customer changed, not the conversation";
    const auto entries = audit();
    ASSERT_GE(entries.size(), 2);
    EXPECT_EQ(entries.at(entries.size() - 2).action, QStringLiteral("customer_sms_consent"));
    EXPECT_EQ(
        entries.at(entries.size() - 2).detail, QStringLiteral("recorded that Olivia Harper agreed to receive SMS"));
    EXPECT_EQ(entries.constLast().action, QStringLiteral("customer_channel"));
    EXPECT_EQ(entries.constLast().detail, QStringLiteral("set Olivia Harper's preferred channel to SMS"));

    EXPECT_FALSE(actions.setContactPreferences(conversationId, customerId, true, QStringLiteral("sms")));
    EXPECT_EQ(audit().size(), entries.size()) << "nothing changed, nothing audited";

    ASSERT_TRUE(actions.setContactPreferences(conversationId, customerId, false, QStringLiteral("sms")));
    EXPECT_EQ(audit().size(), entries.size() + 1);
    EXPECT_EQ(audit().constLast().detail, QStringLiteral("recorded that Olivia Harper withdrew SMS consent"));
    EXPECT_FALSE(storage::CustomerRepository(db()).find(customerId)->smsConsent);

    EXPECT_THROW(
        actions.setContactPreferences(conversationId, customerId, true, QStringLiteral("pigeon")), StorageError);
    EXPECT_THROW(actions.setContactPreferences(conversationId, customerId + 1000, true, QString()), StorageError);
    EXPECT_EQ(storage::CustomerRepository(db()).find(customerId)->preferredChannel, QStringLiteral("sms"));
}

} // namespace

TEST_F(SplitMergeTest, SplitMovesOneMessageWithItsOrderAndReplies)
{
    const auto messages = storage::MessageRepository(db()).forConversation(conversationId);
    ASSERT_EQ(messages.size(), 2);
    const qint64 second = messages.constLast().id;
    const int version = current().version;

    const qint64 splitId = actions.splitMessage(conversationId, version, second);
    ASSERT_NE(splitId, conversationId);
    EXPECT_EQ(messageCount(conversationId), 1);
    EXPECT_EQ(messageCount(splitId), 1);
    EXPECT_GT(current().version, version);
    const auto split = *conversations().find(splitId);
    EXPECT_EQ(split.channel, domain::Channel::Amazon);
    EXPECT_EQ(split.customerId, current().customerId);
    EXPECT_EQ(split.orderId, orderId);
    EXPECT_EQ(split.orderNumber, QStringLiteral("#1001"));
    EXPECT_EQ(split.status, ConversationStatus::Open);
    EXPECT_EQ(split.preview, QStringLiteral("Also, can I return the mug?"));

    EXPECT_EQ(replyTarget(QStringLiteral("second@example.com")), splitId) << "replies follow the split message";
    EXPECT_EQ(replyTarget(QStringLiteral("first@example.com")), conversationId);
    EXPECT_EQ(audit().constLast().action, QStringLiteral("split"));
    EXPECT_EQ(storage::AuditLogRepository(db()).forConversation(splitId).constLast().action, QStringLiteral("split"));
    expectCountersMatchARecount();
}

TEST_F(SplitMergeTest, SplitRefusesTheOnlyMessageAndAStaleVersion)
{
    const auto messages = storage::MessageRepository(db()).forConversation(conversationId);
    EXPECT_THROW(actions.splitMessage(conversationId, current().version - 1, messages.constLast().id), StorageError);
    const qint64 splitId = actions.splitMessage(conversationId, current().version, messages.constLast().id);
    EXPECT_THROW(
        actions.splitMessage(splitId, conversations().find(splitId)->version, messages.constLast().id), StorageError);
    EXPECT_EQ(messageCount(splitId), 1);
}

TEST_F(SplitMergeTest, MergeMovesEverythingClosesTheSourceAndLaterRepliesFollow)
{
    const auto messages = storage::MessageRepository(db()).forConversation(conversationId);
    const qint64 sourceId = actions.splitMessage(conversationId, current().version, messages.constLast().id);
    actions.addTag(sourceId, QStringLiteral("returns"));
    now += 60;

    const auto target = current();
    const auto source = *conversations().find(sourceId);
    const int version = actions.merge(conversationId, target.version, sourceId, source.version);
    EXPECT_EQ(version, current().version);
    EXPECT_EQ(messageCount(conversationId), 2);
    EXPECT_EQ(messageCount(sourceId), 0);
    EXPECT_EQ(conversations().find(sourceId)->status, ConversationStatus::Closed);
    EXPECT_TRUE(storage::TagRepository(db()).tagsOf(sourceId).contains(QStringLiteral("merged")));
    EXPECT_TRUE(storage::TagRepository(db()).tagsOf(conversationId).contains(QStringLiteral("returns")));
    EXPECT_EQ(replyTarget(QStringLiteral("second@example.com")), conversationId) << "replies to the source follow";
    EXPECT_EQ(audit().constLast().action, QStringLiteral("merge"));
    EXPECT_EQ(storage::AuditLogRepository(db()).forConversation(sourceId).constLast().detail,
        QStringLiteral("merged into conversation #%1").arg(conversationId));
    expectCountersMatchARecount();

    EXPECT_THROW(actions.merge(conversationId, version, conversationId, version), StorageError);
    EXPECT_THROW(
        actions.merge(conversationId, version - 1, sourceId, conversations().find(sourceId)->version), StorageError);
}
