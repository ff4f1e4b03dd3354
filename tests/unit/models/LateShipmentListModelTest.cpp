// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The late-shipments table: what each column shows of a row, the tracking link, days late, and a reset per load.
#include "models/LateShipmentListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;
using models::LateShipmentListModel;

namespace {

constexpr qint64 Now = 1772000000;
constexpr qint64 Day = 86400;

domain::LateShipment shipment(qint64 id, const QString &order, int score, qint64 expectedAt, qint64 lateAfter)
{
    domain::LateShipment s;
    s.shipmentId = id;
    s.orderNumber = order;
    s.customerName = QStringLiteral("Olivia Harper");
    s.customerId = 7;
    s.carrier = QStringLiteral("ups");
    s.trackingNumber = QStringLiteral("1Z999AA10123456784");
    s.status = domain::TrackingStatus::InTransit;
    s.expectedAt = expectedAt;
    s.lateAfter = lateAfter;
    s.lastEventAt = Now - Day;
    s.lastEvent = QStringLiteral("Arrived at facility");
    s.conversationId = id * 10;
    s.riskScore = score;
    return s;
}

TEST(LateShipmentListModelTest, ShowsTheRowsGivenInTheirOrder)
{
    LateShipmentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.total(), -1);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRows({ shipment(1, QStringLiteral("#1001"), 80, Now - 6 * Day, Now - 4 * Day - 60),
                      shipment(2, QStringLiteral("#1002"), 40, Now + Day, 0) },
        9, Now);
    EXPECT_EQ(reset.count(), 1);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnCount(), LateShipmentListModel::ColumnCount);
    EXPECT_EQ(model.total(), 9);
    EXPECT_EQ(model.index(0, LateShipmentListModel::Risk).data().toInt(), 80);
    EXPECT_EQ(model.index(1, LateShipmentListModel::Order).data().toString(), QStringLiteral("#1002"));
    EXPECT_EQ(model.index(0, LateShipmentListModel::DaysLate).data().toInt(), 4);
    EXPECT_EQ(model.index(1, LateShipmentListModel::DaysLate).data(LateShipmentListModel::SortRole).toInt(), 0)
        << "not late yet";
    const QModelIndex carrier = model.index(0, LateShipmentListModel::Carrier);
    EXPECT_TRUE(carrier.data().toString().contains(QStringLiteral("1Z999AA10123456784")));
    EXPECT_TRUE(carrier.data(LateShipmentListModel::TrackingUrlRole).toString().startsWith(QStringLiteral("https://")));
    EXPECT_EQ(model.index(1, 0).data(LateShipmentListModel::ConversationIdRole).toLongLong(), 20);
    EXPECT_TRUE(model.index(0, LateShipmentListModel::LastEvent)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Arrived at facility")));
    EXPECT_EQ(
        model.headerData(LateShipmentListModel::DaysLate, Qt::Horizontal).toString(), QStringLiteral("Days late"));

    model.setRows({}, 0, Now);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.total(), 0);
}

TEST(LateShipmentListModelTest, DaysLateCountFromTheLateDateElseTheExpectedDate)
{
    EXPECT_EQ(LateShipmentListModel::daysLate(shipment(1, {}, 1, Now - 9 * Day, Now - 2 * Day - 1), Now), 2);
    EXPECT_EQ(LateShipmentListModel::daysLate(shipment(1, {}, 1, Now - 3 * Day - 1, 0), Now), 3);
    EXPECT_EQ(LateShipmentListModel::daysLate(shipment(1, {}, 1, 0, 0), Now), 0);
    EXPECT_EQ(LateShipmentListModel::daysLate(shipment(1, {}, 1, Now - 3 * Day, Now + Day), Now), 0);
}

} // namespace
