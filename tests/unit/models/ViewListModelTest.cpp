// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "engine/ConversationActions.h"
#include "engine/SlaClock.h"
#include "models/ViewListModel.h"
#include "storage/ConversationRepository.h"
#include "storage/ViewCounterRepository.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using domain::InboxView;
using models::ViewListModel;

namespace {

class ViewListModelTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        demo::DemoGenerator(workspace.db(), { 300, 3, now, {} }).run();
        model = std::make_unique<ViewListModel>(workspace.db(), AgentId, [this] { return sla.riskHorizon(now); });
        tester = std::make_unique<QAbstractItemModelTester>(
            model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    static constexpr qint64 AgentId = 1;
    const qint64 now = QDateTime(QDate(2026, 3, 4), QTime(15, 0), QTimeZone::utc()).toSecsSinceEpoch();
    waybill::testing::TestWorkspace workspace;
    engine::SlaClock sla;
    std::unique_ptr<ViewListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(ViewListModelTest, ListsEveryViewInSidebarOrder)
{
    const QList<InboxView> views = InboxView::all();
    ASSERT_EQ(model->rowCount(), views.size() + 1) << "the inbox views, then the late shipments";
    for (int row = 0; row < views.size(); ++row) {
        EXPECT_FALSE(model->isLateShipmentsRow(row));
        EXPECT_FALSE(model->index(row).data(ViewListModel::IsSupervisorRole).toBool());
        EXPECT_EQ(model->index(row).data(ViewListModel::ViewKeyRole).toString(), views.at(row).key());
        EXPECT_EQ(model->index(row).data().toString(), views.at(row).displayName());
        EXPECT_EQ(model->index(row).data(ViewListModel::IsChannelRole).toBool(),
            views.at(row).kind == InboxView::Kind::ChannelInbox);
        EXPECT_EQ(model->index(row).data(ViewListModel::CountRole).toLongLong(), -1);
    }
    const QModelIndex late = model->index(static_cast<int>(views.size()));
    EXPECT_TRUE(model->isLateShipmentsRow(late.row()));
    EXPECT_EQ(late.data().toString(), QStringLiteral("Late shipments"));
    EXPECT_EQ(late.data(ViewListModel::ViewKeyRole).toString(), ViewListModel::lateShipmentsKey());
    EXPECT_TRUE(late.data(ViewListModel::IsSupervisorRole).toBool());
    EXPECT_FALSE(late.data(ViewListModel::IsChannelRole).toBool());
    EXPECT_EQ(late.data(ViewListModel::CountRole).toLongLong(), -1);
}

TEST_F(ViewListModelTest, LateShipmentCountIsWhatItIsGivenAndRefreshLeavesIt)
{
    const QModelIndex late = model->index(model->lateShipmentsRow());
    QSignalSpy changed(model.get(), &ViewListModel::dataChanged);
    model->setLateShipmentCount(42);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.constFirst().at(0).toModelIndex(), late);
    EXPECT_EQ(late.data(ViewListModel::CountRole).toLongLong(), 42);
    model->setLateShipmentCount(42);
    EXPECT_EQ(changed.count(), 1) << "an unchanged count must not be announced";
    model->refresh();
    EXPECT_EQ(late.data(ViewListModel::CountRole).toLongLong(), 42) << "the inbox counters do not hold it";
}

TEST_F(ViewListModelTest, CountsMatchTheCounters)
{
    QSignalSpy changed(model.get(), &ViewListModel::dataChanged);
    model->refresh();
    EXPECT_GT(changed.count(), 0);
    const auto counts = storage::ViewCounterRepository(workspace.db()).counts(AgentId, sla.riskHorizon(now));
    qint64 total = 0;
    for (int row = 0; row < model->lateShipmentsRow(); ++row) {
        const QString key = model->index(row).data(ViewListModel::ViewKeyRole).toString();
        EXPECT_EQ(model->index(row).data(ViewListModel::CountRole).toLongLong(), counts.value(key)) << qPrintable(key);
        total += counts.value(key);
    }
    EXPECT_GT(total, 0);

    changed.clear();
    model->refresh();
    EXPECT_EQ(changed.count(), 0) << "an unchanged count must not be announced";
}

TEST_F(ViewListModelTest, ClosingAConversationMovesItsCount)
{
    model->refresh();
    const InboxView open { InboxView::Kind::AllOpen, domain::Channel::Email };
    const InboxView closed { InboxView::Kind::Closed, domain::Channel::Email };
    const qint64 openBefore = model->countOf(open);
    const qint64 closedBefore = model->countOf(closed);

    const auto first = storage::ConversationRepository(workspace.db())
                           .page(storage::InboxQuery(open, domain::InboxSort::LastActivity, AgentId, 0), nullptr, 1);
    ASSERT_EQ(first.size(), 1);
    engine::ConversationActions actions(workspace.db(), sla, AgentId, [this] { return now; });
    actions.setStatus(first.constFirst().id, first.constFirst().version, domain::ConversationStatus::Closed);

    QSignalSpy changed(model.get(), &ViewListModel::dataChanged);
    model->refresh();
    EXPECT_EQ(model->countOf(open), openBefore - 1);
    EXPECT_EQ(model->countOf(closed), closedBefore + 1);
    EXPECT_GE(changed.count(), 2);
    const int closedRow = model->rowOf(closed);
    bool closedAnnounced = false;
    for (const QList<QVariant> &arguments : changed) {
        closedAnnounced |= arguments.at(0).toModelIndex().row() == closedRow;
    }
    EXPECT_TRUE(closedAnnounced);
}

} // namespace
