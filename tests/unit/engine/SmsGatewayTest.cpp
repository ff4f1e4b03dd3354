// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Incoming SMS through the gateway: stored once per MessageSid, the customer recognised by E.164 number across
// channels, STOP/START honoured by agent replies and recorded as the customer's consent, HELP answered with the
// account's help reply when it has one, and status reports moving replies forward only.
#include "TestWorkspace.h"
#include "channels/sms/TwilioSignature.h"
#include "engine/ConversationActions.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "engine/SmsGateway.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SmsOptOutRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using channels::sms::SmsKeyword;
using channels::sms::TwilioInboundSms;
using domain::Message;
using engine::SmsGateway;

namespace {

constexpr qint64 Now = 1795000000;
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString ShopNumber = QStringLiteral("+15017122661");
const QString AccountId = QStringLiteral("sms:+15017122661");

class SmsGatewayTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [] { return Now; });
        gateway = std::make_unique<SmsGateway>(ws.db(), *ingest, [this] { return now; });
        domain::TwilioAccount account;
        account.id = AccountId;
        account.accountSid = AccountSid;
        account.fromNumber = ShopNumber;
        gateway->addAccount(account, "auth-token");
    }

    TwilioInboundSms sms(const QString &sid, const QString &body, const QString &from = QStringLiteral("+14155552345"))
    {
        TwilioInboundSms message;
        message.messageSid = sid;
        message.accountSid = AccountSid;
        message.from = from;
        message.to = ShopNumber;
        message.body = body;
        return message;
    }

    engine::ConversationActions actions()
    {
        return engine::ConversationActions(ws.db(), sla, 0, [this] { return now; });
    }

    int version(qint64 conversationId)
    {
        return storage::ConversationRepository(ws.db()).find(conversationId)->version;
    }

    /// The MessageSid Twilio gave a reply, as the sending side records it.
    void recordSent(qint64 messageId, const QString &sid)
    {
        storage::SqlQuery q(
            ws.db(), QStringLiteral("UPDATE messages SET external_id = ?, delivery = 'sent' WHERE id = ?"));
        q.bind(SmsGateway::externalIdFor(AccountId, sid)).bind(messageId).exec();
    }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
    std::unique_ptr<SmsGateway> gateway;
    qint64 now = Now;
};

} // namespace

TEST_F(SmsGatewayTest, FindsTheAccountAndChecksSignatures)
{
    EXPECT_EQ(gateway->accountFor(AccountSid, ShopNumber)->id, AccountId);
    EXPECT_FALSE(gateway->accountFor(QStringLiteral("ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"), ShopNumber));
    const QString url = QStringLiteral("https://help.example.com/webhooks/twilio/sms");
    const channels::sms::TwilioSignature::Params params { { QStringLiteral("Body"), QStringLiteral("hi") } };
    const QByteArray signature = channels::sms::TwilioSignature::compute(url, params, "auth-token");
    EXPECT_TRUE(gateway->verify(AccountId, url, params, signature));
    EXPECT_FALSE(gateway->verify(AccountId, url, params, channels::sms::TwilioSignature::compute(url, params, "x")));
    EXPECT_FALSE(gateway->verify(QStringLiteral("sms:+10000000000"), url, params, signature));
}

TEST_F(SmsGatewayTest, StoresEachSmsOnceInOneConversationPerNumber)
{
    const SmsGateway::Received first
        = gateway->receive(sms(QStringLiteral("SM01"), QStringLiteral("Hi, order #1042?")), AccountId);
    EXPECT_FALSE(first.duplicate);
    EXPECT_NE(first.conversationId, 0);
    const SmsGateway::Received again
        = gateway->receive(sms(QStringLiteral("SM01"), QStringLiteral("Hi, order #1042?")), AccountId);
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.messageId, first.messageId);
    const SmsGateway::Received second
        = gateway->receive(sms(QStringLiteral("SM02"), QStringLiteral("Any news?")), AccountId);
    EXPECT_EQ(second.conversationId, first.conversationId);

    const auto conversation = storage::ConversationRepository(ws.db()).find(first.conversationId);
    EXPECT_EQ(conversation->channel, domain::Channel::Sms);
    const QList<Message> messages = storage::MessageRepository(ws.db()).forConversation(first.conversationId);
    ASSERT_EQ(messages.size(), 2);
    EXPECT_EQ(messages.at(0).bodyText, QStringLiteral("Hi, order #1042?"));
}

TEST_F(SmsGatewayTest, SharesTheCustomerWithTheirEmailIdentity)
{
    domain::Customer ava { 0, QStringLiteral("Ava Hughes"), QStringLiteral("Ava"), Now - 86400, {} };
    ava.identities.append({ 0, QStringLiteral("email"), QStringLiteral("ava@example.net") });
    ava.identities.append({ 0, QStringLiteral("phone"), QStringLiteral("+14155552345") });
    const qint64 avaId = storage::CustomerRepository(ws.db()).insert(ava);

    const SmsGateway::Received received
        = gateway->receive(sms(QStringLiteral("SM03"), QStringLiteral("It's Ava")), AccountId);
    EXPECT_EQ(storage::ConversationRepository(ws.db()).find(received.conversationId)->customerId, avaId);
}

TEST_F(SmsGatewayTest, StopRefusesRepliesUntilStart)
{
    const SmsGateway::Received hello
        = gateway->receive(sms(QStringLiteral("SM10"), QStringLiteral("Hello")), AccountId);
    const qint64 conversation = hello.conversationId;
    const qint64 replied = actions().reply(conversation, version(conversation), QStringLiteral("Hi! How can we help?"));
    EXPECT_TRUE(storage::OutboxRepository(ws.db()).forMessage(replied).has_value());

    now += 60;
    const SmsGateway::Received stop = gateway->receive(sms(QStringLiteral("SM11"), QStringLiteral("Stop")), AccountId);
    EXPECT_EQ(stop.keyword, SmsKeyword::OptOut);
    EXPECT_EQ(stop.conversationId, conversation);
    ASSERT_TRUE(storage::SmsOptOutRepository(ws.db()).find(AccountId, QStringLiteral("+14155552345")));
    try {
        actions().reply(conversation, version(conversation), QStringLiteral("One more thing…"));
        FAIL() << "a reply to a number that texted STOP was queued";
    } catch (const storage::StorageError &error) {
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("+14155552345 texted \"Stop\"")))
            << error.userMessage().toStdString();
        EXPECT_TRUE(error.userMessage().contains(QStringLiteral("START")));
    }
    EXPECT_EQ(storage::MessageRepository(ws.db()).forConversation(conversation).size(), 3); // nothing was written

    // Another customer on the same number is not affected.
    const SmsGateway::Received other = gateway->receive(
        sms(QStringLiteral("SM12"), QStringLiteral("Hi"), QStringLiteral("+14155550000")), AccountId);
    EXPECT_NO_THROW(actions().reply(other.conversationId, version(other.conversationId), QStringLiteral("Hello!")));

    const SmsGateway::Received start
        = gateway->receive(sms(QStringLiteral("SM13"), QStringLiteral("START")), AccountId);
    EXPECT_EQ(start.keyword, SmsKeyword::OptIn);
    EXPECT_FALSE(storage::SmsOptOutRepository(ws.db()).find(AccountId, QStringLiteral("+14155552345")));
    EXPECT_NO_THROW(actions().reply(conversation, version(conversation), QStringLiteral("Welcome back")));
}

TEST_F(SmsGatewayTest, StopAndStartAreTheCustomersConsentWithAnAuditEntry)
{
    const SmsGateway::Received hello
        = gateway->receive(sms(QStringLiteral("SM20"), QStringLiteral("Hello")), AccountId);
    const qint64 customerId = storage::ConversationRepository(ws.db()).find(hello.conversationId)->customerId;
    storage::CustomerRepository(ws.db()).setContactPreferences(customerId, true, QStringLiteral("sms"));
    const auto audits = [this](qint64 conversationId) {
        storage::SqlQuery q(ws.db(),
            QStringLiteral("SELECT detail FROM audit_log WHERE conversation_id = ? AND action = "
                           "'customer_sms_consent' ORDER BY id"));
        q.bind(conversationId).exec();
        QStringList details;
        while (q.next()) {
            details << q.text(0);
        }
        return details;
    };

    gateway->receive(sms(QStringLiteral("SM21"), QStringLiteral("STOP")), AccountId);
    EXPECT_FALSE(storage::CustomerRepository(ws.db()).find(customerId)->smsConsent);
    EXPECT_EQ(storage::CustomerRepository(ws.db()).find(customerId)->preferredChannel, QStringLiteral("sms"));
    gateway->receive(sms(QStringLiteral("SM21"), QStringLiteral("STOP")), AccountId); // Twilio retried the webhook
    ASSERT_EQ(audits(hello.conversationId).size(), 1);
    EXPECT_TRUE(audits(hello.conversationId).at(0).contains(QStringLiteral("opted out of SMS")))
        << audits(hello.conversationId).at(0).toStdString();

    gateway->receive(sms(QStringLiteral("SM22"), QStringLiteral("start")), AccountId);
    EXPECT_TRUE(storage::CustomerRepository(ws.db()).find(customerId)->smsConsent);
    ASSERT_EQ(audits(hello.conversationId).size(), 2);
    EXPECT_TRUE(audits(hello.conversationId).at(1).contains(QStringLiteral("opted back in")));
}

TEST_F(SmsGatewayTest, HelpIsAnsweredWithTheAccountsHelpReplyOnlyWhenItHasOne)
{
    // Without a help reply Twilio's own opt-out handling answers HELP: nothing is queued, so no second answer.
    const SmsGateway::Received unanswered
        = gateway->receive(sms(QStringLiteral("SM30"), QStringLiteral("HELP")), AccountId);
    EXPECT_EQ(unanswered.keyword, SmsKeyword::Help);
    EXPECT_FALSE(unanswered.replyQueued);
    EXPECT_EQ(storage::OutboxRepository(ws.db()).pendingCount(), 0);

    domain::TwilioAccount account = *gateway->accountFor(AccountSid, ShopNumber);
    account.helpReply
        = QStringLiteral("Harbor Tea support: reply here or write to help@shop.example. STOP to opt out.");
    gateway = std::make_unique<SmsGateway>(ws.db(), *ingest, [this] { return now; });
    gateway->addAccount(account, "auth-token");
    const SmsGateway::Received help = gateway->receive(sms(QStringLiteral("SM31"), QStringLiteral("info")), AccountId);
    EXPECT_TRUE(help.replyQueued);
    const QList<Message> messages = storage::MessageRepository(ws.db()).forConversation(help.conversationId);
    ASSERT_EQ(messages.size(), 3);
    EXPECT_EQ(messages.last().direction, Message::Direction::Outbound);
    EXPECT_EQ(messages.last().bodyText, account.helpReply);
    EXPECT_EQ(messages.last().delivery, Message::Delivery::Queued);
    const auto queued = storage::OutboxRepository(ws.db()).forMessage(messages.last().id);
    ASSERT_TRUE(queued.has_value());
    EXPECT_EQ(queued->account, AccountId);

    EXPECT_FALSE(gateway->receive(sms(QStringLiteral("SM31"), QStringLiteral("info")), AccountId).replyQueued)
        << "a retried webhook is answered once";
    gateway->receive(sms(QStringLiteral("SM32"), QStringLiteral("STOP")), AccountId);
    EXPECT_FALSE(gateway->receive(sms(QStringLiteral("SM33"), QStringLiteral("HELP")), AccountId).replyQueued)
        << "nothing is sent to a number that opted out";
}

TEST_F(SmsGatewayTest, StatusReportsMoveRepliesForwardOnly)
{
    const SmsGateway::Received hello
        = gateway->receive(sms(QStringLiteral("SM20"), QStringLiteral("Hello")), AccountId);
    const qint64 conversation = hello.conversationId;
    const qint64 reply = actions().reply(conversation, version(conversation), QStringLiteral("On its way"));
    recordSent(reply, QStringLiteral("SMreply1"));
    const storage::MessageRepository messages(ws.db());

    channels::sms::TwilioStatusUpdate update { QStringLiteral("SMreply1"), AccountSid, QStringLiteral("delivered"), 0 };
    EXPECT_EQ(gateway->applyStatus(update, AccountId), conversation);
    EXPECT_EQ(messages.find(reply)->delivery, Message::Delivery::Delivered);
    update.status = QStringLiteral("sent"); // a late report
    gateway->applyStatus(update, AccountId);
    EXPECT_EQ(messages.find(reply)->delivery, Message::Delivery::Delivered);

    const qint64 second = actions().reply(conversation, version(conversation), QStringLiteral("Tracking: 1Z…"));
    recordSent(second, QStringLiteral("SMreply2"));
    update = { QStringLiteral("SMreply2"), AccountSid, QStringLiteral("undelivered"), 30003 };
    gateway->applyStatus(update, AccountId);
    const auto failed = messages.find(second);
    EXPECT_EQ(failed->delivery, Message::Delivery::Failed);
    EXPECT_TRUE(failed->error.startsWith(QStringLiteral("Twilio error 30003: "))) << failed->error.toStdString();

    update.messageSid = QStringLiteral("SMnotours");
    EXPECT_EQ(gateway->applyStatus(update, AccountId), 0);
}
