// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Agents' availability for live chat across the engines of one workspace: an agent's desktop engine keeps the
// agent's row in the workspace, and the engine hosting the chat gateway (serve, or a desktop) tells its connected
// WebSocket visitors whether someone answers live as that changes: turned on, turned off, quit, expired after a
// crash, and never while the chat is closed (serve --chat-offline). Re-reads are made fast through the engine's
// presence timing; every wait is on a condition.
#include "ChatTestClient.h"
#include "FakeCredentialStore.h"
#include "TestWorkspace.h"
#include "engine/ChatChannel.h"
#include "engine/ChatPresence.h"
#include "engine/Engine.h"
#include "storage/AccountRepository.h"
#include "storage/AgentPresenceRepository.h"
#include "storage/AgentRepository.h"

#include <QDateTime>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;
using engine::Engine;
using storage::AgentPresenceRepository;
using waybill::testing::ChatTestClient;
using waybill::testing::waitUntil;

namespace {

const QString Origin = QStringLiteral("https://shop.example");
const QString AccountId = QStringLiteral("chat:good shop");

/// Fast enough for a test: the gateway's engine reads the workspace every 50 ms.
engine::ChatPresence::Timing fastTiming()
{
    engine::ChatPresence::Timing timing;
    timing.readMs = 50;
    return timing;
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

class ChatPresenceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        domain::ChatAccount account;
        account.id = AccountId;
        account.name = QStringLiteral("Good Shop");
        account.allowedOrigins = { Origin };
        account.listen = QStringLiteral("127.0.0.1:0");
        storage::AccountRepository(db()).saveChatAccount(account, 0);
        const storage::AgentRepository agents(db());
        ann = agents.insertAgent(
            { 0, QStringLiteral("Ann Agent"), QStringLiteral("ann@shop.example"), 0, domain::AgentRole::Agent });
        bob = agents.insertAgent(
            { 0, QStringLiteral("Bob Agent"), QStringLiteral("bob@shop.example"), 0, domain::AgentRole::Agent });
    }

    void TearDown() override
    {
        for (Engine *engine : { desk.get(), host.get() }) {
            if (engine) {
                engine->stop();
            }
        }
    }

    std::unique_ptr<Engine> makeEngine()
    {
        auto engine = std::make_unique<Engine>(
            workspace.directory(), std::make_unique<waybill::testing::FakeCredentialStore>());
        engine->setChatPresenceTiming(fastTiming());
        return engine;
    }

    /// The engine of `waybillctl serve`: hosts the gateway, no agent of its own; closed with --chat-offline.
    void startServe(bool chatOffline = false)
    {
        host = makeEngine();
        host->setHostChat(true);
        host->setAgentsOnline(false);
        host->setChatClosed(chatOffline);
        host->start();
        ASSERT_NE(host->chatChannel(AccountId), nullptr);
        port = host->chatChannel(AccountId)->port();
        ASSERT_NE(port, 0);
    }

    /// A desktop on the same workspace whose agent is available (its engine hosts no gateway here, as when serve
    /// hosts it).
    void startDesk(qint64 agentId)
    {
        desk = makeEngine();
        desk->setConnectionName(QStringLiteral("desk")); // another process in real life
        desk->setChatAgent(agentId);
        desk->start();
    }

    bool availableInWorkspace(qint64 agentId)
    {
        const auto rows = AgentPresenceRepository(db()).available(AgentPresenceRepository::chat(), now());
        return std::any_of(rows.cbegin(), rows.cend(), [agentId](const auto &row) { return row.agentId == agentId; });
    }

    /// The visitor's last word on presence: the last presence frame, else the welcome.
    static bool toldOnline(const ChatTestClient &visitor)
    {
        const QList<QJsonObject> presence = visitor.framesOf(QStringLiteral("presence"));
        const QJsonObject last
            = presence.isEmpty() ? visitor.framesOf(QStringLiteral("welcome")).value(0) : presence.constLast();
        return last.value(QStringLiteral("agentsOnline")).toBool();
    }

    storage::Database &db() { return workspace.db(); }

    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    std::unique_ptr<Engine> host;
    std::unique_ptr<Engine> desk;
    quint16 port = 0;
    qint64 ann = 0;
    qint64 bob = 0;
};

TEST_F(ChatPresenceTest, ServeWithNoAgentAvailableTellsVisitorsNoOneAnswersLive)
{
    startServe();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, QStringLiteral("presence-visitor-0001")));
    EXPECT_FALSE(visitor.framesOf(QStringLiteral("welcome")).at(0).value(QStringLiteral("agentsOnline")).toBool(true));
    EXPECT_FALSE(host->chatPresence()->online());
}

TEST_F(ChatPresenceTest, AnAgentsAvailabilityFromAnotherEngineReachesTheVisitorAndEndsWithIt)
{
    startServe();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, QStringLiteral("presence-visitor-0002")));
    ASSERT_FALSE(toldOnline(visitor));

    startDesk(ann); // the agent's desktop opens, available for live chat
    EXPECT_TRUE(availableInWorkspace(ann));
    ASSERT_TRUE(waitUntil([&] { return toldOnline(visitor); })) << "the visitor never heard someone answers live";
    ChatTestClient later(Origin);
    ASSERT_TRUE(later.join(port, QStringLiteral("presence-visitor-0003")));
    EXPECT_TRUE(later.framesOf(QStringLiteral("welcome")).at(0).value(QStringLiteral("agentsOnline")).toBool());

    desk->setAgentsOnline(false); // File ▸ Available for live chat unchecked
    EXPECT_FALSE(availableInWorkspace(ann));
    ASSERT_TRUE(waitUntil([&] { return !toldOnline(visitor); }));

    desk->setAgentsOnline(true);
    ASSERT_TRUE(waitUntil([&] { return toldOnline(visitor); }));

    desk->stop(); // the desktop quits cleanly
    EXPECT_FALSE(availableInWorkspace(ann));
    ASSERT_TRUE(waitUntil([&] { return !toldOnline(visitor); }));
    EXPECT_FALSE(toldOnline(later));
}

TEST_F(ChatPresenceTest, ADesktopThatCrashedStopsCountingWhenItsAvailabilityExpires)
{
    startServe();
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, QStringLiteral("presence-visitor-0004")));
    // What a crashed desktop leaves behind: its last renewal, never removed, holding a second or two more.
    AgentPresenceRepository(db()).renew(ann, AgentPresenceRepository::chat(), now() + 2, now());
    ASSERT_TRUE(waitUntil([&] { return toldOnline(visitor); }));
    ASSERT_TRUE(waitUntil([&] { return !toldOnline(visitor); }, 5000)) << "the expired availability still counts";
    EXPECT_EQ(visitor.framesOf(QStringLiteral("presence")).size(), 2);
}

TEST_F(ChatPresenceTest, AClosedChatStaysOfflineWhoeverIsAvailable)
{
    startServe(true);
    startDesk(ann);
    ASSERT_TRUE(availableInWorkspace(ann));
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port, QStringLiteral("presence-visitor-0005")));
    EXPECT_FALSE(visitor.framesOf(QStringLiteral("welcome")).at(0).value(QStringLiteral("agentsOnline")).toBool(true));

    // The gateway's engine reads the agent's availability again and again, and still says no one answers live.
    QSignalSpy reads(host->chatPresence(), &engine::ChatPresence::othersRead);
    ASSERT_TRUE(waitUntil([&] { return reads.size() >= 3; }));
    EXPECT_TRUE(reads.constLast().at(0).toBool());
    EXPECT_FALSE(host->chatPresence()->online());
    EXPECT_TRUE(visitor.framesOf(QStringLiteral("presence")).isEmpty());
    EXPECT_FALSE(toldOnline(visitor));
}

TEST_F(ChatPresenceTest, ADesktopHostingTheChatCountsItsOwnAgentAtOnceAndTheOthersAsTheyCome)
{
    // A row of Ann's from a desktop that crashed earlier: her desktop opens with availability off and removes it.
    AgentPresenceRepository(db()).renew(ann, AgentPresenceRepository::chat(), now() + 90, now());
    host = makeEngine();
    host->setHostChat(true);
    host->setChatAgent(ann);
    host->setAgentsOnline(false);
    host->start();
    ASSERT_NE(host->chatChannel(AccountId), nullptr);
    EXPECT_FALSE(availableInWorkspace(ann));
    ChatTestClient visitor(Origin);
    ASSERT_TRUE(visitor.join(port = host->chatChannel(AccountId)->port(), QStringLiteral("presence-visitor-0006")));
    EXPECT_FALSE(toldOnline(visitor));

    host->setAgentsOnline(true); // her own switch needs no read
    EXPECT_TRUE(host->chatPresence()->online());
    EXPECT_TRUE(availableInWorkspace(ann));
    ASSERT_TRUE(waitUntil([&] { return toldOnline(visitor); }));
    host->setAgentsOnline(false);
    ASSERT_TRUE(waitUntil([&] { return !toldOnline(visitor); }));

    startDesk(bob); // a colleague's desktop on the same workspace
    ASSERT_TRUE(waitUntil([&] { return toldOnline(visitor); }));
    desk->setAgentsOnline(false);
    ASSERT_TRUE(waitUntil([&] { return !toldOnline(visitor); }));
}

} // namespace
