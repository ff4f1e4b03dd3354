// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SmsOutbound against ReplayHttpServer answering at Twilio's real Messages path with Twilio's recorded Message
// resource: replies leave form-encoded with Basic auth, 429 and 5xx are retried, Twilio's refusals are explained,
// and a number that texted STOP is never sent to.
#include "QtPrinters.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "engine/ConversationActions.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "engine/SmsGateway.h"
#include "engine/SmsOutbound.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace waybill;
using domain::Message;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Now = 1795000000;
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString AccountId = QStringLiteral("sms:+15017122661");
const QString MessagesPath = QStringLiteral("/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json");
const QString Created = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/twilio-oai/extracted-examples/"
                          "twilio_api_v2010_2010_04_01_Accounts_AccountSid_Messages_json_post_201_create.json");

class SmsOutboundTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [] { return Now; });
        gateway = std::make_unique<engine::SmsGateway>(ws.db(), *ingest, [this] { return now; });
        account.id = AccountId;
        account.accountSid = AccountSid;
        account.fromNumber = QStringLiteral("+15017122661");
        account.baseUrl = server.baseUrl().toString();
        gateway->addAccount(account, "auth-token");
        channels::sms::TwilioInboundSms sms;
        sms.messageSid = QStringLiteral("SM00000000000000000000000000000001");
        sms.accountSid = AccountSid;
        sms.from = QStringLiteral("+14155552345");
        sms.to = account.fromNumber;
        sms.body = QStringLiteral("Where is my order?");
        conversation = gateway->receive(sms, AccountId).conversationId;
    }

    qint64 reply(const QString &text)
    {
        engine::ConversationActions actions(ws.db(), sla, 0, [this] { return now; });
        return actions.reply(conversation, storage::ConversationRepository(ws.db()).find(conversation)->version, text);
    }

    void startOutbound()
    {
        outbound = std::make_unique<engine::SmsOutbound>(
            ws.db(), network, account, QStringLiteral("auth-token"), [this] { return now; });
        outbound->start(50);
    }

    Message message(qint64 id) { return *storage::MessageRepository(ws.db()).find(id); }

    static ReplayHttpServer::Answer created()
    {
        ReplayHttpServer::Answer answer = ReplayHttpServer::file(Created);
        answer.status = 201;
        return answer;
    }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
    std::unique_ptr<engine::SmsGateway> gateway;
    ReplayHttpServer server;
    QNetworkAccessManager network;
    domain::TwilioAccount account;
    std::unique_ptr<engine::SmsOutbound> outbound;
    qint64 conversation = 0;
    qint64 now = Now;
};

} // namespace

TEST_F(SmsOutboundTest, SendsFormEncodedWithBasicAuthAndFollowsStatusReports)
{
    server.route("POST", MessagesPath, created());
    const qint64 id = reply(QStringLiteral("It left today: tracking 1Z999 ✓"));
    startOutbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == Message::Delivery::Sent; }))
        << message(id).error.toStdString();

    const QList<ReplayHttpServer::Request> requests = server.requestsFor(MessagesPath);
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.at(0).headers.value("authorization"),
        QByteArray("Basic " + QByteArray("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:auth-token").toBase64()));
    EXPECT_EQ(requests.at(0).headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
    QByteArray form = requests.at(0).body;
    const QUrlQuery fields(QString::fromUtf8(form.replace('+', "%20")));
    EXPECT_EQ(fields.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded), QStringLiteral("+14155552345"));
    EXPECT_EQ(fields.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded), QStringLiteral("+15017122661"));
    EXPECT_EQ(fields.queryItemValue(QStringLiteral("Body"), QUrl::FullyDecoded),
        QStringLiteral("It left today: tracking 1Z999 ✓"));
    EXPECT_EQ(storage::OutboxRepository(ws.db()).forMessage(id)->state, QStringLiteral("done"));

    // The recorded resource's MessageSid is the reply's: Twilio's status reports find it.
    channels::sms::TwilioStatusUpdate delivered { QStringLiteral("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), AccountSid,
        QStringLiteral("delivered"), 0 };
    EXPECT_EQ(gateway->applyStatus(delivered, AccountId), conversation);
    EXPECT_EQ(message(id).delivery, Message::Delivery::Delivered);
}

TEST_F(SmsOutboundTest, RetriesTooManyRequestsAndServerErrors)
{
    server.route("POST", MessagesPath, ReplayHttpServer::tooManyRequests("1"));
    server.route("POST", MessagesPath, ReplayHttpServer::status(503, "{\"code\": 20500, \"status\": 503}"));
    server.route("POST", MessagesPath, created());
    const qint64 id = reply(QStringLiteral("On its way"));
    startOutbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == Message::Delivery::Sent; }, 15000))
        << message(id).error.toStdString();
    EXPECT_EQ(server.requestsFor(MessagesPath).size(), 3);
}

TEST_F(SmsOutboundTest, TwilioRefusalsAreExplainedAndNotRetried)
{
    // Twilio's API error body (code, message, more_info, status), as its error reference documents it.
    server.route("POST", MessagesPath,
        ReplayHttpServer::json(
            "{\"code\": 21211, \"message\": \"The 'To' number +14155552345 is not a valid phone "
            "number.\", \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}",
            400));
    const qint64 id = reply(QStringLiteral("Hello"));
    startOutbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == Message::Delivery::Failed; }));
    EXPECT_TRUE(message(id).error.startsWith(QStringLiteral("Twilio error 21211: ")))
        << message(id).error.toStdString();
    EXPECT_EQ(storage::OutboxRepository(ws.db()).forMessage(id)->state, QStringLiteral("failed"));
    EXPECT_EQ(server.requestsFor(MessagesPath).size(), 1);
}

TEST_F(SmsOutboundTest, ANumberThatTextedStopIsNeverSentTo)
{
    server.route("POST", MessagesPath, created());
    const qint64 id = reply(QStringLiteral("Your refund is done"));
    // The customer texts STOP before the engine gets to the reply.
    channels::sms::TwilioInboundSms stop;
    stop.messageSid = QStringLiteral("SM00000000000000000000000000000002");
    stop.accountSid = AccountSid;
    stop.from = QStringLiteral("+14155552345");
    stop.to = account.fromNumber;
    stop.body = QStringLiteral("STOP");
    gateway->receive(stop, AccountId);
    startOutbound();
    ASSERT_TRUE(waitUntil([&] { return message(id).delivery == Message::Delivery::Failed; }));
    EXPECT_TRUE(message(id).error.contains(QStringLiteral("opted out of SMS"))) << message(id).error.toStdString();
    EXPECT_TRUE(server.requestsFor(MessagesPath).isEmpty());
}

TEST_F(SmsOutboundTest, RefusedCredentialsMakeTheChannelFailNamingTheAccount)
{
    server.route("POST", MessagesPath,
        ReplayHttpServer::json("{\"code\": 20003, \"message\": \"Authenticate\", \"more_info\": "
                               "\"https://www.twilio.com/docs/errors/20003\", \"status\": 401}",
            401));
    const qint64 id = reply(QStringLiteral("Hello"));
    startOutbound();
    EXPECT_TRUE(outbound->health().isConnected());
    EXPECT_EQ(outbound->capabilities().maxLength, 1600);
    EXPECT_FALSE(outbound->capabilities().richText);
    ASSERT_TRUE(waitUntil([&] { return !outbound->health().isConnected(); }));
    const QString reason = outbound->health().reason;
    EXPECT_TRUE(reason.contains(QStringLiteral("+15017122661")) && reason.contains(AccountSid)) << reason.toStdString();
    // The reply waits for working credentials instead of failing.
    EXPECT_EQ(storage::OutboxRepository(ws.db()).forMessage(id)->state, QStringLiteral("pending"));
    EXPECT_EQ(message(id).delivery, Message::Delivery::Queued);
}
