// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestWorkspace.h"
#include "domain/ConversationSummary.h"
#include "domain/Message.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <functional>
#include <gtest/gtest.h>

namespace waybill::testing {

/// A workspace with a paid order (two lines, USD 60.00 in all, one UPS shipment) and a conversation about it, for
/// the return and claim workflow tests.
class WorkflowTestFixture : public ::testing::Test {
protected:
    static constexpr qint64 Now = 1772000000;
    static constexpr qint64 Day = 24 * 3600;

    void SetUp() override
    {
        const qint64 customer = storage::CustomerRepository(db()).insert(
            { 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"), Now, {} });
        domain::Order order { 0, QStringLiteral("shopify"), QStringLiteral("#1001"), customer, Now - 10 * Day,
            QStringLiteral("USD"), 5000, 1000, 0, 6000, QStringLiteral("paid"), {} };
        order.lines = { { 0, QStringLiteral("MUG-1"), QStringLiteral("Espresso cup"), 2, 1500 },
            { 0, QStringLiteral("TEA-9"), QStringLiteral("Tea set"), 1, 2000 } };
        const storage::OrderRepository orders(db());
        orderId = orders.insert(order);
        const auto stored = orders.find(orderId);
        cupLine = stored->lines.at(0).id;
        teaLine = stored->lines.at(1).id;
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
        shipment.shippedAt = Now - 8 * Day;
        shipmentId = orders.insertShipment(shipment);

        domain::ConversationSummary c;
        c.channel = domain::Channel::Email;
        c.subject = QStringLiteral("Broken cups");
        c.customerId = customer;
        c.orderId = orderId;
        c.createdAt = Now - Day;
        c.lastActivity = Now - Day;
        conversationId = storage::ConversationRepository(db()).insert(c);
    }

    const storage::Database &db() { return workspace.db(); }
    domain::ConversationSummary conversation() { return *storage::ConversationRepository(db()).find(conversationId); }
    QList<domain::AuditEntry> audit() { return storage::AuditLogRepository(db()).forConversation(conversationId); }

    /// Runs a workflow step that must be refused with a reason containing `words`.
    void expectRefused(const std::function<void()> &step, const QString &words)
    {
        try {
            step();
            ADD_FAILURE() << "the step must be refused";
        } catch (const storage::StorageError &error) {
            EXPECT_EQ(error.kind(), storage::StorageError::Kind::Invalid);
            EXPECT_TRUE(error.userMessage().contains(words)) << error.userMessage().toStdString();
        }
    }

    /// A message in `conversation` with one attachment; returns the attachment's id.
    qint64 addPhoto(qint64 conversation)
    {
        domain::Message message;
        message.conversationId = conversation;
        message.direction = domain::Message::Direction::Inbound;
        message.author = QStringLiteral("Olivia Harper");
        message.bodyText = QStringLiteral("Photos attached");
        message.createdAt = Now - Day;
        message.attachments = { { 0, QStringLiteral("box.jpg"), QStringLiteral("image/jpeg"), 10, QString(64, u'a') } };
        const qint64 id = storage::MessageRepository(db()).insert(message);
        storage::SqlQuery q(db(), QStringLiteral("SELECT id FROM attachments WHERE message_id = ?"));
        q.bind(id).exec();
        return q.next() ? q.int64(0) : 0;
    }

    waybill::testing::TestWorkspace workspace;
    qint64 now = Now;
    qint64 orderId = 0, cupLine = 0, teaLine = 0, shipmentId = 0, conversationId = 0;
};

} // namespace waybill::testing
