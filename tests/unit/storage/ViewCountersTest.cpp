// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The live view counters kept by triggers agree with a recount after thousands of random changes, and with a plain
// count(*) of each view's own query.
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "domain/WorkflowStates.h"
#include "engine/ConversationActions.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/InboxQuery.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"
#include "storage/ViewCounterRepository.h"

#include <gtest/gtest.h>
#include <random>

using namespace waybill;
using domain::ConversationStatus;
using domain::InboxView;
using storage::SqlQuery;

namespace {

constexpr qint64 Now = 1772000000;

QList<qint64> column(const storage::Database &db, const QString &sql)
{
    SqlQuery q(db, sql);
    q.exec();
    QList<qint64> values;
    while (q.next()) {
        values << q.int64(0);
    }
    return values;
}

std::string describe(const QHash<QString, qint64> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        parts << it.key() + u'=' + QString::number(it.value());
    }
    parts.sort();
    return parts.join(QStringLiteral(", ")).toStdString();
}

class ViewCountersTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        demo::DemoGenerator(db(), { 600, 5, Now, {} }).run();
        for (const auto &agent : storage::AgentRepository(db()).agents()) {
            agents << agent.id;
            teams << agent.teamId;
        }
        orders = column(db(), QStringLiteral("SELECT id FROM orders"));
        ASSERT_FALSE(agents.isEmpty());
        ASSERT_FALSE(orders.isEmpty());
    }

    const storage::Database &db() { return workspace.db(); }

    void expectCountersMatchRecount(qint64 now)
    {
        const storage::ViewCounterRepository counters(db());
        const engine::SlaClock sla;
        QList<qint64> who = agents;
        who << 0 << 999999;
        for (const qint64 agentId : who) {
            const auto live = counters.counts(agentId, sla.riskHorizon(now));
            const auto fresh = counters.recount(agentId, sla.riskHorizon(now));
            EXPECT_EQ(live, fresh) << "agent " << agentId << "\n live:    " << describe(live)
                                   << "\n recount: " << describe(fresh);
        }
        EXPECT_TRUE(column(db(), QStringLiteral("SELECT n FROM view_counters WHERE n < 0")).isEmpty());
    }

    waybill::testing::TestWorkspace workspace;
    QList<qint64> agents;
    QList<qint64> teams;
    QList<qint64> orders;
};

} // namespace

TEST_F(ViewCountersTest, DemoDataStartsConsistent)
{
    expectCountersMatchRecount(Now);
}

TEST_F(ViewCountersTest, CountersMatchRecountAfterThousandsOfRandomChanges)
{
    std::mt19937 random(20260301);
    auto below = [&](int n) { return int(random() % unsigned(n)); };
    qint64 now = Now;
    const engine::SlaClock sla;
    engine::ConversationActions actions(db(), sla, agents.first(), [&now] { return now; });
    const storage::ConversationRepository conversations(db());
    const QStringList returnStates = domain::ReturnState::keys();
    const QStringList claimStates = domain::ClaimState::keys();
    QList<qint64> ids = column(db(), QStringLiteral("SELECT id FROM conversations"));

    int conflicts = 0;
    for (int step = 0; step < 5000; ++step) {
        now += below(600);
        const qint64 id = ids.at(below(int(ids.size())));
        const auto current = conversations.find(id);
        ASSERT_TRUE(current.has_value());
        // Now and then act on an out-of-date version, as a second agent would.
        const int version = below(50) == 0 ? current->version - 1 : current->version;
        try {
            switch (below(12)) {
            case 0:
            case 1: {
                const int who = below(int(agents.size()) + 1);
                actions.assign(id, version, who < agents.size() ? agents.at(who) : 0,
                    who < agents.size() ? teams.at(who) : (below(2) ? teams.first() : 0));
                break;
            }
            case 2:
            case 3: {
                const auto status = domain::AllConversationStatuses[below(4)];
                actions.setStatus(id, version, status, now + 60 + below(3 * 24 * 3600));
                break;
            }
            case 4:
                actions.linkOrder(id, version, below(5) == 0 ? 0 : orders.at(below(int(orders.size()))),
                    QStringLiteral("picked by hand"));
                break;
            case 5:
                actions.reply(id, version, QStringLiteral("Thanks, we are on it."));
                break;
            case 6: {
                domain::ConversationSummary fresh;
                fresh.channel = domain::AllChannels[below(5)];
                fresh.status = domain::AllConversationStatuses[below(4)];
                fresh.snoozedUntil = fresh.status == ConversationStatus::Snoozed ? now + below(7200) : 0;
                fresh.assigneeId = below(2) ? agents.at(below(int(agents.size()))) : 0;
                fresh.deliveryProblem = below(3) == 0;
                fresh.returnState = below(3) == 0 ? returnStates.at(below(int(returnStates.size()))) : QString();
                fresh.claimState = below(4) == 0 ? claimStates.at(below(int(claimStates.size()))) : QString();
                fresh.createdAt = now;
                fresh.lastActivity = now;
                fresh.marketDueAt = below(2) ? sla.marketDeadline(domain::Channel::Amazon, now) : 0;
                fresh.slaDueAt = below(2) ? sla.slaDeadline(now) : 0;
                storage::TransactionGuard transaction(db());
                ids << conversations.insert(fresh);
                transaction.commit();
                break;
            }
            case 7: {
                storage::TransactionGuard transaction(db());
                conversations.refreshOrderSnapshot(id, now);
                transaction.commit();
                break;
            }
            case 8:
                conversations.wakeSnoozed(now);
                break;
            case 9:
                conversations.recordActivity(id, now, QStringLiteral("customer wrote again"),
                    sla.marketDeadline(current->channel, now), sla.slaDeadline(now));
                break;
            case 10:
                actions.addTag(id, QStringLiteral("vip"));
                break;
            default:
                actions.markRead(id);
                break;
            }
        } catch (const storage::StorageError &error) {
            ASSERT_TRUE(error.kind() == storage::StorageError::Kind::Conflict
                || error.kind() == storage::StorageError::Kind::Invalid)
                << error.what();
            ++conflicts;
        }
        if (step % 1000 == 999) {
            expectCountersMatchRecount(now);
        }
    }
    EXPECT_GT(conflicts, 0);
    expectCountersMatchRecount(now);

    // rebuild() after a bulk change gives the same numbers.
    storage::ViewCounterRepository(db()).rebuild();
    expectCountersMatchRecount(now);
}

TEST_F(ViewCountersTest, CountsEqualACountOfEachViewsQuery)
{
    const engine::SlaClock sla;
    const qint64 horizon = sla.riskHorizon(Now);
    for (const qint64 agentId : { agents.first(), agents.last() }) {
        const auto counts = storage::ViewCounterRepository(db()).counts(agentId, horizon);
        ASSERT_EQ(counts.size(), InboxView::all().size());
        for (const InboxView &view : InboxView::all()) {
            const storage::InboxQuery query(view, domain::InboxSort::LastActivity, agentId, horizon);
            SqlQuery q(
                db(), QStringLiteral("SELECT count(*) FROM (") + query.sql(QStringLiteral("c.id"), false) + u')');
            for (const QVariant &value : query.bindings(nullptr, 1000000)) {
                q.bind(value);
            }
            q.exec();
            ASSERT_TRUE(q.next());
            EXPECT_EQ(counts.value(view.key(), -1), q.int64(0)) << view.key().toStdString();
        }
        // At least one view is non-trivial for this check to mean something.
        EXPECT_GT(counts.value(QStringLiteral("open")), 0);
        EXPECT_GT(counts.value(QStringLiteral("delivery_problems")), 0);
    }
}
