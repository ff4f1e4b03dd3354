// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "engine/ConversationActions.h"
#include "engine/SlaClock.h"
#include "models/ConversationListModel.h"
#include "storage/ConversationRepository.h"
#include "storage/InboxQuery.h"
#include "storage/ViewCounterRepository.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSet>
#include <QSignalSpy>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using models::ConversationListModel;

namespace {

class ConversationListModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        demo::DemoGenerator(workspace.db(), { 1000, 7, now, {} }).run();
        model = std::make_unique<ConversationListModel>(workspace.db(), sla, agentId(), [this] { return now; });
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    qint64 agentId() const { return 1; }

    qint64 count(const domain::InboxView &view)
    {
        return storage::ViewCounterRepository(workspace.db()).counts(agentId(), sla.riskHorizon(now)).value(view.key());
    }

    /// Fetches until the model has nothing more; returns the number of fetchMore() calls.
    int fetchAll()
    {
        int pages = 0;
        while (model->canFetchMore({})) {
            model->fetchMore({});
            ++pages;
        }
        return pages;
    }

    const qint64 now = QDateTime(QDate(2026, 3, 4), QTime(15, 0), QTimeZone::utc()).toSecsSinceEpoch();
    waybill::testing::TestWorkspace workspace;
    engine::SlaClock sla;
    std::unique_ptr<ConversationListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(ConversationListModelTest, NothingIsReadUntilTheViewAsks)
{
    model->setView({ domain::InboxView::Kind::AllOpen, domain::Channel::Email }, domain::InboxSort::LastActivity);
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_TRUE(model->canFetchMore({}));
    EXPECT_EQ(model->columnCount(), ConversationListModel::ColumnCount);
}

TEST_F(ConversationListModelTest, FetchMoreBringsTheNextKeysetPageWithoutDuplicates)
{
    const domain::InboxView view { domain::InboxView::Kind::AllOpen, domain::Channel::Email };
    model->setView(view, domain::InboxSort::LastActivity);
    QSignalSpy inserted(model.get(), &ConversationListModel::rowsInserted);

    model->fetchMore({});
    ASSERT_EQ(model->rowCount(), ConversationListModel::PageSize);
    ASSERT_EQ(inserted.count(), 1);
    model->fetchMore({});
    EXPECT_EQ(inserted.count(), 2);
    EXPECT_EQ(inserted.at(1).at(1).toInt(), ConversationListModel::PageSize);
    fetchAll();

    const qint64 expected = count(view);
    ASSERT_GT(expected, ConversationListModel::PageSize);
    EXPECT_EQ(model->rowCount(), expected);
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto &summary = model->summaryAt(row);
        EXPECT_FALSE(ids.contains(summary.id)) << "duplicate conversation " << summary.id;
        ids.insert(summary.id);
        EXPECT_EQ(summary.status, domain::ConversationStatus::Open);
        if (row > 0) {
            const auto &previous = model->summaryAt(row - 1);
            EXPECT_GE(previous.lastActivity, summary.lastActivity);
        }
        EXPECT_EQ(model->index(row, 0).data(ConversationListModel::ConversationIdRole).toLongLong(), summary.id);
    }
}

TEST_F(ConversationListModelTest, AConversationShownBeforeTheFirstPageIsListedOnce)
{
    // New mail arrives before the view has asked for its first page: the row goes in at the top, and the first page
    // (which holds it too) does not list it twice.
    const domain::InboxView view { domain::InboxView::Kind::AllOpen, domain::Channel::Email };
    model->setView(view, domain::InboxSort::LastActivity);
    const storage::ConversationRepository repository(workspace.db());
    const storage::InboxQuery query(view, domain::InboxSort::LastActivity, agentId(), sla.riskHorizon(now));
    const QList<domain::ConversationSummary> firstPage = repository.page(query, nullptr, 3);
    ASSERT_EQ(firstPage.size(), 3);

    ASSERT_TRUE(model->showConversation(firstPage.at(1).id));
    fetchAll();

    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        ids.insert(model->summaryAt(row).id);
    }
    EXPECT_EQ(ids.size(), model->rowCount());
    EXPECT_EQ(model->rowCount(), count(view));
}

TEST_F(ConversationListModelTest, DeadlineSortPutsTheMostUrgentFirst)
{
    model->setView({ domain::InboxView::Kind::AllOpen, domain::Channel::Email }, domain::InboxSort::Deadline);
    fetchAll();
    ASSERT_GT(model->rowCount(), 1);
    for (int row = 1; row < model->rowCount(); ++row) {
        const auto due = [this](int r) {
            const qint64 value = model->summaryAt(r).dueAt;
            return value == 0 ? domain::ConversationSummary::NoDeadline : value;
        };
        EXPECT_LE(due(row - 1), due(row));
    }
}

TEST_F(ConversationListModelTest, RowsChangingBetweenPagesAreNeitherRepeatedNorSkipped)
{
    const domain::InboxView view { domain::InboxView::Kind::AllOpen, domain::Channel::Email };
    model->setView(view, domain::InboxSort::LastActivity);
    model->fetchMore({});
    // New activity moves a conversation of the second page to the top of the view.
    const storage::ConversationRepository repository(workspace.db());
    const auto firstPage = repository.page(storage::InboxQuery(view, domain::InboxSort::LastActivity, agentId(), 0),
        nullptr, ConversationListModel::PageSize * 2);
    const auto &moved = firstPage.constLast();
    repository.recordActivity(moved.id, now + 60, QStringLiteral("Any news?"), 0, 0);
    fetchAll();

    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        ids.insert(model->summaryAt(row).id);
    }
    EXPECT_EQ(ids.size(), model->rowCount());
    // The moved conversation sits above the cursor now: it is not repeated, and everything else arrived.
    EXPECT_GE(model->rowCount(), count(view) - 1);
}

TEST_F(ConversationListModelTest, DisplayAndRolesDescribeTheRow)
{
    model->setView({ domain::InboxView::Kind::AllOpen, domain::Channel::Email }, domain::InboxSort::Deadline);
    fetchAll();
    bool sawDeadline = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto &summary = model->summaryAt(row);
        EXPECT_EQ(model->index(row, ConversationListModel::CustomerColumn).data().toString(), summary.customerName);
        EXPECT_EQ(model->index(row, ConversationListModel::OrderColumn).data().toString(), summary.orderNumber);
        const QVariant sla = model->index(row, 0).data(ConversationListModel::SlaRemainingRole);
        if (summary.slaDueAt > 0) {
            sawDeadline = true;
            EXPECT_FALSE(sla.isNull());
            EXPECT_FALSE(model->index(row, ConversationListModel::SlaDeadlineColumn).data().toString().isEmpty());
        }
        const auto roundTrip
            = model->index(row, 0).data(ConversationListModel::SummaryRole).value<domain::ConversationSummary>();
        EXPECT_EQ(roundTrip.id, summary.id);
    }
    EXPECT_TRUE(sawDeadline);
}

TEST_F(ConversationListModelTest, ClosingAConversationRemovesItsRowFromAnOpenView)
{
    model->setView({ domain::InboxView::Kind::AllOpen, domain::Channel::Email }, domain::InboxSort::LastActivity);
    model->fetchMore({});
    const auto target = model->summaryAt(3);
    engine::ConversationActions actions(workspace.db(), sla, agentId(), [this] { return now; });
    QSignalSpy removed(model.get(), &ConversationListModel::rowsRemoved);

    actions.setStatus(target.id, target.version, domain::ConversationStatus::Closed);
    EXPECT_FALSE(model->refreshConversation(target.id));
    EXPECT_EQ(removed.count(), 1);
    EXPECT_EQ(model->rowOfId(target.id), -1);
    for (int row = 0; row < model->rowCount(); ++row) {
        EXPECT_EQ(model->rowOfId(model->summaryAt(row).id), row) << "rows after the removed one moved up";
    }
}

TEST_F(ConversationListModelTest, AssigningKeepsTheRowAndUpdatesIt)
{
    model->setView({ domain::InboxView::Kind::AllOpen, domain::Channel::Email }, domain::InboxSort::LastActivity);
    model->fetchMore({});
    const auto target = model->summaryAt(0);
    engine::ConversationActions actions(workspace.db(), sla, agentId(), [this] { return now; });
    QSignalSpy changed(model.get(), &ConversationListModel::dataChanged);

    actions.assign(target.id, target.version, 0, 0);
    EXPECT_TRUE(model->refreshConversation(target.id));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(model->summaryAt(0).assigneeId, 0);
    EXPECT_GT(model->summaryAt(0).version, target.version);
}

TEST_F(ConversationListModelTest, SearchShowsMatchingConversationsInPages)
{
    model->setView({ domain::InboxView::Kind::AllOpen, domain::Channel::Email }, domain::InboxSort::LastActivity);
    model->fetchMore({});
    QString orderNumber;
    qint64 expectedId = 0;
    for (int row = 0; row < model->rowCount() && orderNumber.isEmpty(); ++row) {
        orderNumber = model->summaryAt(row).orderNumber;
        expectedId = model->summaryAt(row).id;
    }
    ASSERT_FALSE(orderNumber.isEmpty());

    model->setSearch(orderNumber);
    EXPECT_EQ(model->mode(), ConversationListModel::Mode::Search);
    fetchAll();
    EXPECT_NE(model->rowOfId(expectedId), -1);

    model->setSearch(QString());
    EXPECT_EQ(model->mode(), ConversationListModel::Mode::View);
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_TRUE(model->canFetchMore({}));
}

TEST_F(ConversationListModelTest, LateIsShownForADeliveryProblemWithoutAProblemStatus)
{
    domain::ConversationSummary summary;
    summary.trackingStatus = QStringLiteral("in_transit");
    summary.deliveryProblem = true;
    EXPECT_EQ(ConversationListModel::trackingLabel(summary), QStringLiteral("Late"));
    summary.trackingStatus = QStringLiteral("exception");
    EXPECT_NE(ConversationListModel::trackingLabel(summary), QStringLiteral("Late"));
    summary.trackingStatus.clear();
    EXPECT_TRUE(ConversationListModel::trackingLabel(summary).isEmpty());
}

} // namespace
