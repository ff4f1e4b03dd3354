// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl account add chat` and `waybillctl serve` hosting the chat: the account's options are checked with a
// reason, the account is listed, and a real `serve` process answers a visitor's WebSocket on the account's address
// (saying no one answers live with --chat-offline, even while an agent is available) and keeps the message after
// SIGTERM; without --chat-offline it says someone answers live only while an agent's availability in the workspace
// has not ended.
#include "ChatTestClient.h"
#include "CtlRun.h"
#include "TestWorkspace.h"
#include "storage/AgentPresenceRepository.h"
#include "storage/AgentRepository.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QDateTime>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using waybill::testing::ChatTestClient;
using waybill::testing::CtlRun;
using waybill::testing::waitUntil;

const QString Ctl = QStringLiteral(WAYBILLCTL_PATH);

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// The visitor's last word on presence: the last presence frame, else the welcome.
bool toldOnline(const ChatTestClient &visitor)
{
    const QList<QJsonObject> presence = visitor.framesOf(QStringLiteral("presence"));
    const QJsonObject last
        = presence.isEmpty() ? visitor.framesOf(QStringLiteral("welcome")).value(0) : presence.constLast();
    return last.value(QStringLiteral("agentsOnline")).toBool();
}

class WaybillctlChatTest : public ::testing::Test {
protected:
    CtlRun ctl(QStringList arguments)
    {
        arguments << QStringLiteral("--workspace") << workspace.path();
        return CtlRun::of(Ctl, arguments);
    }

    /// Adds the chat account on `chatPort` (which creates the workspace).
    void addChat(quint16 chatPort)
    {
        const CtlRun added
            = ctl({ QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("chat"), QStringLiteral("--name"),
                QStringLiteral("Corner Shop"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(chatPort),
                QStringLiteral("--origin"), QStringLiteral("https://shop.example") });
        ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    }

    /// What an agent's desktop writes while the agent is available for live chat (or removes when not).
    void setAvailable(bool available)
    {
        const auto database = waybill::storage::Workspace(workspace.path()).openDatabase(QStringLiteral("desktop"));
        const waybill::storage::AgentRepository agents(*database);
        qint64 agent = 0;
        if (const auto known = agents.findByEmail(QStringLiteral("ann@shop.example"))) {
            agent = known->id;
        } else {
            agent = agents.insertAgent({ 0, QStringLiteral("Ann Agent"), QStringLiteral("ann@shop.example"), 0,
                waybill::domain::AgentRole::Agent });
        }
        const waybill::storage::AgentPresenceRepository presence(*database);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (available) {
            presence.renew(agent, waybill::storage::AgentPresenceRepository::chat(), now + 90, now);
        } else {
            presence.remove(agent, waybill::storage::AgentPresenceRepository::chat());
        }
    }

    /// Starts `serve` with `extra` arguments and waits until it listens.
    void startServe(QProcess &serve, const QStringList &extra = {})
    {
        serve.setProgram(Ctl);
        serve.setArguments(QStringList { QStringLiteral("serve"), QStringLiteral("--workspace"), workspace.path(),
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(freePort()) }
            + extra);
        serve.start();
        ASSERT_TRUE(serve.waitForStarted(10000));
        QByteArray out;
        ASSERT_TRUE(waitUntil(
            [&] {
                out += serve.readAllStandardOutput();
                return out.contains("Listening on");
            },
            20000))
            << serve.readAllStandardError().constData();
    }

    QTemporaryDir workspace;
};

TEST_F(WaybillctlChatTest, AddingAChatChecksItsOptionsAndListsIt)
{
    const quint16 port = freePort();
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(port);
    const CtlRun noOrigin = ctl({ QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("chat"),
        QStringLiteral("--name"), QStringLiteral("Corner Shop"), QStringLiteral("--listen"), listen });
    EXPECT_EQ(noOrigin.exitCode, 2);
    EXPECT_TRUE(noOrigin.err.contains(QStringLiteral("--origin"))) << noOrigin.err.toStdString();
    const CtlRun pathOrigin = ctl({ QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("chat"),
        QStringLiteral("--name"), QStringLiteral("Corner Shop"), QStringLiteral("--listen"), listen,
        QStringLiteral("--origin"), QStringLiteral("https://shop.example/products") });
    EXPECT_EQ(pathOrigin.exitCode, 2);
    EXPECT_TRUE(pathOrigin.err.contains(QStringLiteral("not an origin"))) << pathOrigin.err.toStdString();
    const CtlRun badListen = ctl({ QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("chat"),
        QStringLiteral("--name"), QStringLiteral("Corner Shop"), QStringLiteral("--listen"), QStringLiteral("nowhere"),
        QStringLiteral("--origin"), QStringLiteral("https://shop.example") });
    EXPECT_EQ(badListen.exitCode, 2);
    EXPECT_TRUE(badListen.err.contains(QStringLiteral("--listen"))) << badListen.err.toStdString();
    const CtlRun unknownEmail = ctl({ QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("chat"),
        QStringLiteral("--name"), QStringLiteral("Corner Shop"), QStringLiteral("--listen"), listen,
        QStringLiteral("--origin"), QStringLiteral("https://shop.example"), QStringLiteral("--email-account"),
        QStringLiteral("email:nobody@shop.example") });
    EXPECT_EQ(unknownEmail.exitCode, 2);
    EXPECT_TRUE(unknownEmail.err.contains(QStringLiteral("not an e-mail account"))) << unknownEmail.err.toStdString();

    const CtlRun added = ctl({ QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("chat"),
        QStringLiteral("--name"), QStringLiteral("Corner Shop"), QStringLiteral("--listen"), listen,
        QStringLiteral("--origin"), QStringLiteral("https://shop.example,https://www.shop.example"),
        QStringLiteral("--public-url"), QStringLiteral("https://chat.shop.example") });
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_TRUE(added.out.contains(QStringLiteral("https://chat.shop.example/chat/widget.js")))
        << added.out.toStdString();
    const CtlRun list = ctl({ QStringLiteral("account"), QStringLiteral("list") });
    EXPECT_TRUE(list.out.contains(QStringLiteral("chat:corner shop  Corner Shop  chat on ") + listen))
        << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("https://shop.example,https://www.shop.example")));
}

TEST_F(WaybillctlChatTest, ServeHostsTheChatAndKeepsAVisitorsMessage)
{
    const quint16 chatPort = freePort();
    addChat(chatPort);
    setAvailable(true); // an agent's desktop says available: --chat-offline still closes the chat

    QProcess serve;
    startServe(serve, { QStringLiteral("--chat-offline") });

    ChatTestClient visitor(QStringLiteral("https://shop.example"));
    ASSERT_TRUE(visitor.join(chatPort, QStringLiteral("serve-visitor-0001")));
    // --chat-offline: the widget tells the visitor that replies come later.
    EXPECT_FALSE(visitor.framesOf(QStringLiteral("welcome")).at(0).value(QStringLiteral("agentsOnline")).toBool(true));
    visitor.say(QStringLiteral("m1"), QStringLiteral("Do you ship to Canada?"));
    ASSERT_FALSE(visitor.waitFor(QStringLiteral("ack"), QStringLiteral("m1")).isEmpty());

    serve.terminate();
    ASSERT_TRUE(serve.waitForFinished(20000));
    EXPECT_EQ(serve.exitCode(), 0) << serve.readAllStandardError().constData();
    const auto database = waybill::storage::Workspace(workspace.path()).openDatabase(QStringLiteral("check"));
    waybill::storage::SqlQuery q(*database, QStringLiteral("SELECT count(*) FROM messages WHERE body_text = ?"));
    q.bind(QStringLiteral("Do you ship to Canada?")).exec();
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.int64(0), 1);
}

TEST_F(WaybillctlChatTest, ServeSaysSomeoneAnswersLiveOnlyWhileAnAgentIsAvailable)
{
    const quint16 chatPort = freePort();
    addChat(chatPort);
    QProcess serve;
    startServe(serve);

    ChatTestClient visitor(QStringLiteral("https://shop.example"));
    ASSERT_TRUE(visitor.join(chatPort, QStringLiteral("serve-visitor-0002")));
    // No desktop is available: replies come later, by e-mail when the visitor gives an address.
    EXPECT_FALSE(visitor.framesOf(QStringLiteral("welcome")).at(0).value(QStringLiteral("agentsOnline")).toBool(true));

    setAvailable(true); // serve reads the workspace every 5 s
    ASSERT_TRUE(waitUntil([&] { return toldOnline(visitor); }, 15000)) << serve.readAllStandardError().constData();
    setAvailable(false);
    ASSERT_TRUE(waitUntil([&] { return !toldOnline(visitor); }, 15000)) << serve.readAllStandardError().constData();

    serve.terminate();
    ASSERT_TRUE(serve.waitForFinished(20000));
    EXPECT_EQ(serve.exitCode(), 0) << serve.readAllStandardError().constData();
}

} // namespace
