// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The live chat end to end on loopback without a browser: real WebSocket clients speaking the widget's protocol to
// the gateway of an engine that stores into a workspace. Covers storing and acknowledging, resends after a
// reconnect, agent replies through the outbox (live, after a reconnect, by e-mail when the visitor left), typing
// and presence, and every refusal: wrong origin, oversized frames, bad JSON, too long texts and flooding.
#include "ChatTestClient.h"
#include "FakeCredentialStore.h"
#include "TestCertificateAuthority.h"
#include "TestWorkspace.h"
#include "channels/chat/ChatGateway.h"
#include "engine/ChatChannel.h"
#include "engine/ConversationActions.h"
#include "engine/Engine.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AccountRepository.h"
#include "storage/AgentRepository.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

using namespace waybill;
using engine::Engine;
using waybill::testing::ChatTestClient;
using waybill::testing::waitUntil;

namespace {

const QString Origin = QStringLiteral("https://shop.example");
const QString AccountId = QStringLiteral("chat:good shop");

QString sessionId(int n)
{
    return QStringLiteral("visitor-session-%1").arg(n, 6, 10, QLatin1Char('0'));
}

class ChatGatewayTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        domain::ChatAccount account;
        account.id = AccountId;
        account.name = QStringLiteral("Good Shop");
        account.allowedOrigins = { Origin, QStringLiteral("http://127.0.0.1:9") };
        account.listen = QStringLiteral("127.0.0.1:0");
        account.fallbackEmailAccount = QStringLiteral("email:support@shop.example");
        account.fallbackAfterSeconds = 3600;
        storage::AccountRepository(db()).saveChatAccount(account, 0);
        agent = storage::AgentRepository(db()).insertAgent(
            { 0, QStringLiteral("Ann Agent"), QStringLiteral("ann@shop.example"), 0, domain::AgentRole::Agent });
    }

    void startEngine()
    {
        engine = std::make_unique<Engine>(
            workspace.directory(), std::make_unique<waybill::testing::FakeCredentialStore>());
        engine->setHostChat(true);
        changed = std::make_unique<QSignalSpy>(engine.get(), &Engine::conversationsChanged);
        engine->start();
        ASSERT_NE(engine->chatChannel(AccountId), nullptr);
        port = engine->chatChannel(AccountId)->port();
        ASSERT_NE(port, 0);
    }

    void TearDown() override
    {
        if (engine) {
            engine->stop();
        }
    }

    qint64 count(const QString &sql, const QVariant &value = QVariant())
    {
        storage::SqlQuery q(db(), sql);
        if (value.isValid()) {
            q.bind(value);
        }
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    qint64 chatMessages()
    {
        return count(QStringLiteral("SELECT count(*) FROM messages WHERE account = ?"), AccountId);
    }

    qint64 conversationOf(const QString &session)
    {
        return count(QStringLiteral("SELECT conversation_id FROM chat_sessions WHERE session = ?"), session);
    }

    /// An agent's reply through the outbox, as the composer sends it.
    qint64 reply(qint64 conversationId, const QString &text)
    {
        const engine::SlaClock sla;
        engine::ConversationActions actions(db(), sla, agent, [] { return QDateTime::currentSecsSinceEpoch(); });
        const auto conversation = storage::ConversationRepository(db()).find(conversationId);
        const qint64 id = actions.reply(conversationId, conversation->version, text);
        engine->pokeOutbox();
        return id;
    }

    QString delivery(qint64 messageId)
    {
        storage::SqlQuery q(db(), QStringLiteral("SELECT delivery FROM messages WHERE id = ?"));
        q.bind(messageId).exec();
        return q.next() ? q.text(0) : QString();
    }

    storage::Database &db() { return workspace.db(); }

    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    std::unique_ptr<Engine> engine;
    std::unique_ptr<QSignalSpy> changed;
    quint16 port = 0;
    qint64 agent = 0;
};

TEST_F(ChatGatewayTest, StoresAVisitorsMessageAcknowledgesItAndAnnouncesTheConversation)
{
    startEngine();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, sessionId(1)));
    EXPECT_TRUE(visitor.framesOf(QStringLiteral("welcome")).at(0).value(QStringLiteral("agentsOnline")).toBool());
    visitor.say(QStringLiteral("m1"), QStringLiteral("Where is my parcel?"),
        { { QStringLiteral("name"), QStringLiteral("Alice Martin") } });
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    EXPECT_EQ(chatMessages(), 1);
    const qint64 conversation = conversationOf(sessionId(1));
    ASSERT_GT(conversation, 0);
    const auto summary = storage::ConversationRepository(db()).find(conversation);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->channel, domain::Channel::Chat);
    EXPECT_EQ(summary->customerName, QStringLiteral("Alice Martin"));
    ASSERT_TRUE(waitUntil([&] {
        for (const auto &args : std::as_const(*changed)) {
            if (args.at(0).value<QList<qint64>>().contains(conversation)) {
                return true;
            }
        }
        return false;
    }));

    visitor.say(QStringLiteral("m2"), QStringLiteral("It was due on Monday."));
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m2")).isEmpty());
    EXPECT_EQ(chatMessages(), 2);
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(DISTINCT conversation_id) FROM messages WHERE account = ?"), AccountId), 1);
}

TEST_F(ChatGatewayTest, AMessageSentAgainAfterAReconnectIsStoredOnce)
{
    startEngine();
    {
        ChatTestClient visitor(Origin);
        ASSERT_TRUE(visitor.join(port, sessionId(2)));
        visitor.say(QStringLiteral("m1"), QStringLiteral("Hello?"));
        ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
        visitor.abort(); // the acknowledgement was lost with the connection, as far as the widget knows
    }
    ChatTestClient again(Origin);
    ASSERT_TRUE(again.join(port, sessionId(2)));
    again.say(QStringLiteral("m1"), QStringLiteral("Hello?"));
    again.say(QStringLiteral("m2"), QStringLiteral("Anyone there?"));
    ASSERT_FALSE(again.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    ASSERT_FALSE(again.waitFor(QStringLiteral("ack"), QStringLiteral("m2")).isEmpty());
    EXPECT_EQ(chatMessages(), 2);
}

TEST_F(ChatGatewayTest, AnAgentsReplyReachesTheVisitorLiveAndIsDeliveredWhenShown)
{
    startEngine();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, sessionId(3)));
    visitor.say(QStringLiteral("m1"), QStringLiteral("Can I change my address?"));
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());

    engine->setAgentTyping(conversationOf(sessionId(3)), true);
    const QJsonObject typing = visitor.waitFor(QStringLiteral("typing"));
    ASSERT_FALSE(typing.isEmpty());
    EXPECT_TRUE(typing.value(QStringLiteral("on")).toBool());

    const qint64 replyId = reply(conversationOf(sessionId(3)), QStringLiteral("Yes, until it ships."));
    const QJsonObject shown = visitor.waitFor(QStringLiteral("reply"), replyId);
    ASSERT_FALSE(shown.isEmpty());
    EXPECT_EQ(shown.value(QStringLiteral("text")).toString(), QStringLiteral("Yes, until it ships."));
    EXPECT_EQ(shown.value(QStringLiteral("author")).toString(), QStringLiteral("Ann Agent"));
    ASSERT_TRUE(waitUntil([&] { return delivery(replyId) == QLatin1String("sent"); }));

    visitor.sendJson({ { QStringLiteral("type"), QStringLiteral("seen") }, { QStringLiteral("id"), replyId } });
    EXPECT_TRUE(waitUntil([&] { return delivery(replyId) == QLatin1String("delivered"); }));
}

TEST_F(ChatGatewayTest, RepliesWrittenWhileTheVisitorWasAwayArriveWhenTheWidgetComesBack)
{
    startEngine();
    auto visitor = std::make_unique<ChatTestClient>(Origin);
    ASSERT_TRUE(visitor->join(port, sessionId(4)));
    visitor->say(QStringLiteral("m1"), QStringLiteral("Is the blue one in stock?"));
    ASSERT_FALSE(visitor->waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    const qint64 first = reply(conversationOf(sessionId(4)), QStringLiteral("Let me look."));
    ASSERT_FALSE(visitor->waitFor(QStringLiteral("reply"), first).isEmpty());
    visitor->abort();
    ASSERT_TRUE(waitUntil([&] { return engine->chatChannel(AccountId)->connectionCount() == 0; }));

    const qint64 second = reply(conversationOf(sessionId(4)), QStringLiteral("Yes, two are left."));
    ASSERT_TRUE(waitUntil([&] { return engine->isIdle(); }));
    EXPECT_EQ(delivery(second), QStringLiteral("queued")); // waits for the visitor

    // The widget comes back having shown nothing (its page was reloaded before the first reply was saved).
    ChatTestClient back(Origin);
    ASSERT_TRUE(back.join(port, sessionId(4), 0));
    EXPECT_FALSE(back.waitFor(QStringLiteral("reply"), first).isEmpty());
    EXPECT_FALSE(back.waitFor(QStringLiteral("reply"), second).isEmpty());
    EXPECT_TRUE(waitUntil([&] { return delivery(second) == QLatin1String("sent"); }));
}

TEST_F(ChatGatewayTest, RepliesToAVisitorWhoLeftAndGaveAnAddressGoByEmail)
{
    {
        storage::SqlQuery q(db(),
            QStringLiteral(
                "UPDATE accounts SET config = json_set(config, '$.fallback_after_seconds', 0) WHERE id = ?"));
        q.bind(AccountId).exec();
    }
    startEngine();
    {
        ChatTestClient visitor(Origin);
        ASSERT_TRUE(visitor.join(port, sessionId(5)));
        visitor.say(QStringLiteral("m1"), QStringLiteral("Please write to me later."),
            { { QStringLiteral("email"), QStringLiteral("Bob@Example.com") } });
        ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
        visitor.close();
    }
    ASSERT_TRUE(waitUntil([&] { return engine->chatChannel(AccountId)->connectionCount() == 0; }));
    const qint64 replyId = reply(conversationOf(sessionId(5)), QStringLiteral("Your refund is on its way."));
    ASSERT_TRUE(waitUntil([&] {
        return count(QStringLiteral("SELECT count(*) FROM outbox WHERE message_id = ? AND channel = 'email' AND "
                                    "account = 'email:support@shop.example' AND state = 'pending'"),
                   replyId)
            == 1;
    }));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM identities i JOIN conversations c ON c.customer_id = "
                                   "i.customer_id WHERE c.id = ? AND i.kind = 'email' AND i.value = 'bob@example.com'"),
                  conversationOf(sessionId(5))),
        1);
}

TEST_F(ChatGatewayTest, VisitorsAreToldWhenNoAgentIsOnlineAndSeeTheVisitorTypingSignal)
{
    startEngine();
    QSignalSpy typing(engine.get(), &Engine::visitorTyping);
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, sessionId(6)));
    engine->setAgentsOnline(false);
    const QJsonObject presence = visitor.waitFor(QStringLiteral("presence"));
    ASSERT_FALSE(presence.isEmpty());
    EXPECT_FALSE(presence.value(QStringLiteral("agentsOnline")).toBool());
    ChatTestClient later(Origin);
    ASSERT_TRUE(later.join(port, sessionId(7)));
    EXPECT_FALSE(later.framesOf(QStringLiteral("welcome")).at(0).value(QStringLiteral("agentsOnline")).toBool());

    visitor.say(QStringLiteral("m1"), QStringLiteral("Hi"));
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    visitor.sendJson({ { QStringLiteral("type"), QStringLiteral("typing") }, { QStringLiteral("on"), true } });
    ASSERT_TRUE(waitUntil([&] { return !typing.isEmpty(); }));
    EXPECT_EQ(typing.at(0).at(0).toLongLong(), conversationOf(sessionId(6)));
    EXPECT_TRUE(typing.at(0).at(1).toBool());
}

TEST_F(ChatGatewayTest, APageFromAnotherOriginIsRefusedAtTheHandshake)
{
    startEngine();
    ChatTestClient stranger(QStringLiteral("https://evil.example"));
    EXPECT_FALSE(stranger.open(port));

    // What the browser gets: 403 instead of the upgrade.
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, port);
    ASSERT_TRUE(waitUntil([&] { return raw.state() == QAbstractSocket::ConnectedState; }));
    raw.write("GET /chat/socket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              "Origin: https://evil.example\r\n\r\n");
    QByteArray answer;
    ASSERT_TRUE(waitUntil([&] {
        answer += raw.readAll();
        return answer.contains("\r\n\r\n");
    }));
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 403")) << answer.constData();

    ChatTestClient shop(Origin);
    ASSERT_TRUE(shop.join(port, sessionId(8)));
    shop.say(QStringLiteral("m1"), QStringLiteral("Still works for the shop's pages"));
    EXPECT_FALSE(shop.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    EXPECT_EQ(chatMessages(), 1);
}

TEST_F(ChatGatewayTest, AnOversizedFrameClosesOnlyThatSocketAndLosesNothingElse)
{
    startEngine();
    ChatTestClient big(Origin);
    ChatTestClient other(Origin);
    ASSERT_TRUE(big.join(port, sessionId(9)));
    ASSERT_TRUE(other.join(port, sessionId(10)));
    big.say(QStringLiteral("m1"), QStringLiteral("First, a normal question."));
    ASSERT_FALSE(big.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());

    big.say(QStringLiteral("m2"), QString(100 * 1024, u'x'));
    ASSERT_TRUE(waitUntil([&] { return big.closed(); }));
    EXPECT_EQ(big.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);

    other.say(QStringLiteral("o1"), QStringLiteral("Meanwhile, another visitor."));
    EXPECT_FALSE(other.waitFor(QStringLiteral("ack"), QStringLiteral("o1")).isEmpty());
    EXPECT_EQ(chatMessages(), 2);
}

TEST_F(ChatGatewayTest, BadJsonAndTooLongTextsAreRefusedWithAReasonAndTheSocketStaysOpen)
{
    startEngine();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, sessionId(11)));
    visitor.sendRaw(QStringLiteral("{\"type\":\"message\",\"id\":\"m1\",\"text\":"));
    const QJsonObject badJson = visitor.waitFor(QStringLiteral("error"));
    EXPECT_EQ(badJson.value(QStringLiteral("code")).toString(), QStringLiteral("bad_json"));
    EXPECT_FALSE(badJson.value(QStringLiteral("message")).toString().isEmpty());

    visitor.say(QStringLiteral("m2"), QString(4001, u'y'));
    ASSERT_TRUE(waitUntil([&] { return visitor.framesOf(QStringLiteral("error")).size() == 2; }));
    EXPECT_EQ(visitor.framesOf(QStringLiteral("error")).at(1).value(QStringLiteral("code")).toString(),
        QStringLiteral("too_long"));
    EXPECT_EQ(visitor.framesOf(QStringLiteral("error")).at(1).value(QStringLiteral("id")).toString(),
        QStringLiteral("m2")); // the widget knows which message not to send again

    visitor.sendRaw(QStringLiteral("{\"type\":\"message\",\"id\":\"m3\",\"text\":{\"a\":{\"b\":1}}}"));
    ASSERT_TRUE(waitUntil([&] { return visitor.framesOf(QStringLiteral("error")).size() == 3; }));
    EXPECT_EQ(visitor.framesOf(QStringLiteral("error")).at(2).value(QStringLiteral("code")).toString(),
        QStringLiteral("bad_frame"));

    EXPECT_TRUE(visitor.isOpen());
    visitor.say(QStringLiteral("m4"), QStringLiteral("A normal message after all that."));
    EXPECT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m4")).isEmpty());
    EXPECT_EQ(chatMessages(), 1);
}

TEST_F(ChatGatewayTest, AFloodingVisitorIsSlowedDownWithoutLosingTheirMessagesOrAnyoneElses)
{
    startEngine();
    ChatTestClient flood(Origin);
    ChatTestClient calm(Origin);
    ASSERT_TRUE(flood.join(port, sessionId(12)));
    ASSERT_TRUE(calm.join(port, sessionId(13)));
    constexpr int Sent = 20;
    for (int i = 0; i < Sent; ++i) {
        flood.say(QStringLiteral("f%1").arg(i), QStringLiteral("Hello %1").arg(i));
    }
    ASSERT_TRUE(waitUntil([&] {
        return flood.framesOf(QStringLiteral("ack")).size() + flood.framesOf(QStringLiteral("error")).size() == Sent;
    }));
    const QList<QJsonObject> refusals = flood.framesOf(QStringLiteral("error"));
    // The burst of 10 passes (one more when the bucket refilled meanwhile on a slow machine).
    ASSERT_GE(refusals.size(), Sent - 11);
    ASSERT_LE(refusals.size(), Sent - 10);
    for (const QJsonObject &refusal : refusals) {
        EXPECT_EQ(refusal.value(QStringLiteral("code")).toString(), QStringLiteral("rate_limited"));
        EXPECT_GT(refusal.value(QStringLiteral("retryAfterMs")).toInteger(), 0);
    }
    calm.say(QStringLiteral("c1"), QStringLiteral("I am not in a hurry."));
    EXPECT_FALSE(calm.waitFor(QStringLiteral("ack"), QStringLiteral("c1")).isEmpty());

    // The widget sends each refused message again after the wait it was given: all of them are stored, once.
    for (const QJsonObject &refusal : refusals) {
        const QString id = refusal.value(QStringLiteral("id")).toString();
        for (int tries = 0; flood.waitFor(QStringLiteral("ack"), id, 10).isEmpty() && tries < 40; ++tries) {
            flood.say(id, QStringLiteral("Hello %1").arg(id.mid(1)));
            flood.waitFor(QStringLiteral("ack"), id, 600);
        }
    }
    EXPECT_EQ(flood.framesOf(QStringLiteral("ack")).size(), Sent);
    EXPECT_EQ(chatMessages(), Sent + 1);
}

TEST_F(ChatGatewayTest, AVisitorWhoKeepsFloodingIsDisconnected)
{
    startEngine();
    ChatTestClient flood(Origin);
    ASSERT_TRUE(flood.join(port, sessionId(14)));
    for (int i = 0; i < 60; ++i) {
        flood.say(QStringLiteral("f%1").arg(i), QStringLiteral("spam"));
    }
    ASSERT_TRUE(waitUntil([&] { return flood.closed(); }));
    EXPECT_EQ(flood.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    EXPECT_FALSE(flood.closeReason().isEmpty());
    EXPECT_GE(chatMessages(), 10); // the burst, stored and acknowledged before the refusals
    EXPECT_LE(chatMessages(), 11);
    EXPECT_EQ(chatMessages(), flood.framesOf(QStringLiteral("ack")).size());
}

TEST_F(ChatGatewayTest, ASocketFloodingWithOtherFramesIsDisconnectedToo)
{
    startEngine();
    QSignalSpy typing(engine.get(), &Engine::visitorTyping);
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, sessionId(18)));
    visitor.say(QStringLiteral("m1"), QStringLiteral("Hello"));
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    for (int i = 0; i < 300; ++i) {
        visitor.sendJson(
            { { QStringLiteral("type"), QStringLiteral("typing") }, { QStringLiteral("on"), i % 2 == 0 } });
    }
    ASSERT_TRUE(waitUntil([&] { return visitor.closed(); }));
    EXPECT_EQ(visitor.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    EXPECT_LT(typing.count(), 100); // most were dropped unread
    EXPECT_EQ(chatMessages(), 1);
}

TEST_F(ChatGatewayTest, OneAddressCannotOpenChatAfterChatToDodgeTheLimits)
{
    domain::ChatAccount account;
    account.id = AccountId;
    account.name = QStringLiteral("Good Shop");
    account.allowedOrigins = { Origin };
    account.listen = QStringLiteral("127.0.0.1:0");
    channels::chat::ChatGateway::Limits limits;
    limits.sessionBurst = 2;
    channels::chat::ChatGateway gateway(account, {}, limits);
    QString error;
    const quint16 gatewayPort = gateway.listen(&error);
    ASSERT_NE(gatewayPort, 0) << error.toStdString();
    std::vector<std::unique_ptr<ChatTestClient>> fromOne;
    for (int i = 0; i < 3; ++i) {
        fromOne.push_back(std::make_unique<ChatTestClient>(Origin));
        fromOne.back()->setForwardedFor(QStringLiteral("192.0.2.1, 203.0.113.7"));
    }
    ASSERT_TRUE(fromOne[0]->join(gatewayPort, sessionId(20)));
    ASSERT_TRUE(fromOne[1]->join(gatewayPort, sessionId(21)));
    EXPECT_FALSE(fromOne[2]->join(gatewayPort, sessionId(22)));
    ASSERT_TRUE(waitUntil([&] { return fromOne[2]->closed(); }));
    EXPECT_EQ(fromOne[2]->closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    EXPECT_FALSE(fromOne[2]->closeReason().isEmpty());

    ChatTestClient elsewhere(Origin);
    elsewhere.setForwardedFor(QStringLiteral("198.51.100.9"));
    EXPECT_TRUE(elsewhere.join(gatewayPort, sessionId(23)));
    ChatTestClient sameSessionAgain(Origin); // a second tab of an open chat opens nothing new
    sameSessionAgain.setForwardedFor(QStringLiteral("203.0.113.7"));
    EXPECT_TRUE(sameSessionAgain.join(gatewayPort, sessionId(20)));
}

TEST_F(ChatGatewayTest, AnAddressInUseFailsTheAccountWithAReasonThatNamesIt)
{
    QTcpServer taken;
    ASSERT_TRUE(taken.listen(QHostAddress::LocalHost, 0));
    {
        storage::SqlQuery q(
            db(), QStringLiteral("UPDATE accounts SET config = json_set(config, '$.listen', ?) WHERE id = ?"));
        q.bind(QStringLiteral("127.0.0.1:%1").arg(taken.serverPort())).bind(AccountId).exec();
    }
    engine = std::make_unique<Engine>(workspace.directory(), std::make_unique<waybill::testing::FakeCredentialStore>());
    engine->setHostChat(true);
    QSignalSpy status(engine.get(), &Engine::accountStatus);
    engine->start();
    EXPECT_EQ(engine->chatChannel(AccountId), nullptr);
    bool failed = false;
    for (const auto &args : std::as_const(status)) {
        if (args.at(0).toString() == AccountId && args.at(1).toString() == QLatin1String("failed")) {
            failed = true;
            EXPECT_TRUE(args.at(2).toString().contains(QStringLiteral("Good Shop")))
                << args.at(2).toString().toStdString();
            EXPECT_TRUE(args.at(2).toString().contains(QString::number(taken.serverPort())));
        }
    }
    EXPECT_TRUE(failed);
}

TEST_F(ChatGatewayTest, UpgradesBeyondTheConnectionLimitAreAnsweredBusy)
{
    domain::ChatAccount account;
    account.id = AccountId;
    account.name = QStringLiteral("Good Shop");
    account.allowedOrigins = { Origin };
    account.listen = QStringLiteral("127.0.0.1:0");
    channels::chat::ChatGateway::Limits limits;
    limits.maxConnections = 2;
    channels::chat::ChatGateway gateway(account, {}, limits);
    QString error;
    const quint16 gatewayPort = gateway.listen(&error);
    ASSERT_NE(gatewayPort, 0) << error.toStdString();
    QSignalSpy refused(&gateway, &channels::chat::ChatGateway::refused);
    ChatTestClient first(Origin);
    ChatTestClient second(Origin);
    ChatTestClient third(Origin);
    ASSERT_TRUE(first.open(gatewayPort));
    ASSERT_TRUE(second.open(gatewayPort));
    ASSERT_TRUE(waitUntil([&] { return gateway.connectionCount() == 2; }));
    EXPECT_FALSE(third.open(gatewayPort));
    ASSERT_FALSE(refused.isEmpty());
    EXPECT_EQ(refused.last().at(0).toString(), QStringLiteral("busy"));
    first.close();
    ASSERT_TRUE(waitUntil([&] { return gateway.connectionCount() == 1; }));
    EXPECT_TRUE(third.open(gatewayPort));
}

TEST_F(ChatGatewayTest, WithACertificateTheChatIsServedOverTlsOnly)
{
    if (const QString why = waybill::testing::TestCertificateAuthority::whyUnavailable(); !why.isEmpty()) {
        GTEST_SKIP() << why.toStdString();
    }
    waybill::testing::TestCertificateAuthority authority;
    ASSERT_TRUE(authority.create()) << authority.errorString().toStdString();
    domain::ChatAccount account;
    account.id = AccountId;
    account.name = QStringLiteral("Good Shop");
    account.allowedOrigins = { Origin };
    account.listen = QStringLiteral("127.0.0.1:0");
    account.certificateFile = authority.certificateFile();
    account.keyFile = authority.keyFile();
    QStringList stored;
    channels::chat::ChatGateway::Handlers handlers;
    handlers.store = [&](const channels::chat::ChatIncoming &incoming) {
        stored.append(incoming.text);
        return channels::chat::ChatStored::Stored;
    };
    channels::chat::ChatGateway gateway(account, handlers);
    QString error;
    const quint16 gatewayPort = gateway.listen(&error);
    ASSERT_NE(gatewayPort, 0) << error.toStdString();

    ChatTestClient secure(Origin);
    secure.useTls(authority.authorityFile(), authority.certificateFile());
    ASSERT_TRUE(secure.join(gatewayPort, sessionId(17))) << secure.problems().toStdString();
    secure.say(QStringLiteral("m1"), QStringLiteral("Over TLS"));
    EXPECT_FALSE(secure.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    EXPECT_EQ(stored, QStringList { QStringLiteral("Over TLS") });

    ChatTestClient plain(Origin);
    EXPECT_FALSE(plain.open(gatewayPort));

    account.keyFile = authority.certificateFile(); // no key in it
    channels::chat::ChatGateway broken(account, {});
    EXPECT_EQ(broken.listen(&error), 0);
    EXPECT_TRUE(error.contains(QStringLiteral("private key"))) << error.toStdString();
}

TEST_F(ChatGatewayTest, ServesTheWidgetAndNothingElse)
{
    startEngine();
    auto get = [&](const QByteArray &path) {
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, port);
        waitUntil([&] { return raw.state() == QAbstractSocket::ConnectedState; });
        raw.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        waitUntil([&] {
            answer += raw.readAll();
            return raw.state() == QAbstractSocket::UnconnectedState;
        });
        answer += raw.readAll();
        return answer;
    };
    const QByteArray widget = get("/chat/widget.js");
    EXPECT_TRUE(widget.startsWith("HTTP/1.1 200")) << widget.left(200).constData();
    EXPECT_TRUE(widget.contains("text/javascript"));
    EXPECT_TRUE(widget.contains("/chat/socket"));
    EXPECT_TRUE(get("/chat/").contains("widget.js"));
    EXPECT_TRUE(get("/etc/passwd").startsWith("HTTP/1.1 404"));
}

TEST_F(ChatGatewayTest, OneCustomerWritingByEmailSmsAndChatHasThreeIdentities)
{
    const storage::Workspace ws(workspace.directory());
    const storage::AttachmentStore attachments(ws.attachmentsDirectory());
    const engine::SlaClock sla;
    engine::Ingest ingest(db(), attachments, sla, [] { return QDateTime::currentSecsSinceEpoch(); });
    domain::IncomingMessage mail;
    mail.account = QStringLiteral("email:support@shop.example");
    mail.externalId = QStringLiteral("order-question@mail.example");
    mail.messageId = mail.externalId;
    mail.subject = QStringLiteral("Where is my order?");
    mail.fromAddress = QStringLiteral("carla@example.com");
    mail.fromName = QStringLiteral("Carla Diaz");
    mail.bodyText = QStringLiteral("It has not arrived.");
    ingest.ingest(mail);

    startEngine();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, sessionId(15)));
    visitor.say(QStringLiteral("m1"), QStringLiteral("I wrote to you by e-mail too."),
        { { QStringLiteral("email"), QStringLiteral("carla@example.com") },
            { QStringLiteral("phone"), QStringLiteral("(415) 555-0199") } });
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    engine->stop();
    engine.reset();

    domain::IncomingMessage sms;
    sms.account = QStringLiteral("sms:+15005550006");
    sms.externalId = QStringLiteral("SM0123456789abcdef0123456789abcdef");
    sms.channel = domain::Channel::Sms;
    sms.fromAddress = QStringLiteral("+14155550199");
    sms.subject = QStringLiteral("SMS from +14155550199");
    sms.bodyText = QStringLiteral("Any news?");
    ingest.ingest(sms);

    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM customers")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM identities")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(DISTINCT kind) FROM identities")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT count(DISTINCT customer_id) FROM conversations")), 1);
}

TEST_F(ChatGatewayTest, AVisitorWhoSaysWhoTheyAreAfterWritingJoinsTheCustomerTheyAre)
{
    const storage::Workspace ws(workspace.directory());
    const storage::AttachmentStore attachments(ws.attachmentsDirectory());
    const engine::SlaClock sla;
    engine::Ingest ingest(db(), attachments, sla, [] { return QDateTime::currentSecsSinceEpoch(); });
    domain::IncomingMessage mail;
    mail.account = QStringLiteral("email:support@shop.example");
    mail.externalId = QStringLiteral("earlier@mail.example");
    mail.messageId = mail.externalId;
    mail.subject = QStringLiteral("Exchange");
    mail.fromAddress = QStringLiteral("omar@example.com");
    mail.fromName = QStringLiteral("Omar Haddad");
    mail.bodyText = QStringLiteral("Can I exchange the size?");
    ASSERT_GT(ingest.ingest(mail).conversationId, 0);

    startEngine();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, sessionId(16)));
    visitor.say(QStringLiteral("m1"), QStringLiteral("Hi, quick question"));
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM customers")), 2); // not known yet

    visitor.say(QStringLiteral("m2"), QStringLiteral("It's Omar, I wrote to you by e-mail."),
        { { QStringLiteral("email"), QStringLiteral("omar@example.com") } });
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m2")).isEmpty());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM customers")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(DISTINCT customer_id) FROM conversations")), 1);
    const auto chat = storage::ConversationRepository(db()).find(conversationOf(sessionId(16)));
    ASSERT_TRUE(chat);
    EXPECT_EQ(chat->customerName, QStringLiteral("Omar Haddad"));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM identities")), 2); // e-mail and chat
    EXPECT_EQ(chatMessages(), 2);
}

} // namespace
