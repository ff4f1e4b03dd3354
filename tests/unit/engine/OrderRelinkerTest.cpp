// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"
#include "engine/ConversationActions.h"
#include "engine/Ingest.h"
#include "engine/OrderRelinker.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using engine::OrderRelinker;

namespace {

constexpr qint64 Now = 1772000000;

class OrderRelinkerTest : public ::testing::Test {
protected:
    void SetUp() override { store = std::make_unique<storage::AttachmentStore>(dir.path()); }

    qint64 mail(const QString &from, const QString &subject, const QString &body)
    {
        domain::IncomingMessage m;
        m.account = QStringLiteral("email:support@shop.example");
        m.externalId = from + subject;
        m.fromAddress = from;
        m.subject = subject;
        m.bodyText = body;
        m.sentAt = Now - 3600;
        return engine::Ingest(ws.db(), *store, sla, [] { return Now; }).ingest(m).conversationId;
    }

    qint64 order(const QString &number, const QString &email)
    {
        const auto owner = storage::CustomerRepository(ws.db()).findByIdentity(QStringLiteral("email"), email);
        domain::Order o;
        o.source = number.startsWith(u'#') ? QStringLiteral("shopify")
            : number.size() == 14          ? QStringLiteral("ebay")
                                           : QStringLiteral("amazon");
        o.number = number;
        o.customerId = owner ? owner->customerId : 0;
        o.placedAt = Now - 86400 * 5;
        o.currency = QStringLiteral("USD");
        return storage::OrderRepository(ws.db()).insert(o);
    }

    domain::ConversationSummary conversation(qint64 id) { return *storage::ConversationRepository(ws.db()).find(id); }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
};

TEST_F(OrderRelinkerTest, MailThatCameBeforeItsOrderIsLinkedOnceTheOrderIsThere)
{
    const qint64 early = mail(QStringLiteral("kim@mail.example"), QStringLiteral("Order 113-4567890-1234567"),
        QStringLiteral("Where is it?"));
    const qint64 vague
        = mail(QStringLiteral("lee@mail.example"), QStringLiteral("Hello"), QStringLiteral("Any news on my parcel?"));
    const qint64 chosen = mail(QStringLiteral("ana@mail.example"), QStringLiteral("Re: order #1042"), QString());
    const qint64 inBody = mail(QStringLiteral("max@mail.example"), QStringLiteral("Hello"),
        QStringLiteral("It is about my eBay order 12-34567-89012, thanks."));
    EXPECT_EQ(conversation(early).orderId, 0); // the order was not imported yet
    const qint64 amazon = order(QStringLiteral("113-4567890-1234567"), QStringLiteral("kim@mail.example"));
    const qint64 leesOnly = order(QStringLiteral("#1050"), QStringLiteral("lee@mail.example"));
    const qint64 anas = order(QStringLiteral("#1042"), QStringLiteral("ana@mail.example"));
    const qint64 other = order(QStringLiteral("#1043"), QStringLiteral("ana@mail.example"));
    const qint64 ebay = order(QStringLiteral("12-34567-89012"), QStringLiteral("someone@else.example"));
    // An agent linked Ana's conversation to another order: that choice stays.
    engine::ConversationActions(ws.db(), sla, 0, [] {
        return Now;
    }).linkOrder(chosen, conversation(chosen).version, other, QStringLiteral("chosen by the agent"));

    const auto stats = OrderRelinker(ws.db(), [] { return Now; }).run({}, 2);
    EXPECT_EQ(stats.conversations, 4);
    EXPECT_EQ(stats.linked, 3);
    EXPECT_EQ(stats.moved, 0);
    EXPECT_EQ(stats.keptByAgent, 1);
    EXPECT_EQ(conversation(early).orderId, amazon);
    EXPECT_EQ(conversation(early).orderNumber, QStringLiteral("113-4567890-1234567"));
    EXPECT_TRUE(conversation(early).linkReason.contains(QStringLiteral("Amazon order number")));
    EXPECT_EQ(conversation(vague).orderId, leesOnly);
    EXPECT_EQ(conversation(inBody).orderId, ebay); // the number is only in the customer's message
    EXPECT_EQ(conversation(chosen).orderId, other);
    EXPECT_NE(conversation(chosen).orderId, anas);
    const auto entries = storage::AuditLogRepository(ws.db()).forConversation(early);
    ASSERT_FALSE(entries.isEmpty());
    EXPECT_EQ(entries.last().action, QStringLiteral("relink"));
    // Run again: nothing left to do.
    const auto again = OrderRelinker(ws.db(), [] { return Now; }).run();
    EXPECT_EQ(again.linked + again.moved, 0);
    // Only the unlinked ones: a linked conversation whose text names another order is not even read.
    const qint64 renamed = mail(QStringLiteral("kim@mail.example"), QStringLiteral("Also order #1043"), QString());
    storage::ConversationRepository(ws.db()).setOrder(
        renamed, amazon, QStringLiteral("guess"), conversation(renamed).version);
    const auto unlinkedOnly = OrderRelinker(
        ws.db(), [] { return Now; }, OrderRelinker::Scope::Unlinked)
                                  .run();
    EXPECT_EQ(unlinkedOnly.conversations, 0);
    EXPECT_EQ(conversation(renamed).orderId, amazon);
    // Looking at all of them, the number written in it wins over the guess.
    EXPECT_EQ(OrderRelinker(ws.db(), [] { return Now; }).run().moved, 1);
    EXPECT_EQ(conversation(renamed).orderId, other);
}

} // namespace
