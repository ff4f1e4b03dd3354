// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisors' "Late shipments" view in the main window: its sidebar entry and count, the table's rows in risk
// order from a seeded workspace, and what activating a row opens.
#include "FakeDialogService.h"
#include "Screenshot.h"
#include "TestWorkspace.h"
#include "commerce/DeliveryEstimator.h"
#include "demo/DemoGenerator.h"
#include "domain/ConversationSummary.h"
#include "domain/Message.h"
#include "models/LateShipmentListModel.h"
#include "models/ViewListModel.h"
#include "settings/Settings.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "ui/ConversationWidget.h"
#include "ui/MainWindow.h"

#include <QLabel>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using domain::TrackingStatus;
using models::LateShipmentListModel;
using models::ViewListModel;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Now = 1772000000;
constexpr qint64 Day = 86400;

class LateShipmentsViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        settings = settings::Settings::fromIniFile(settingsDir.filePath(QStringLiteral("settings.ini")));
        settings->set(settings::Settings::Key::LastView, QStringLiteral("open"));
    }

    storage::Database &db() { return workspace.db(); }

    qint64 customer(const QString &name)
    {
        domain::Customer c;
        c.name = name;
        c.createdAt = Now - 100 * Day;
        return storage::CustomerRepository(db()).insert(c);
    }

    /// An order of $50 for `customerId` with one UPS shipment; returns the order id.
    qint64 ship(const QString &number, qint64 customerId, TrackingStatus status, qint64 expectedAt, qint64 lateAfter)
    {
        const storage::OrderRepository orders(db());
        domain::Order order;
        order.source = QStringLiteral("shopify");
        order.number = number;
        order.customerId = customerId;
        order.placedAt = Now - 20 * Day;
        order.currency = QStringLiteral("USD");
        order.totalCents = 5000;
        order.status = QStringLiteral("paid");
        const qint64 orderId = orders.insert(order);
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA1") + number;
        shipment.status = status;
        shipment.shippedAt = Now - 10 * Day;
        shipment.expectedAt = expectedAt;
        shipment.lateAfter = lateAfter;
        shipment.events.append(
            { 0, Now - Day, status, QStringLiteral("Louisville, KY"), QStringLiteral("Arrived at facility") });
        orders.insertShipment(shipment);
        return orderId;
    }

    /// An open conversation of `customerId` (about `orderId` when not 0) in which the customer wrote.
    qint64 converse(qint64 customerId, qint64 orderId, const QString &subject, qint64 lastActivity)
    {
        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = subject;
        c.customerId = customerId;
        c.orderId = orderId;
        c.createdAt = lastActivity;
        c.lastActivity = lastActivity;
        const qint64 id = storage::ConversationRepository(db()).insert(c);
        domain::Message message;
        message.conversationId = id;
        message.direction = domain::Message::Direction::Inbound;
        message.bodyText = QStringLiteral("Where is my parcel?");
        message.createdAt = lastActivity;
        storage::MessageRepository(db()).insert(message);
        return id;
    }

    /// Three shipments at risk and one delivered:
    /// 2001 exception, the customer wrote about it (40 + 5 + 30); 2002 five days late, no conversation about it but
    /// Olivia has another (50 + 5); 2003 a day late, Noah has no conversation at all (10 + 5).
    void seed()
    {
        olivia = customer(QStringLiteral("Olivia Harper"));
        noah = customer(QStringLiteral("Noah Becker"));
        const qint64 exceptionOrder = ship(QStringLiteral("2001"), olivia, TrackingStatus::Exception, Now + 2 * Day, 0);
        ship(QStringLiteral("2002"), olivia, TrackingStatus::InTransit, Now - 7 * Day, Now - 5 * Day - 3600);
        ship(QStringLiteral("2003"), noah, TrackingStatus::InTransit, Now - 3 * Day, Now - Day - 3600);
        const qint64 deliveredOrder
            = ship(QStringLiteral("2004"), noah, TrackingStatus::Delivered, Now - 9 * Day, Now - 8 * Day);
        Q_UNUSED(deliveredOrder)
        aboutException = converse(olivia, exceptionOrder, QStringLiteral("Parcel stuck?"), Now - 2 * Day);
        oliviaLatest = converse(olivia, 0, QStringLiteral("Gift wrapping"), Now - 3600);
    }

    void createWindow(qint64 now = Now)
    {
        window = std::make_unique<ui::MainWindow>(
            ui::MainWindow::Context { db(), *settings, dialogs, AgentId, [now] { return now; }, {} });
        window->resize(1400, 900);
        window->show();
    }

    void selectLateShipments()
    {
        auto *views = window->findChild<QListView *>(QStringLiteral("viewList"));
        ASSERT_NE(views, nullptr);
        views->setCurrentIndex(window->viewModel()->index(window->viewModel()->lateShipmentsRow()));
        auto *table = window->findChild<QTableView *>(QStringLiteral("lateShipmentsTable"));
        ASSERT_NE(table, nullptr);
        ASSERT_TRUE(waitUntil([table] { return table->isVisible(); }));
        ASSERT_TRUE(waitUntil([this] { return window->lateShipmentModel()->total() >= 0; }));
    }

    qint64 shownConversation() const
    {
        const auto &detail = window->findChild<ui::ConversationWidget *>()->detail();
        return detail ? detail->conversation.id : 0;
    }

    static constexpr qint64 AgentId = 1;
    waybill::testing::TestWorkspace workspace { waybill::testing::TestWorkspace::Kind::OnDisk };
    QTemporaryDir settingsDir;
    std::unique_ptr<settings::Settings> settings;
    waybill::testing::FakeDialogService dialogs;
    std::unique_ptr<ui::MainWindow> window;
    qint64 olivia = 0;
    qint64 noah = 0;
    qint64 aboutException = 0;
    qint64 oliviaLatest = 0;
};

TEST_F(LateShipmentsViewTest, SidebarEntryCountsShipmentsAtRiskAndFollowsChanges)
{
    seed();
    createWindow();
    ViewListModel *views = window->viewModel();
    const QModelIndex entry = views->index(views->lateShipmentsRow());
    EXPECT_EQ(entry.data().toString(), QStringLiteral("Late shipments"));
    ASSERT_TRUE(waitUntil([views] { return views->lateShipmentCount() >= 0; }));
    EXPECT_EQ(entry.data(ViewListModel::CountRole).toLongLong(), 3) << "the delivered shipment is not at risk";

    ship(QStringLiteral("2005"), noah, TrackingStatus::FailedAttempt, Now + Day, 0);
    window->refreshConversations({});
    EXPECT_TRUE(waitUntil([views] { return views->lateShipmentCount() == 4; }))
        << "a change notice reads the count again";
}

TEST_F(LateShipmentsViewTest, TableListsTheSeededShipmentsMostUrgentFirst)
{
    seed();
    createWindow();
    selectLateShipments();
    LateShipmentListModel *model = window->lateShipmentModel();
    ASSERT_EQ(model->rowCount(), 3);
    EXPECT_EQ(model->total(), 3);
    const QStringList expected { QStringLiteral("2001"), QStringLiteral("2002"), QStringLiteral("2003") };
    const QList<int> scores { 75, 55, 15 };
    for (int row = 0; row < 3; ++row) {
        EXPECT_EQ(model->index(row, LateShipmentListModel::Order).data().toString(), expected.at(row));
        EXPECT_EQ(model->index(row, LateShipmentListModel::Risk).data().toInt(), scores.at(row)) << row;
    }
    EXPECT_EQ(model->index(0, LateShipmentListModel::Customer).data().toString(), QStringLiteral("Olivia Harper"));
    EXPECT_EQ(model->index(1, LateShipmentListModel::DaysLate).data().toInt(), 5);
    EXPECT_EQ(model->index(0, LateShipmentListModel::DaysLate).data().toString(), QStringLiteral("—"))
        << "an exception before its late date is not late";
    const QString carrier = model->index(1, LateShipmentListModel::Carrier).data().toString();
    EXPECT_TRUE(carrier.contains(QStringLiteral("1Z999AA12002"))) << qPrintable(carrier);
    EXPECT_TRUE(model->index(1, LateShipmentListModel::Carrier)
                    .data(LateShipmentListModel::TrackingUrlRole)
                    .toString()
                    .contains(QStringLiteral("1Z999AA12002")));
    EXPECT_EQ(settings->get(settings::Settings::Key::LastView).toString(), ViewListModel::lateShipmentsKey());
}

TEST_F(LateShipmentsViewTest, ActivatingARowOpensTheOrdersConversation)
{
    seed();
    createWindow();
    selectLateShipments();
    auto *table = window->findChild<QTableView *>(QStringLiteral("lateShipmentsTable"));
    ASSERT_EQ(window->lateShipmentModel()->index(0, 0).data(LateShipmentListModel::ConversationIdRole).toLongLong(),
        aboutException);
    Q_EMIT table->activated(window->lateShipmentModel()->index(0, 1));
    EXPECT_TRUE(waitUntil([this] { return shownConversation() == aboutException; }));
    EXPECT_FALSE(table->isVisible()) << "the conversation is shown in the normal conversation view";
}

TEST_F(LateShipmentsViewTest, WithoutAConversationAboutTheOrderItOffersTheCustomersLatest)
{
    seed();
    createWindow();
    selectLateShipments();
    auto *table = window->findChild<QTableView *>(QStringLiteral("lateShipmentsTable"));

    dialogs.confirmAnswer = false;
    Q_EMIT table->activated(window->lateShipmentModel()->index(1, 0));
    EXPECT_TRUE(table->isVisible()) << "declined: the table stays";
    EXPECT_NE(shownConversation(), oliviaLatest);

    dialogs.confirmAnswer = true;
    Q_EMIT table->activated(window->lateShipmentModel()->index(1, 0));
    EXPECT_TRUE(waitUntil([this] { return shownConversation() == oliviaLatest; }));
    EXPECT_TRUE(dialogs.errors.isEmpty());
}

TEST_F(LateShipmentsViewTest, WithNoConversationAtAllItSaysSo)
{
    seed();
    createWindow();
    selectLateShipments();
    auto *table = window->findChild<QTableView *>(QStringLiteral("lateShipmentsTable"));
    Q_EMIT table->activated(window->lateShipmentModel()->index(2, 0));
    ASSERT_EQ(dialogs.errors.size(), 1);
    EXPECT_TRUE(dialogs.errors.constFirst().contains(QStringLiteral("2003")))
        << qPrintable(dialogs.errors.constFirst());
    EXPECT_TRUE(table->isVisible());
    EXPECT_EQ(shownConversation(), 0);
}

TEST_F(LateShipmentsViewTest, EmptyWorkspaceShowsTheEmptyState)
{
    createWindow();
    selectLateShipments();
    auto *empty = window->findChild<QLabel *>(QStringLiteral("lateShipmentsEmpty"));
    ASSERT_NE(empty, nullptr);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_FALSE(window->findChild<QTableView *>(QStringLiteral("lateShipmentsTable"))->isVisible());
    EXPECT_EQ(window->viewModel()->lateShipmentCount(), 0);
}

TEST_F(LateShipmentsViewTest, DemoWorkspaceShowsTheFirstPageAndSaysHowManyMore)
{
    demo::DemoGenerator(db(), { 1500, 11, Now, {} }).run();
    commerce::DeliveryEstimator::refresh(db());
    createWindow();
    selectLateShipments();
    LateShipmentListModel *model = window->lateShipmentModel();
    ASSERT_GT(model->total(), 0);
    EXPECT_EQ(model->rowCount(), std::min<qint64>(model->total(), 200));
    for (int row = 1; row < model->rowCount(); ++row) {
        EXPECT_GE(model->shipmentAt(row - 1).riskScore, model->shipmentAt(row).riskScore) << row;
    }
    auto *status = window->findChild<QLabel *>(QStringLiteral("lateShipmentsStatus"));
    if (model->total() > model->rowCount()) {
        EXPECT_TRUE(status->text().contains(QString::number(model->total() - model->rowCount())))
            << qPrintable(status->text());
    }
    waybill::testing::saveScreenshot(window.get(), QStringLiteral("late-shipments"));
}

} // namespace
