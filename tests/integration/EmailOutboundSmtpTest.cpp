// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Replies leave through the outbox to a real SMTP server (aiosmtpd): threaded to the customer's message,
// retried after a temporary refusal, failed with the server's words after a permanent one, and sent exactly
// once when the process stopped between queueing and sending.
#include "SmtpServer.h"
#include "TestWorkspace.h"
#include "channels/SslTransportFactory.h"
#include "channels/email/MimeParser.h"
#include "engine/ChatChannel.h"
#include "engine/ChatInbound.h"
#include "engine/ConversationActions.h"
#include "engine/EmailOutbound.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::SmtpServer;
using waybill::testing::waitUntil;

namespace {

class EmailOutboundSmtpTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QString whyNot;
        if (SmtpServer::python(&whyNot).isEmpty()) {
            GTEST_SKIP() << whyNot.toStdString();
        }
        server = std::make_unique<SmtpServer>();
        ASSERT_TRUE(server->start()) << server->errorString().toStdString();
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [this] { return now; });
        account.id = QStringLiteral("email:support@shop.example");
        account.name = QStringLiteral("Support");
        account.address = QStringLiteral("support@shop.example");
        account.displayName = QStringLiteral("Shop Support");
        account.smtpUrl = QStringLiteral("smtp+plain://127.0.0.1:") + QString::number(server->port());
        account.username = SmtpServer::userName();
        account.signature = QStringLiteral("Mia at the Shop");
        agentId = storage::AgentRepository(ws.db()).insertAgent(
            { 0, QStringLiteral("Mia Chen"), QStringLiteral("mia@shop.example"), 0 });

        domain::IncomingMessage question;
        question.account = account.id;
        question.externalId = QStringLiteral("q@customer.example");
        question.messageId = QStringLiteral("q@customer.example");
        question.subject = QStringLiteral("Where is order #1042?");
        question.fromAddress = QStringLiteral("ava@customer.example");
        question.fromName = QStringLiteral("Ava Hughes");
        question.bodyText = QStringLiteral("It has not arrived.");
        question.sentAt = now - 600;
        conversationId = ingest->ingest(question).conversationId;
    }

    qint64 reply(const QString &text)
    {
        engine::ConversationActions actions(ws.db(), sla, agentId, [this] { return now; });
        const auto c = storage::ConversationRepository(ws.db()).find(conversationId);
        return actions.reply(conversationId, c->version, text);
    }

    std::unique_ptr<engine::EmailOutbound> outbound()
    {
        auto sender = std::make_unique<engine::EmailOutbound>(
            ws.db(), transports, account, SmtpServer::password(), [this] { return now; });
        EXPECT_TRUE(sender->start(50));
        return sender;
    }

    domain::Message message(qint64 id) { return *storage::MessageRepository(ws.db()).find(id); }

    waybill::testing::TestWorkspace ws { waybill::testing::TestWorkspace::Kind::OnDisk };
    QTemporaryDir dir;
    engine::SlaClock sla;
    channels::SslTransportFactory transports;
    std::unique_ptr<SmtpServer> server;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
    domain::EmailAccount account;
    qint64 agentId = 0;
    qint64 conversationId = 0;
    qint64 now = 1795000000;
};

TEST_F(EmailOutboundSmtpTest, ReplyIsSentThreadedAndTheCustomersAnswerFindsIt)
{
    const qint64 id = reply(QStringLiteral("It is with UPS and arrives tomorrow."));
    EXPECT_EQ(message(id).delivery, domain::Message::Delivery::Queued);
    auto sender = outbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == domain::Message::Delivery::Sent; }, 10000))
        << message(id).error.toStdString() << server->log().toStdString();
    const auto received = server->received();
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received.first().recipients, QStringList { QStringLiteral("ava@customer.example") });
    const auto parsed = channels::email::MimeParser::parse(received.first().content);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.message->subject, QStringLiteral("Re: Where is order #1042?"));
    EXPECT_EQ(parsed.message->inReplyTo, QStringLiteral("q@customer.example"));
    EXPECT_TRUE(parsed.message->messageId.endsWith(QStringLiteral("@shop.example")))
        << parsed.message->messageId.toStdString();
    EXPECT_TRUE(parsed.message->bodyText.contains(QStringLiteral("arrives tomorrow")));
    EXPECT_TRUE(parsed.message->bodyText.contains(QStringLiteral("It has not arrived."))); // the quote
    EXPECT_TRUE(parsed.message->bodyText.contains(QStringLiteral("Mia at the Shop"))); // the signature

    // The customer answers our message: it joins the conversation.
    domain::IncomingMessage answer;
    answer.account = account.id;
    answer.externalId = QStringLiteral("a@customer.example");
    answer.messageId = QStringLiteral("a@customer.example");
    answer.inReplyTo = parsed.message->messageId;
    answer.subject = QStringLiteral("Thanks");
    answer.fromAddress = QStringLiteral("someone-else@customer.example");
    answer.bodyText = QStringLiteral("Great, thanks");
    const auto result = ingest->ingest(answer);
    EXPECT_EQ(storage::OutboxRepository(ws.db()).forMessage(id)->emailMessageId, parsed.message->messageId);
    EXPECT_EQ(result.conversationId, conversationId);
    EXPECT_EQ(result.threadReason, QStringLiteral("threaded by In-Reply-To"));
}

TEST_F(EmailOutboundSmtpTest, AChatReplyToAVisitorWhoLeftGoesToTheAddressTheyGave)
{
    domain::ChatAccount chat;
    chat.id = QStringLiteral("chat:shop");
    chat.name = QStringLiteral("Shop");
    chat.listen = QStringLiteral("127.0.0.1:0");
    chat.fallbackEmailAccount = account.id;
    chat.fallbackAfterSeconds = 0;
    engine::ChatChannel channel(ws.db(), *ingest, chat, [this] { return now; });
    channels::chat::ChatIncoming visitor;
    visitor.account = chat.id;
    visitor.session = QStringLiteral("left-the-page-0001");
    visitor.clientId = QStringLiteral("m1");
    visitor.text = QStringLiteral("Please answer by e-mail, I have to go.");
    visitor.email = QStringLiteral("liam@customer.example");
    visitor.receivedAtMs = now * 1000;
    const engine::ChatInbound::Stored stored
        = engine::ChatInbound(ws.db(), *ingest, [this] { return now; }).store(visitor);
    conversationId = stored.conversationId;
    const qint64 id = reply(QStringLiteral("Your exchange is approved."));

    ASSERT_TRUE(channel.start(50));
    ASSERT_TRUE(waitUntil([&] { return storage::OutboxRepository(ws.db()).forMessage(id)->account == account.id; }));
    auto sender = outbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == domain::Message::Delivery::Sent; }, 10000))
        << message(id).error.toStdString() << server->log().toStdString();
    const auto received = server->received();
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received.first().recipients, QStringList { QStringLiteral("liam@customer.example") });
    const auto parsed = channels::email::MimeParser::parse(received.first().content);
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed.message->bodyText.contains(QStringLiteral("Your exchange is approved.")));
}

TEST_F(EmailOutboundSmtpTest, TemporaryRefusalIsRetriedLater)
{
    server->setRecipientReply(
        QStringLiteral("ava@customer.example"), QStringLiteral("451 4.3.0 Mailbox busy, try later"));
    const qint64 id = reply(QStringLiteral("Checking with the carrier."));
    auto sender = outbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).error.contains(QStringLiteral("Trying again")); }, 10000));
    EXPECT_EQ(message(id).delivery, domain::Message::Delivery::Queued);
    EXPECT_TRUE(message(id).error.contains(QStringLiteral("Mailbox busy")));
    const auto row = storage::OutboxRepository(ws.db()).forMessage(id);
    EXPECT_EQ(row->state, QStringLiteral("pending"));
    EXPECT_EQ(row->nextAttemptAt, now + engine::EmailOutbound::retryDelaySeconds(1));

    server->setRecipientReply(QStringLiteral("ava@customer.example"), QString());
    now += engine::EmailOutbound::retryDelaySeconds(1);
    sender->poke();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == domain::Message::Delivery::Sent; }, 10000));
    EXPECT_EQ(server->received().size(), 1);
    EXPECT_EQ(storage::OutboxRepository(ws.db()).forMessage(id)->attempts, 2);
}

TEST_F(EmailOutboundSmtpTest, PermanentRefusalFailsWithTheServersWords)
{
    server->setRecipientReply(QStringLiteral("ava@customer.example"), QStringLiteral("550 5.1.1 No such user here"));
    const qint64 id = reply(QStringLiteral("Hello"));
    auto sender = outbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == domain::Message::Delivery::Failed; }, 10000));
    EXPECT_TRUE(message(id).error.contains(QStringLiteral("No such user here"))) << message(id).error.toStdString();
    EXPECT_EQ(storage::OutboxRepository(ws.db()).forMessage(id)->state, QStringLiteral("failed"));
    EXPECT_TRUE(server->received().isEmpty());
}

TEST_F(EmailOutboundSmtpTest, StoppedBetweenQueueingAndSendingDeliversExactlyOnce)
{
    const qint64 id = reply(QStringLiteral("One copy only"));
    {
        // The engine stops before its first look at the outbox.
        engine::EmailOutbound stopped(ws.db(), transports, account, SmtpServer::password(), [this] { return now; });
    }
    EXPECT_EQ(message(id).delivery, domain::Message::Delivery::Queued);
    auto sender = outbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == domain::Message::Delivery::Sent; }, 10000));
    auto again = outbound(); // a second start finds nothing left to send
    ASSERT_TRUE(waitUntil([&] { return again->isIdle(); }, 2000));
    EXPECT_EQ(server->received().size(), 1);
}

} // namespace
