// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Agents' availability per channel: renewing inserts or moves the expiry, an expired row counts as gone, removing
// tells whether there was a row, and the look-up the chat gateways ask every few seconds uses the channel's index.
#include "TestWorkspace.h"
#include "storage/AgentPresenceRepository.h"
#include "storage/AgentRepository.h"
#include "storage/SqlQuery.h"

#include <gtest/gtest.h>

using namespace waybill;
using storage::AgentPresenceRepository;

namespace {

constexpr qint64 Now = 1772000000;

class AgentPresenceRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const storage::AgentRepository agents(db());
        ann = agents.insertAgent(
            { 0, QStringLiteral("Ann Agent"), QStringLiteral("ann@shop.example"), 0, domain::AgentRole::Agent });
        bob = agents.insertAgent(
            { 0, QStringLiteral("Bob Agent"), QStringLiteral("bob@shop.example"), 0, domain::AgentRole::Agent });
    }

    const storage::Database &db() { return workspace.db(); }
    AgentPresenceRepository presence() { return AgentPresenceRepository(db()); }

    waybill::testing::TestWorkspace workspace;
    qint64 ann = 0;
    qint64 bob = 0;
};

TEST_F(AgentPresenceRepositoryTest, NoRowMeansNoOneIsAvailable)
{
    EXPECT_FALSE(presence().anyAvailable(AgentPresenceRepository::chat(), Now));
    EXPECT_TRUE(presence().available(AgentPresenceRepository::chat(), Now).isEmpty());
}

TEST_F(AgentPresenceRepositoryTest, ARenewedRowHoldsUntilItExpires)
{
    presence().renew(ann, AgentPresenceRepository::chat(), Now + 90, Now);
    EXPECT_TRUE(presence().anyAvailable(AgentPresenceRepository::chat(), Now));
    EXPECT_TRUE(presence().anyAvailable(AgentPresenceRepository::chat(), Now + 89));
    EXPECT_FALSE(presence().anyAvailable(AgentPresenceRepository::chat(), Now + 90));
    EXPECT_FALSE(presence().anyAvailable(AgentPresenceRepository::chat(), Now + 1000));
    EXPECT_FALSE(presence().anyAvailable(QStringLiteral("sms"), Now)) << "another channel is not the chat";
}

TEST_F(AgentPresenceRepositoryTest, RenewingMovesTheExpiryOfTheOneRow)
{
    presence().renew(ann, AgentPresenceRepository::chat(), Now + 90, Now);
    presence().renew(ann, AgentPresenceRepository::chat(), Now + 120, Now + 30);
    const QList<storage::AgentPresence> rows = presence().available(AgentPresenceRepository::chat(), Now + 100);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.at(0).agentId, ann);
    EXPECT_EQ(rows.at(0).channel, AgentPresenceRepository::chat());
    EXPECT_EQ(rows.at(0).availableUntil, Now + 120);
    EXPECT_EQ(rows.at(0).updatedAt, Now + 30);
    storage::SqlQuery q(db(), QStringLiteral("SELECT count(*) FROM agent_presence"));
    q.exec();
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.int64(0), 1);
}

TEST_F(AgentPresenceRepositoryTest, RemovingEndsAvailabilityAtOnceAndSaysWhetherThereWasARow)
{
    presence().renew(ann, AgentPresenceRepository::chat(), Now + 90, Now);
    EXPECT_TRUE(presence().remove(ann, AgentPresenceRepository::chat()));
    EXPECT_FALSE(presence().anyAvailable(AgentPresenceRepository::chat(), Now));
    EXPECT_FALSE(presence().remove(ann, AgentPresenceRepository::chat()));
    EXPECT_FALSE(presence().remove(bob, AgentPresenceRepository::chat()));
}

TEST_F(AgentPresenceRepositoryTest, AnEngineAsksForOtherAgentsThanItsOwn)
{
    presence().renew(ann, AgentPresenceRepository::chat(), Now + 90, Now);
    EXPECT_FALSE(presence().anyAvailable(AgentPresenceRepository::chat(), Now, ann));
    EXPECT_TRUE(presence().anyAvailable(AgentPresenceRepository::chat(), Now, bob));
    presence().renew(bob, AgentPresenceRepository::chat(), Now + 60, Now);
    EXPECT_TRUE(presence().anyAvailable(AgentPresenceRepository::chat(), Now, ann));
    const QList<storage::AgentPresence> rows = presence().available(AgentPresenceRepository::chat(), Now);
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows.at(0).agentId, ann);
    EXPECT_EQ(rows.at(1).agentId, bob);
    EXPECT_EQ(presence().available(AgentPresenceRepository::chat(), Now + 60).size(), 1);
}

TEST_F(AgentPresenceRepositoryTest, ExpiredRowsAreSweptAndLiveOnesKept)
{
    presence().renew(ann, AgentPresenceRepository::chat(), Now + 90, Now);
    presence().renew(bob, AgentPresenceRepository::chat(), Now + 10, Now);
    EXPECT_EQ(presence().removeExpired(Now + 10), 1);
    const QList<storage::AgentPresence> rows = presence().available(AgentPresenceRepository::chat(), Now);
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows.at(0).agentId, ann);
}

TEST_F(AgentPresenceRepositoryTest, ARemovedAgentTakesTheirAvailabilityAlong)
{
    presence().renew(bob, AgentPresenceRepository::chat(), Now + 90, Now);
    storage::SqlQuery q(db(), QStringLiteral("DELETE FROM agents WHERE id = ?"));
    q.bind(bob).exec();
    EXPECT_FALSE(presence().anyAvailable(AgentPresenceRepository::chat(), Now));
}

TEST_F(AgentPresenceRepositoryTest, TheGatewaysLookUpUsesTheChannelIndex)
{
    storage::SqlQuery q(db(),
        QStringLiteral("EXPLAIN QUERY PLAN SELECT 1 FROM agent_presence WHERE channel = ? AND available_until > ? "
                       "AND agent_id <> ? LIMIT 1"));
    q.bind(AgentPresenceRepository::chat()).bind(Now).bind(ann).exec();
    QString plan;
    while (q.next()) {
        plan += q.text(3) + u'\n';
    }
    EXPECT_TRUE(plan.contains(QStringLiteral("agent_presence_channel"))) << plan.toStdString();
}

} // namespace
