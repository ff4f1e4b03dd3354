// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Keyset paging of inbox views over a demo workspace: every row of a view exactly once and in order, compared with
// a plain SELECT of the same conditions, also while rows are added and changed between pages.
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "domain/ConversationSummary.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/InboxQuery.h"
#include "storage/SqlQuery.h"

#include <QHash>
#include <QSet>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using domain::InboxSort;
using domain::InboxView;
using storage::ConversationRepository;
using storage::InboxQuery;

namespace {

constexpr qint64 Now = 1772000000; // a Wednesday afternoon, UTC
constexpr int PageSize = 37;
constexpr int Conversations = 3000;

struct ViewCase {
    InboxView view;
    QString where; ///< the view's rows as written by hand, independent of InboxQuery
};

QList<ViewCase> viewCases(qint64 agentId, qint64 horizon)
{
    return {
        { { InboxView::Kind::AllOpen, {} }, QStringLiteral("status = 'open'") },
        { { InboxView::Kind::Closed, {} }, QStringLiteral("status = 'closed'") },
        { InboxView::ofChannel(domain::Channel::Email), QStringLiteral("channel = 'email' AND status = 'open'") },
        { { InboxView::Kind::DeliveryProblems, {} }, QStringLiteral("delivery_problem = 1 AND status <> 'closed'") },
        { { InboxView::Kind::Returns, {} }, QStringLiteral("return_active = 1") },
        { { InboxView::Kind::DeadlineAtRisk, {} },
            QStringLiteral("status = 'open' AND due_at < ") + QString::number(horizon) },
        { { InboxView::Kind::Mine, {} },
            QStringLiteral("status = 'open' AND assignee_id = ") + QString::number(agentId) },
    };
}

QList<qint64> expectedIds(const storage::Database &db, const QString &where, InboxSort sort)
{
    const QString order = sort == InboxSort::LastActivity ? QStringLiteral(" ORDER BY last_activity DESC, id DESC")
                                                          : QStringLiteral(" ORDER BY due_at ASC, id ASC");
    storage::SqlQuery q(db, QStringLiteral("SELECT id FROM conversations WHERE ") + where + order);
    q.exec();
    QList<qint64> ids;
    while (q.next()) {
        ids << q.int64(0);
    }
    return ids;
}

/// The sort key of a row as the view orders it.
qint64 sortKey(InboxSort sort, const domain::ConversationSummary &row)
{
    return storage::InboxQuery::cursorOf(sort, row.lastActivity, row.dueAt, row.id).sortKey;
}

/// True when `b` comes strictly after `a` in the view's order.
bool comesAfter(InboxSort sort, const domain::ConversationSummary &a, const domain::ConversationSummary &b)
{
    const qint64 ka = sortKey(sort, a);
    const qint64 kb = sortKey(sort, b);
    if (sort == InboxSort::LastActivity) {
        return kb < ka || (kb == ka && b.id < a.id);
    }
    return kb > ka || (kb == ka && b.id > a.id);
}

class KeysetPagingTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_workspace = std::make_unique<waybill::testing::TestWorkspace>();
        demo::DemoGenerator(s_workspace->db(), { Conversations, 42, Now, {} }).run();
        const auto agent
            = storage::AgentRepository(s_workspace->db()).findByEmail(demo::DemoGenerator::defaultAgentEmail());
        s_agentId = agent ? agent->id : 0;
    }
    static void TearDownTestSuite() { s_workspace.reset(); }

    static std::unique_ptr<waybill::testing::TestWorkspace> s_workspace;
    static qint64 s_agentId;
};

std::unique_ptr<waybill::testing::TestWorkspace> KeysetPagingTest::s_workspace;
qint64 KeysetPagingTest::s_agentId = 0;

} // namespace

TEST_F(KeysetPagingTest, EveryRowOfEveryViewExactlyOnceAndInOrder)
{
    const storage::Database &db = s_workspace->db();
    ASSERT_NE(s_agentId, 0);
    const qint64 horizon = engine::SlaClock().riskHorizon(Now);
    const ConversationRepository conversations(db);
    for (const ViewCase &viewCase : viewCases(s_agentId, horizon)) {
        for (const InboxSort sort : { InboxSort::LastActivity, InboxSort::Deadline }) {
            const InboxQuery query(viewCase.view, sort, s_agentId, horizon);
            const QList<qint64> expected = expectedIds(db, viewCase.where, query.sort());
            SCOPED_TRACE(viewCase.view.key().toStdString() + (sort == InboxSort::Deadline ? " by deadline" : ""));
            ASSERT_GT(expected.size(), PageSize) << "the demo data should fill more than one page of this view";

            QList<qint64> seen;
            std::optional<storage::PageCursor> cursor;
            for (int pages = 0; pages <= expected.size() / PageSize + 1; ++pages) {
                const auto rows = conversations.page(query, cursor ? &*cursor : nullptr, PageSize);
                ASSERT_LE(rows.size(), PageSize);
                for (const auto &row : rows) {
                    seen << row.id;
                }
                if (rows.size() < PageSize) {
                    break;
                }
                const auto &last = rows.constLast();
                cursor = InboxQuery::cursorOf(query.sort(), last.lastActivity, last.dueAt, last.id);
            }
            EXPECT_EQ(seen, expected);
        }
    }
}

TEST_F(KeysetPagingTest, AtRiskViewIsAlwaysOrderedByDeadline)
{
    const InboxQuery query({ InboxView::Kind::DeadlineAtRisk, {} }, InboxSort::LastActivity, s_agentId, Now);
    EXPECT_EQ(query.sort(), InboxSort::Deadline);
    const auto rows = ConversationRepository(s_workspace->db()).page(query, nullptr, 500);
    ASSERT_FALSE(rows.isEmpty());
    for (qsizetype i = 1; i < rows.size(); ++i) {
        EXPECT_TRUE(comesAfter(InboxSort::Deadline, rows.at(i - 1), rows.at(i)));
        EXPECT_LT(rows.at(i).dueAt, Now);
    }
}

/// Pages through "All open" while, between pages, new conversations arrive on top and rows already shown get new
/// activity or are closed. Rows nobody touched must each appear exactly once; no row may appear twice.
class KeysetPagingWhileChangingTest : public ::testing::TestWithParam<InboxSort> { };

TEST_P(KeysetPagingWhileChangingTest, UntouchedRowsExactlyOnceNoneTwice)
{
    const InboxSort sort = GetParam();
    waybill::testing::TestWorkspace workspace;
    const storage::Database &db = workspace.db();
    demo::DemoGenerator(db, { Conversations, 7, Now, {} }).run();
    const ConversationRepository conversations(db);
    const InboxQuery query({ InboxView::Kind::AllOpen, {} }, sort, 0, Now);
    const QList<qint64> initial = expectedIds(db, QStringLiteral("status = 'open'"), sort);
    ASSERT_GT(initial.size(), 5 * PageSize);

    QSet<qint64> touched;
    QHash<qint64, int> times;
    QList<domain::ConversationSummary> shown;
    std::optional<storage::PageCursor> cursor;
    qint64 clock = Now;
    int pages = 0;
    for (; pages < 1000; ++pages) {
        const auto rows = conversations.page(query, cursor ? &*cursor : nullptr, PageSize);
        for (const auto &row : rows) {
            ++times[row.id];
            if (!shown.isEmpty()) {
                EXPECT_TRUE(comesAfter(sort, shown.constLast(), row)) << "row " << row.id << " out of order";
            }
            shown << row;
        }
        if (rows.size() < PageSize) {
            break;
        }
        cursor = InboxQuery::cursorOf(
            query.sort(), rows.constLast().lastActivity, rows.constLast().dueAt, rows.constLast().id);

        // Between pages: two new conversations with the newest activity and the most urgent deadline…
        for (int n = 0; n < 2; ++n) {
            domain::ConversationSummary fresh;
            fresh.channel = domain::Channel::Chat;
            fresh.subject = QStringLiteral("arrived while paging");
            fresh.createdAt = ++clock;
            fresh.lastActivity = clock;
            fresh.slaDueAt = Now - 30 * 24 * 3600 + pages; // more urgent than anything already listed
            touched << conversations.insert(fresh);
        }
        // …a row already shown gets a new message (moves to the top, or its deadline becomes more urgent)…
        const auto &again = rows.at(pages % rows.size());
        conversations.recordActivity(
            again.id, ++clock, QStringLiteral("customer wrote again"), 0, Now - 40 * 24 * 3600 + pages);
        touched << again.id;
        // …and another row already shown is closed by a colleague.
        const auto &closed = rows.at((pages + 7) % rows.size());
        if (const auto current = conversations.find(closed.id);
            current && current->status == domain::ConversationStatus::Open) {
            conversations.setStatus(closed.id, domain::ConversationStatus::Closed, 0, current->version);
            touched << closed.id;
        }
    }
    ASSERT_LT(pages, 1000) << "paging did not end";
    for (auto it = times.cbegin(); it != times.cend(); ++it) {
        EXPECT_EQ(it.value(), 1) << "row " << it.key() << " was listed " << it.value() << " times";
    }
    int untouched = 0;
    for (const qint64 id : initial) {
        if (!touched.contains(id)) {
            ++untouched;
            EXPECT_EQ(times.value(id), 1) << "untouched row " << id << " was listed " << times.value(id) << " times";
        }
    }
    EXPECT_GT(untouched, initial.size() / 2);
}

INSTANTIATE_TEST_SUITE_P(BothSorts, KeysetPagingWhileChangingTest,
    ::testing::Values(InboxSort::LastActivity, InboxSort::Deadline),
    [](const ::testing::TestParamInfo<InboxSort> &info) {
        return info.param == InboxSort::LastActivity ? std::string("ByLastActivity") : std::string("ByDeadline");
    });
