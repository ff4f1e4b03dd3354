// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Replies as real mail clients write them (tests/data/email/threading): each raw message goes through MimeParser
// and the ingest pipeline, and the test checks which conversation it lands in and the thread reason stored with it.
#include "TestWorkspace.h"
#include "channels/email/MimeParser.h"
#include "channels/email/Threader.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using channels::email::MimeParser;
using engine::Ingest;

namespace {

class ThreadingCorpusTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<Ingest>(ws.db(), *store, sla, [this] { return clock; });
        domain::Customer customer { 0, QStringLiteral("Ava Hughes"), QStringLiteral("Ava"), 1760000000, {} };
        customer.identities.append({ 0, QStringLiteral("email"), QStringLiteral("ava@example.net") });
        const qint64 customerId = storage::CustomerRepository(ws.db()).insert(customer);
        domain::Order order;
        order.source = QStringLiteral("shopify");
        order.number = QStringLiteral("#1042");
        order.customerId = customerId;
        order.placedAt = 1771500000; // 19 Feb 2026
        order.currency = QStringLiteral("GBP");
        storage::OrderRepository(ws.db()).insert(order);
    }

    /// Parses tests/data/email/threading/<name> and ingests it a couple of minutes after its Date.
    Ingest::Result deliver(const QString &name)
    {
        QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/email/threading/") + name);
        if (!file.open(QIODevice::ReadOnly)) {
            ADD_FAILURE() << "missing fixture " << name.toStdString();
            return {};
        }
        const auto parsed = MimeParser::parse(file.readAll());
        if (!parsed.ok()) {
            ADD_FAILURE() << name.toStdString() << ": " << parsed.failureReason.toStdString();
            return {};
        }
        domain::IncomingMessage message = *parsed.message;
        EXPECT_GT(message.sentAt, 0) << name.toStdString();
        message.account = QStringLiteral("email:support@shop.example");
        clock = message.sentAt + 120;
        const Ingest::Result result = ingest->ingest(message);
        EXPECT_EQ(result.outcome, Ingest::Outcome::Stored) << name.toStdString();
        return result;
    }

    QString storedReason(const Ingest::Result &result)
    {
        return storage::MessageRepository(ws.db()).find(result.messageId)->threadReason;
    }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<Ingest> ingest;
    qint64 clock = 0;
};

TEST_F(ThreadingCorpusTest, GmailRepliesThreadByInReplyToThenByReferences)
{
    const auto question = deliver(QStringLiteral("gmail-1-question.eml"));
    EXPECT_TRUE(question.newConversation);
    EXPECT_TRUE(question.threadReason.isEmpty());
    // Our answer went out with this Message-ID; Gmail's reply names it in In-Reply-To and References.
    channels::email::Threader(ws.db()).rememberSent(
        QStringLiteral("waybill.3f2a9c.1@shop.example"), question.conversationId, 0);

    const auto reply = deliver(QStringLiteral("gmail-2-reply.eml"));
    EXPECT_EQ(reply.conversationId, question.conversationId);
    EXPECT_FALSE(reply.newConversation);
    EXPECT_EQ(reply.threadReason, QStringLiteral("threaded by In-Reply-To"));
    EXPECT_EQ(storedReason(reply), QStringLiteral("threaded by In-Reply-To"));

    // Replying to a family member's message we never saw: In-Reply-To is unknown, References still lead home.
    const auto third = deliver(QStringLiteral("gmail-3-references-only.eml"));
    EXPECT_EQ(third.conversationId, question.conversationId);
    EXPECT_EQ(third.threadReason, QStringLiteral("threaded by References"));
    EXPECT_EQ(storedReason(third), QStringLiteral("threaded by References"));
}

TEST_F(ThreadingCorpusTest, OutlookRepliesThreadByThreadIndexAlone)
{
    const auto question = deliver(QStringLiteral("outlook-1-question.eml"));
    EXPECT_TRUE(question.newConversation);
    for (const QString &name : { QStringLiteral("outlook-2-reply.eml"), QStringLiteral("outlook-3-reply.eml") }) {
        const auto reply = deliver(name);
        EXPECT_EQ(reply.conversationId, question.conversationId) << name.toStdString();
        EXPECT_EQ(reply.threadReason, QStringLiteral("threaded by Thread-Index")) << name.toStdString();
        EXPECT_EQ(storedReason(reply), QStringLiteral("threaded by Thread-Index")) << name.toStdString();
    }
    EXPECT_EQ(storage::MessageRepository(ws.db()).forConversation(question.conversationId).size(), 3);
}

TEST_F(ThreadingCorpusTest, AppleMailFollowUpThreadsByInReplyTo)
{
    const auto question = deliver(QStringLiteral("apple-1-question.eml"));
    const auto followUp = deliver(QStringLiteral("apple-2-reply.eml"));
    EXPECT_EQ(followUp.conversationId, question.conversationId);
    EXPECT_EQ(followUp.threadReason, QStringLiteral("threaded by In-Reply-To"));
    EXPECT_EQ(storedReason(followUp), QStringLiteral("threaded by In-Reply-To"));
}

TEST_F(ThreadingCorpusTest, ClientWithoutReferencesThreadsBySubjectAndCustomerOnly)
{
    const auto question = deliver(QStringLiteral("noref-1-question.eml"));
    const auto reply = deliver(QStringLiteral("noref-2-reply.eml"));
    EXPECT_EQ(reply.conversationId, question.conversationId);
    EXPECT_EQ(reply.threadReason, QStringLiteral("threaded by subject and customer"));
    EXPECT_EQ(storedReason(reply), QStringLiteral("threaded by subject and customer"));

    // Someone else using the same subject is a different customer: a conversation of their own.
    const auto stranger = deliver(QStringLiteral("stranger-same-subject.eml"));
    EXPECT_TRUE(stranger.newConversation);
    EXPECT_NE(stranger.conversationId, question.conversationId);
    EXPECT_TRUE(storedReason(stranger).isEmpty());

    // Three months later the same customer answers the old mail about something new: not the old conversation.
    const auto late = deliver(QStringLiteral("noref-3-months-later.eml"));
    EXPECT_TRUE(late.newConversation);
    EXPECT_NE(late.conversationId, question.conversationId);
    EXPECT_TRUE(late.threadReason.isEmpty());
}

TEST_F(ThreadingCorpusTest, JapaneseReplyPrefixesThreadBySubject)
{
    const auto question = deliver(QStringLiteral("jp-1-question.eml"));
    for (const QString &name : { QStringLiteral("jp-2-re-fullwidth.eml"), QStringLiteral("jp-3-henshin.eml") }) {
        const auto reply = deliver(name);
        EXPECT_EQ(reply.conversationId, question.conversationId) << name.toStdString();
        EXPECT_EQ(reply.threadReason, QStringLiteral("threaded by subject and customer")) << name.toStdString();
    }
}

TEST_F(ThreadingCorpusTest, NewSubjectNamingTheOrderThreadsByOrderNumber)
{
    const auto question = deliver(QStringLiteral("order-1-question.eml"));
    const auto change = deliver(QStringLiteral("order-2-new-subject.eml"));
    EXPECT_EQ(change.conversationId, question.conversationId);
    EXPECT_EQ(change.threadReason, QStringLiteral("threaded by order number"));
    EXPECT_EQ(storedReason(change), QStringLiteral("threaded by order number"));
}

} // namespace
