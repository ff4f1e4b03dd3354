// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The mail_actions table through MailActionRepository: Sent copies keep the exact bytes and are recorded once per
// reply, \Seen updates are recorded once per place, failures count attempts and move the next attempt, outdated
// and unwanted actions go, and a bad reference is refused with a StorageError.
#include "TestWorkspace.h"
#include "domain/ConversationSummary.h"
#include "domain/Message.h"
#include "storage/ConversationRepository.h"
#include "storage/MailActionRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <gtest/gtest.h>

using namespace waybill;
using storage::MailAction;

namespace {

constexpr qint64 Now = 1795000000;
const QString Account = QStringLiteral("email:support@shop.example");
const QString Other = QStringLiteral("email:returns@shop.example");

class MailActionRepositoryTest : public ::testing::Test {
protected:
    const storage::Database &db() { return workspace.db(); }

    /// A queued reply and its outbox row; the outbox id.
    qint64 outboxRow()
    {
        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = QStringLiteral("Where is my order?");
        c.createdAt = Now - 3600;
        c.lastActivity = Now - 60;
        const qint64 conversationId = storage::ConversationRepository(db()).insert(c);
        domain::Message reply;
        reply.conversationId = conversationId;
        reply.direction = domain::Message::Direction::Outbound;
        reply.bodyText = QStringLiteral("On its way");
        reply.createdAt = Now;
        reply.delivery = domain::Message::Delivery::Sent;
        m_lastMessageId = storage::MessageRepository(db()).insert(reply);
        return storage::OutboxRepository(db()).enqueue(m_lastMessageId, QStringLiteral("email"), Account, Now);
    }

    waybill::testing::TestWorkspace workspace;
    storage::MailActionRepository actions { workspace.db() };
    qint64 m_lastMessageId = 0;
};

TEST_F(MailActionRepositoryTest, SentCopyKeepsTheExactBytesAndIsRecordedOncePerReply)
{
    const qint64 outboxId = outboxRow();
    const QByteArray raw = QByteArray("Subject: =?UTF-8?B?w6k=?=\r\n\r\n.\r\n\xe2\x82\xac\r\n") + QByteArray(1, '\0')
        + QByteArray("tail\r\n");
    const qint64 id = actions.addSentCopy(Account, outboxId, QStringLiteral("Sent"), raw, Now);
    ASSERT_GT(id, 0);
    EXPECT_EQ(actions.addSentCopy(Account, outboxId, QStringLiteral("Sent"), "other bytes", Now + 5), id);
    EXPECT_EQ(actions.count(), 1);

    const auto found = actions.find(id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->kind, MailAction::Kind::SentCopy);
    EXPECT_EQ(found->account, Account);
    EXPECT_EQ(found->outboxId, outboxId);
    EXPECT_EQ(found->mailbox, QStringLiteral("Sent"));
    EXPECT_EQ(found->content, raw); // the first bytes, byte for byte
    EXPECT_EQ(found->attempts, 0);
    EXPECT_EQ(found->nextAttemptAt, Now);
    EXPECT_EQ(found->createdAt, Now);
    EXPECT_TRUE(found->lastError.isEmpty());
    ASSERT_TRUE(actions.sentCopy(outboxId).has_value());
    EXPECT_EQ(actions.sentCopy(outboxId)->id, id);
    EXPECT_EQ(actions.pending(Account, MailAction::Kind::SentCopy).size(), 1);
    EXPECT_TRUE(actions.pending(Account, MailAction::Kind::Seen).isEmpty());
    EXPECT_TRUE(actions.pending(Other, MailAction::Kind::SentCopy).isEmpty());

    EXPECT_TRUE(actions.removeSentCopy(outboxId));
    EXPECT_FALSE(actions.removeSentCopy(outboxId));
    EXPECT_FALSE(actions.find(id).has_value());
    EXPECT_EQ(actions.count(), 0);
}

TEST_F(MailActionRepositoryTest, SeenUpdatesAreRecordedOncePerPlaceAndGoWhenStored)
{
    actions.addSeen(Account, QStringLiteral("INBOX"), 7, 1, Now);
    actions.addSeen(Account, QStringLiteral("INBOX"), 7, 2, Now + 1);
    actions.addSeen(Account, QStringLiteral("INBOX"), 7, 2, Now + 2); // asked twice: one row
    actions.addSeen(Account, QStringLiteral("Support"), 7, 2, Now);
    actions.addSeen(Other, QStringLiteral("INBOX"), 7, 1, Now);
    EXPECT_EQ(actions.count(), 4);

    const QList<MailAction> pending = actions.pending(Account, MailAction::Kind::Seen);
    ASSERT_EQ(pending.size(), 3);
    EXPECT_EQ(pending[0].kind, MailAction::Kind::Seen);
    EXPECT_EQ(pending[0].uidValidity, 7u);
    EXPECT_EQ(pending.last().mailbox, QStringLiteral("INBOX"));
    EXPECT_EQ(pending.last().uid, 2u);
    EXPECT_EQ(pending.last().nextAttemptAt, Now + 1); // the first request stands

    EXPECT_EQ(actions.removeSeen(Account, QStringLiteral("INBOX"), 7, { 1, 2, 99 }), 2);
    EXPECT_EQ(actions.removeSeen(Account, QStringLiteral("INBOX"), 8, { 1 }), 0); // another UIDVALIDITY
    ASSERT_EQ(actions.pending(Account, MailAction::Kind::Seen).size(), 1);
    EXPECT_EQ(actions.pending(Account, MailAction::Kind::Seen).first().mailbox, QStringLiteral("Support"));
    EXPECT_EQ(actions.pending(Other, MailAction::Kind::Seen).size(), 1);
}

TEST_F(MailActionRepositoryTest, FailuresCountAttemptsKeepTheErrorAndMoveTheNextAttempt)
{
    const qint64 outboxId = outboxRow();
    const qint64 id = actions.addSentCopy(Account, outboxId, QStringLiteral("Sent"), "bytes", Now);
    EXPECT_EQ(actions.due(Account, MailAction::Kind::SentCopy, Now, 10).size(), 1);
    actions.retryLater(id, Now + 60, QStringLiteral("127.0.0.1 refused the connection"));
    actions.retryLater(id, Now + 180, QStringLiteral("127.0.0.1 did not answer"));
    const auto found = actions.find(id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->attempts, 2);
    EXPECT_EQ(found->nextAttemptAt, Now + 180);
    EXPECT_EQ(found->lastError, QStringLiteral("127.0.0.1 did not answer"));
    EXPECT_TRUE(actions.due(Account, MailAction::Kind::SentCopy, Now + 179, 10).isEmpty());
    EXPECT_EQ(actions.due(Account, MailAction::Kind::SentCopy, Now + 180, 10).size(), 1);
    EXPECT_EQ(actions.pending(Account, MailAction::Kind::SentCopy).size(), 1); // waiting, not lost

    actions.addSeen(Account, QStringLiteral("INBOX"), 7, 1, Now);
    actions.addSeen(Account, QStringLiteral("INBOX"), 7, 2, Now);
    actions.addSeen(Account, QStringLiteral("Support"), 7, 3, Now);
    EXPECT_EQ(actions.retrySeenLater(Account, QStringLiteral("INBOX"), Now + 30, QStringLiteral("dropped")), 2);
    for (const MailAction &action : actions.pending(Account, MailAction::Kind::Seen)) {
        const bool inbox = action.mailbox == QStringLiteral("INBOX");
        EXPECT_EQ(action.attempts, inbox ? 1 : 0);
        EXPECT_EQ(action.nextAttemptAt, inbox ? Now + 30 : Now);
        EXPECT_EQ(action.lastError, inbox ? QStringLiteral("dropped") : QString());
    }
}

TEST_F(MailActionRepositoryTest, OutdatedAndUnwantedActionsGo)
{
    actions.addSeen(Account, QStringLiteral("INBOX"), 7, 1, Now);
    actions.addSeen(Account, QStringLiteral("INBOX"), 9, 1, Now);
    actions.addSeen(Account, QStringLiteral("Old"), 7, 1, Now);
    EXPECT_EQ(actions.removeOutdatedSeen(Account, QStringLiteral("INBOX"), 9), 1); // the folder was recreated
    EXPECT_EQ(actions.removeOutdatedSeen(Account, QStringLiteral("Old"), 0), 1); // no longer synced
    const QList<MailAction> left = actions.pending(Account, MailAction::Kind::Seen);
    ASSERT_EQ(left.size(), 1);
    EXPECT_EQ(left.first().uidValidity, 9u);

    const qint64 outboxId = outboxRow();
    actions.addSentCopy(Account, outboxId, QStringLiteral("Sent"), "bytes", Now);
    EXPECT_EQ(actions.removeAll(Account, MailAction::Kind::SentCopy), 1);
    EXPECT_EQ(actions.count(), 1); // the \Seen update stays
}

TEST_F(MailActionRepositoryTest, DeletingTheReplyDropsItsSentCopy)
{
    const qint64 outboxId = outboxRow();
    actions.addSentCopy(Account, outboxId, QStringLiteral("Sent"), "bytes", Now);
    storage::SqlQuery q(db(), QStringLiteral("DELETE FROM messages WHERE id = ?"));
    q.bind(m_lastMessageId).exec();
    EXPECT_FALSE(actions.sentCopy(outboxId).has_value());
    EXPECT_EQ(actions.count(), 0);
}

TEST_F(MailActionRepositoryTest, ASentCopyOfNoReplyIsRefusedAndNothingIsRecorded)
{
    EXPECT_THROW(actions.addSentCopy(Account, 4242, QStringLiteral("Sent"), "bytes", Now), storage::StorageError);
    EXPECT_EQ(actions.count(), 0);
}

} // namespace
