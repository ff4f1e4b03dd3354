// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The order panel's shipment block: "Refresh tracking" offered on parcels that are still moving (never on delivered
// or returned ones, nor without a tracking number), asking for that shipment; "Copy link" next to it.
#include "Screenshot.h"
#include "ui/OrderPanelWidget.h"
#include "ui/SafeTextBrowser.h"

#include <QRegularExpression>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;

namespace {

constexpr qint64 Now = 1772000000;
constexpr qint64 Day = 86400;

domain::Shipment shipment(qint64 id, domain::TrackingStatus status, const QString &number)
{
    domain::Shipment s;
    s.id = id;
    s.orderId = 11;
    s.carrier = QStringLiteral("usps");
    s.trackingNumber = number;
    s.status = status;
    s.shippedAt = Now - 3 * Day;
    s.expectedAt = Now + Day;
    return s;
}

domain::ConversationDetail detailWith(const QList<domain::Shipment> &shipments)
{
    domain::ConversationDetail detail;
    detail.conversation.id = 7;
    detail.customer = domain::Customer { 3, QStringLiteral("Bob Norman"), QStringLiteral("Bob"), Now - 400 * Day,
        { { 0, QStringLiteral("email"), QStringLiteral("bob.norman@mail.example.com") } } };
    detail.order = domain::Order { 11, QStringLiteral("shopify"), QStringLiteral("#1001"), 3, Now - 4 * Day,
        QStringLiteral("USD"), 3980, 0, 119, 4099, QStringLiteral("paid"), {} };
    detail.shipments = shipments;
    return detail;
}

/// The shipment ids the panel's "Refresh tracking" links ask for, in the order shown.
QList<qint64> refreshLinks(const ui::OrderPanelWidget &panel)
{
    const auto *browser = panel.findChild<ui::SafeTextBrowser *>(QStringLiteral("orderPanelBrowser"));
    EXPECT_NE(browser, nullptr);
    QList<qint64> ids;
    static const QRegularExpression link(QStringLiteral("waybill:refresh-tracking\\?id=(\\d+)"));
    for (auto it = link.globalMatch(browser ? browser->toHtml() : QString()); it.hasNext();) {
        ids << it.next().captured(1).toLongLong();
    }
    return ids;
}

TEST(OrderPanelTrackingTest, OnlyMovingParcelsWithANumberOfferARefresh)
{
    ui::OrderPanelWidget panel;
    panel.setDetail(
        detailWith({ shipment(21, domain::TrackingStatus::InTransit, QStringLiteral("9400111899223197428490")),
            shipment(22, domain::TrackingStatus::Delivered, QStringLiteral("9400111899223197428491")),
            shipment(23, domain::TrackingStatus::ReturnToSender, QStringLiteral("9400111899223197428492")),
            shipment(24, domain::TrackingStatus::Exception, QStringLiteral("9400111899223197428493")),
            shipment(25, domain::TrackingStatus::PreTransit, QString()) }),
        Now);

    EXPECT_EQ(refreshLinks(panel), (QList<qint64> { 21, 24 }));
    EXPECT_EQ(panel.plainText().count(QStringLiteral("Refresh tracking")), 2) << panel.plainText().toStdString();
}

TEST(OrderPanelTrackingTest, TheLinkAsksForThatShipment)
{
    ui::OrderPanelWidget panel;
    panel.setDetail(
        detailWith({ shipment(31, domain::TrackingStatus::OutForDelivery, QStringLiteral("1Z999AA10123456784")) }),
        Now);
    QSignalSpy requested(&panel, &ui::OrderPanelWidget::trackingRefreshRequested);
    auto *browser = panel.findChild<ui::SafeTextBrowser *>(QStringLiteral("orderPanelBrowser"));
    ASSERT_NE(browser, nullptr);
    const QList<qint64> ids = refreshLinks(panel);
    ASSERT_EQ(ids.size(), 1);

    Q_EMIT browser->linkActivated(QUrl(QStringLiteral("waybill:refresh-tracking?id=%1").arg(ids.first())));
    Q_EMIT browser->linkActivated(QUrl(QStringLiteral("waybill:refresh-tracking?id=0"))); // never a shipment

    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.at(0).at(0).toLongLong(), 31);

    panel.resize(360, 520);
    panel.show();
    waybill::testing::saveScreenshot(&panel, QStringLiteral("order-panel-refresh-tracking"));
}

} // namespace
