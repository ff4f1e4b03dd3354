// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "models/TimelineModel.h"
#include "storage/ConversationDetailReader.h"
#include "storage/ConversationRepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill;
using models::TimelineEntry;
using models::TimelineModel;
using Kind = TimelineEntry::Kind;

namespace {

domain::Message message(qint64 id, domain::Message::Direction direction, qint64 at, const QString &text)
{
    domain::Message value;
    value.id = id;
    value.direction = direction;
    value.createdAt = at;
    value.bodyText = text;
    value.author = direction == domain::Message::Direction::Inbound ? QStringLiteral("Ana") : QStringLiteral("Mia");
    value.delivery = direction == domain::Message::Direction::Outbound ? domain::Message::Delivery::Queued
                                                                       : domain::Message::Delivery::Received;
    return value;
}

domain::ConversationDetail sampleDetail()
{
    domain::ConversationDetail detail;
    detail.conversation.id = 9;
    domain::Order order;
    order.id = 1;
    order.number = QStringLiteral("#1001");
    order.placedAt = 100;
    order.currency = QStringLiteral("USD");
    order.totalCents = 4200;
    detail.order = order;

    domain::Shipment shipment;
    shipment.carrier = QStringLiteral("ups");
    shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
    shipment.shippedAt = 200;
    shipment.events = {
        { 1, 250, domain::TrackingStatus::InTransit, QStringLiteral("Memphis, TN"), QStringLiteral("") },
        { 2, 500, domain::TrackingStatus::Exception, QStringLiteral("Louisville, KY"), QStringLiteral("Address issue") }
    };
    detail.shipments = { shipment };

    domain::ReturnRequest request;
    request.state = QStringLiteral("approved");
    request.history
        = { { 600, QStringLiteral("requested"), {} }, { 700, QStringLiteral("approved"), QStringLiteral("ok") } };
    detail.returns = { request };

    detail.messages = { message(11, domain::Message::Direction::Inbound, 300, QStringLiteral("Where is it?")),
        message(12, domain::Message::Direction::Note, 550, QStringLiteral("Carrier issue")),
        message(13, domain::Message::Direction::Outbound, 650, QStringLiteral("On its way")) };
    detail.audit
        = { { 1, 320, 1, QStringLiteral("Mia"), 9, QStringLiteral("assign"), QStringLiteral("assigned to Mia") },
              { 2, 650, 1, QStringLiteral("Mia"), 9, QStringLiteral("reply"), QStringLiteral("replied") } };
    return detail;
}

TEST(TimelineModelTest, InterleavesMessagesAndOrderEventsInTime)
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &TimelineModel::modelReset);
    model.setDetail(sampleDetail());
    EXPECT_EQ(reset.count(), 1);

    const QList<Kind> expected { Kind::OrderPlaced, Kind::Shipped, Kind::TrackingUpdate, Kind::InboundMessage,
        Kind::Audit, Kind::TrackingUpdate, Kind::Note, Kind::ReturnStep, Kind::OutboundMessage, Kind::ReturnStep };
    ASSERT_EQ(model.rowCount(), expected.size());
    qint64 previous = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        EXPECT_EQ(index.data(TimelineModel::KindRole).toInt(), static_cast<int>(expected.at(row))) << row;
        const qint64 at = index.data(TimelineModel::TimestampRole).toLongLong();
        EXPECT_LE(previous, at);
        previous = at;
    }
}

TEST(TimelineModelTest, RepliesAreNotRepeatedFromTheAuditLog)
{
    const QList<TimelineEntry> entries = TimelineModel::build(sampleDetail());
    int audits = 0;
    for (const TimelineEntry &entry : entries) {
        audits += entry.kind == Kind::Audit ? 1 : 0;
    }
    EXPECT_EQ(audits, 1);
}

TEST(TimelineModelTest, OutboundMessagesSayWhereTheyStand)
{
    TimelineEntry entry;
    entry.kind = Kind::OutboundMessage;
    entry.delivery = domain::Message::Delivery::Queued;
    EXPECT_EQ(TimelineModel::deliveryLabel(entry), QStringLiteral("Queued"));
    entry.delivery = domain::Message::Delivery::Sent;
    EXPECT_EQ(TimelineModel::deliveryLabel(entry), QStringLiteral("Sent"));
    entry.delivery = domain::Message::Delivery::Delivered; // an SMS delivery receipt
    EXPECT_EQ(TimelineModel::deliveryLabel(entry), QStringLiteral("Delivered"));
    entry.delivery = domain::Message::Delivery::Failed;
    entry.error = QStringLiteral("mailbox full");
    EXPECT_EQ(TimelineModel::deliveryLabel(entry), QStringLiteral("Failed: mailbox full"));
    entry.kind = Kind::InboundMessage;
    EXPECT_TRUE(TimelineModel::deliveryLabel(entry).isEmpty());
}

TEST(TimelineModelTest, ADemoConversationIsInTimeOrder)
{
    waybill::testing::TestWorkspace workspace;
    demo::DemoGenerator(workspace.db(), { 50, 5, 0, {} }).run();
    const auto first = storage::ConversationRepository(workspace.db()).find(1);
    ASSERT_TRUE(first.has_value());
    const auto detail = storage::ConversationDetailReader(workspace.db()).load(first->id);
    ASSERT_TRUE(detail.has_value());

    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDetail(*detail);
    ASSERT_GE(model.rowCount(), detail->messages.size());
    for (int row = 1; row < model.rowCount(); ++row) {
        EXPECT_LE(model.entryAt(row - 1).at, model.entryAt(row).at);
    }
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
}

} // namespace
