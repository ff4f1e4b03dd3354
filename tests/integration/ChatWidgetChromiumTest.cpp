// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The chat widget end to end in headless Chromium (driven through chromedriver): the desktop's engine runs on its
// own thread and hosts the gateway; the page and its socket go through a loopback relay that can drop them. A
// visitor's message reaches the desktop's inbox model, the agent's typing and reply appear in the page, and a
// dropped WebSocket (even one that took an acknowledgement with it) reconnects without losing or doubling a
// message.
#include "FakeCredentialStore.h"
#include "LoopbackProxy.h"
#include "TestWorkspace.h"
#include "WebDriverSession.h"
#include "engine/ConversationActions.h"
#include "engine/Engine.h"
#include "engine/EngineThread.h"
#include "engine/SlaClock.h"
#include "models/ConversationListModel.h"
#include "storage/AccountRepository.h"
#include "storage/AgentRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/SqlQuery.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonArray>
#include <QTcpServer>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::LoopbackProxy;
using waybill::testing::waitUntil;
using waybill::testing::WebDriverSession;

namespace {

const QString AccountId = QStringLiteral("chat:corner shop");

class ChatWidgetChromiumTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (const QString why = WebDriverSession::whyNot(); !why.isEmpty()) {
            GTEST_SKIP() << why.toStdString();
        }
        quint16 gatewayPort = 0;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            gatewayPort = probe.serverPort();
        }
        proxy = std::make_unique<LoopbackProxy>(gatewayPort);
        shopUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy->port());
        domain::ChatAccount account;
        account.id = AccountId;
        account.name = QStringLiteral("Corner Shop");
        account.allowedOrigins = { shopUrl };
        account.listen = QStringLiteral("127.0.0.1:%1").arg(gatewayPort);
        storage::AccountRepository(db()).saveChatAccount(account, 0);
        agent = storage::AgentRepository(db()).insertAgent(
            { 0, QStringLiteral("Ben Agent"), QStringLiteral("ben@shop.example"), 0, domain::AgentRole::Agent });

        // The desktop: the engine on its own thread, the inbox model on this one.
        engineThread = std::make_unique<engine::EngineThread>(
            workspace.directory(), std::make_unique<waybill::testing::FakeCredentialStore>());
        model = std::make_unique<models::ConversationListModel>(
            db(), sla, agent, [] { return QDateTime::currentSecsSinceEpoch(); });
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        model->setView(domain::InboxView::ofChannel(domain::Channel::Chat), domain::InboxSort::LastActivity);
        while (model->canFetchMore({})) {
            model->fetchMore({}); // as the inbox view does when it is shown
        }
        QObject::connect(engineThread->engine(), &engine::Engine::conversationsChanged, model.get(),
            [this](const QList<qint64> &ids) {
                for (const qint64 id : ids) {
                    model->showConversation(id);
                }
            });
        QObject::connect(engineThread->engine(), &engine::Engine::accountStatus, model.get(),
            [this](const QString &id, const QString &state, const QString &) {
                if (id == AccountId) {
                    chatState = state;
                }
            });
        engineThread->start();
        ASSERT_TRUE(waitUntil([&] { return chatState == QLatin1String("connected"); }, 10000))
            << chatState.toStdString();

        QString error;
        ASSERT_TRUE(browser.start(&error)) << error.toStdString();
    }

    storage::Database &db() { return workspace.db(); }

    QJsonValue page(const QString &script) { return browser.execute(script); }

    QStringList shownReplies()
    {
        QStringList texts;
        for (const QJsonValue &text :
            page(QStringLiteral("return Array.from(document.querySelectorAll('#waybill-chat-log .wb-agent'))"
                                ".map(function (e) { return e.textContent; });"))
                .toArray()) {
            texts.append(text.toString());
        }
        return texts;
    }

    void visitorWrites(const QString &text)
    {
        const QString input = browser.find(QStringLiteral("#waybill-chat-input"));
        ASSERT_FALSE(input.isEmpty()) << browser.lastError().toStdString();
        ASSERT_TRUE(browser.type(input, text)) << browser.lastError().toStdString();
        ASSERT_TRUE(browser.click(browser.find(QStringLiteral("#waybill-chat-send"))))
            << browser.lastError().toStdString();
    }

    void agentReplies(qint64 conversationId, const QString &text)
    {
        engine::ConversationActions actions(db(), sla, agent, [] { return QDateTime::currentSecsSinceEpoch(); });
        const auto conversation = storage::ConversationRepository(db()).find(conversationId);
        actions.reply(conversationId, conversation->version, text);
        QMetaObject::invokeMethod(engineThread->engine(), &engine::Engine::pokeOutbox, Qt::QueuedConnection);
    }

    qint64 storedCopies(const QString &text)
    {
        storage::SqlQuery q(
            db(), QStringLiteral("SELECT count(*) FROM messages WHERE body_text = ? AND direction = 'in'"));
        q.bind(text).exec();
        return q.next() ? q.int64(0) : -1;
    }

    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    engine::SlaClock sla;
    std::unique_ptr<LoopbackProxy> proxy;
    QString shopUrl;
    qint64 agent = 0;
    QString chatState;
    std::unique_ptr<models::ConversationListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    // Destroyed first: the browser quits before the engine stops.
    std::unique_ptr<engine::EngineThread> engineThread;
    WebDriverSession browser;
};

TEST_F(ChatWidgetChromiumTest, AVisitorsMessageReachesTheInboxAndTheAgentsReplyAppearsInThePage)
{
    ASSERT_TRUE(browser.navigate(shopUrl + QStringLiteral("/chat/"))) << browser.lastError().toStdString();
    ASSERT_TRUE(waitUntil([&] { return page(QStringLiteral("return WaybillChat.connected();")).toBool(); }, 15000));
    ASSERT_TRUE(browser.click(browser.find(QStringLiteral("#waybill-chat-open"))));
    ASSERT_TRUE(browser.type(browser.find(QStringLiteral("#waybill-chat-name")), QStringLiteral("Dana Lee")));
    ASSERT_TRUE(browser.type(browser.find(QStringLiteral("#waybill-chat-email")), QStringLiteral("dana@example.com")));
    visitorWrites(QStringLiteral("Hello, where is my parcel?"));

    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 1; }, 10000))
        << "stored: " << storedCopies(QStringLiteral("Hello, where is my parcel?"))
        << ", waiting in the page: " << page(QStringLiteral("return WaybillChat.pendingCount();")).toInt()
        << ", page says: "
        << page(QStringLiteral("return document.getElementById('waybill-chat-status').textContent;"))
               .toString()
               .toStdString();
    const domain::ConversationSummary &row = model->summaryAt(0);
    EXPECT_EQ(row.channel, domain::Channel::Chat);
    EXPECT_EQ(row.customerName, QStringLiteral("Dana Lee"));
    EXPECT_TRUE(waitUntil([&] { return page(QStringLiteral("return WaybillChat.pendingCount();")).toInt() == 0; }));

    QMetaObject::invokeMethod(
        engineThread->engine(), [engine = engineThread->engine(), id = row.id] { engine->setAgentTyping(id, true); },
        Qt::QueuedConnection);
    EXPECT_TRUE(waitUntil([&] { return page(QStringLiteral("return WaybillChat.agentTyping();")).toBool(); }));
    EXPECT_TRUE(page(QStringLiteral("return document.getElementById('waybill-chat-status').textContent;"))
                    .toString()
                    .contains(QStringLiteral("typing")));

    agentReplies(row.id, QStringLiteral("It left our warehouse this morning."));
    EXPECT_TRUE(waitUntil(
        [&] { return shownReplies() == QStringList { QStringLiteral("It left our warehouse this morning.") }; }, 10000))
        << shownReplies().join(u'|').toStdString();
}

TEST_F(ChatWidgetChromiumTest, ADroppedSocketReconnectsWithoutLosingOrDoublingAMessage)
{
    ASSERT_TRUE(browser.navigate(shopUrl + QStringLiteral("/chat/"))) << browser.lastError().toStdString();
    ASSERT_TRUE(waitUntil([&] { return page(QStringLiteral("return WaybillChat.connected();")).toBool(); }, 15000));
    ASSERT_TRUE(browser.click(browser.find(QStringLiteral("#waybill-chat-open"))));
    visitorWrites(QStringLiteral("First question"));
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 1; }, 10000));
    const qint64 conversation = model->summaryAt(0).id;

    // The network goes away; the next connection will lose the first acknowledgement it carries.
    proxy->dropAll();
    proxy->cutAfter(QByteArrayLiteral("\"type\":\"ack\""), 1, 0);
    visitorWrites(QStringLiteral("Second question, written while offline"));
    agentReplies(conversation, QStringLiteral("Answer written while you were away"));

    EXPECT_TRUE(waitUntil(
        [&] {
            return page(QStringLiteral("return WaybillChat.connected() && WaybillChat.pendingCount() === 0;")).toBool();
        },
        20000));
    EXPECT_EQ(proxy->cuts(), 1); // an acknowledgement was really lost, and the message sent again
    EXPECT_EQ(storedCopies(QStringLiteral("First question")), 1);
    EXPECT_EQ(storedCopies(QStringLiteral("Second question, written while offline")), 1);
    EXPECT_TRUE(waitUntil(
        [&] { return shownReplies() == QStringList { QStringLiteral("Answer written while you were away") }; }, 10000))
        << shownReplies().join(u'|').toStdString();
    EXPECT_EQ(model->rowCount(), 1);
}

} // namespace
