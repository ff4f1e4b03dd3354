// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"
#include "channels/email/Threader.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/QuarantineRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using domain::IncomingMessage;
using engine::Ingest;

namespace {

constexpr qint64 Now = 1795000000; // a Tuesday, 09:46 UTC

class IngestTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<Ingest>(ws.db(), *store, sla, [] { return Now; });
        domain::Customer customer { 0, QStringLiteral("Ava Hughes"), QStringLiteral("Ava"), Now - 86400 * 100, {} };
        customer.identities.append({ 0, QStringLiteral("email"), QStringLiteral("ava@example.net") });
        customerId = storage::CustomerRepository(ws.db()).insert(customer);
        domain::Order order;
        order.source = QStringLiteral("shopify");
        order.number = QStringLiteral("#1042");
        order.customerId = customerId;
        order.placedAt = Now - 86400 * 5;
        order.currency = QStringLiteral("USD");
        orderId = storage::OrderRepository(ws.db()).insert(order);
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
        shipment.status = domain::TrackingStatus::InTransit;
        shipment.shippedAt = Now - 86400 * 4;
        storage::OrderRepository(ws.db()).insertShipment(shipment);
    }

    IncomingMessage mail(const QString &id, const QString &subject, const QString &body,
        const QString &from = QStringLiteral("ava@example.net")) const
    {
        IncomingMessage m;
        m.account = QStringLiteral("email:support@shop.example");
        m.externalId = id;
        m.messageId = id;
        m.subject = subject;
        m.bodyText = body;
        m.fromAddress = from;
        m.fromName = QStringLiteral("Ava Hughes");
        m.sentAt = Now - 60;
        return m;
    }

    storage::ConversationRepository conversations() { return storage::ConversationRepository(ws.db()); }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<Ingest> ingest;
    qint64 customerId = 0;
    qint64 orderId = 0;
};

TEST_F(IngestTest, NewMailStartsAConversationLinkedToItsOrder)
{
    const auto result = ingest->ingest(mail(QStringLiteral("a1@mail.example"), QStringLiteral("Where is order #1042?"),
        QStringLiteral("Nothing has arrived yet.")));
    ASSERT_EQ(result.outcome, Ingest::Outcome::Stored);
    EXPECT_TRUE(result.newConversation);
    const auto c = conversations().find(result.conversationId);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->customerId, customerId);
    EXPECT_EQ(c->orderId, orderId);
    EXPECT_EQ(c->orderNumber, QStringLiteral("#1042"));
    EXPECT_EQ(c->trackingStatus, QStringLiteral("in_transit"));
    EXPECT_TRUE(c->linkReason.contains(QStringLiteral("#1042"))) << c->linkReason.toStdString();
    EXPECT_TRUE(c->unread);
    EXPECT_EQ(c->status, domain::ConversationStatus::Open);
    EXPECT_EQ(c->slaDueAt, sla.slaDeadline(Now - 60));
    EXPECT_EQ(c->marketDueAt, 0); // e-mail has no marketplace clock
}

TEST_F(IngestTest, TheSameMessageTwiceIsStoredOnce)
{
    const auto first
        = ingest->ingest(mail(QStringLiteral("dup@mail.example"), QStringLiteral("Hello"), QStringLiteral("Hi")));
    const auto second
        = ingest->ingest(mail(QStringLiteral("dup@mail.example"), QStringLiteral("Hello"), QStringLiteral("Hi")));
    EXPECT_EQ(second.outcome, Ingest::Outcome::Duplicate);
    EXPECT_EQ(second.messageId, first.messageId);
    EXPECT_EQ(storage::MessageRepository(ws.db()).forConversation(first.conversationId).size(), 1);
}

TEST_F(IngestTest, ReplyToOurMessageJoinsItsConversationAndReopensIt)
{
    const auto first
        = ingest->ingest(mail(QStringLiteral("q1@mail.example"), QStringLiteral("Question"), QStringLiteral("Hi")));
    channels::email::Threader(ws.db()).rememberSent(QStringLiteral("our-reply@shop.example"), first.conversationId, 0);
    auto c = conversations().find(first.conversationId);
    conversations().setStatus(first.conversationId, domain::ConversationStatus::Waiting, 0, c->version);

    IncomingMessage reply
        = mail(QStringLiteral("q2@mail.example"), QStringLiteral("A different subject"), QStringLiteral("Thanks"));
    reply.inReplyTo = QStringLiteral("our-reply@shop.example");
    const auto result = ingest->ingest(reply);
    EXPECT_EQ(result.conversationId, first.conversationId);
    EXPECT_FALSE(result.newConversation);
    EXPECT_EQ(result.threadReason, QStringLiteral("threaded by In-Reply-To"));
    c = conversations().find(first.conversationId);
    EXPECT_EQ(c->status, domain::ConversationStatus::Open);
    const auto messages = storage::MessageRepository(ws.db()).forConversation(first.conversationId);
    ASSERT_EQ(messages.size(), 2);
    EXPECT_EQ(messages.last().threadReason, QStringLiteral("threaded by In-Reply-To"));
}

TEST_F(IngestTest, ReferencesAndThreadIndexThreadToo)
{
    const auto first
        = ingest->ingest(mail(QStringLiteral("r1@mail.example"), QStringLiteral("One"), QStringLiteral("x")));
    IncomingMessage byReferences = mail(QStringLiteral("r2@mail.example"), QStringLiteral("Two"), QStringLiteral("y"));
    byReferences.references = { QStringLiteral("unknown@elsewhere"), QStringLiteral("r1@mail.example") };
    EXPECT_EQ(ingest->ingest(byReferences).threadReason, QStringLiteral("threaded by References"));

    const QByteArray root(22, '\x07');
    IncomingMessage outlook = mail(QStringLiteral("o1@mail.example"), QStringLiteral("Outlook"), QStringLiteral("z"),
        QStringLiteral("someone@else.example"));
    outlook.threadIndex = QString::fromLatin1(root.toBase64());
    const auto started = ingest->ingest(outlook);
    IncomingMessage outlookReply = mail(QStringLiteral("o2@mail.example"), QStringLiteral("Antwort"),
        QStringLiteral("w"), QStringLiteral("someone@else.example"));
    outlookReply.threadIndex = QString::fromLatin1(QByteArray(root + QByteArray(5, '\x01')).toBase64());
    const auto joined = ingest->ingest(outlookReply);
    EXPECT_EQ(joined.conversationId, started.conversationId);
    EXPECT_EQ(joined.threadReason, QStringLiteral("threaded by Thread-Index"));
}

TEST_F(IngestTest, SubjectThreadsOnlyForTheSameCustomer)
{
    const auto first
        = ingest->ingest(mail(QStringLiteral("s1@mail.example"), QStringLiteral("Broken lid"), QStringLiteral("x")));
    const auto again = ingest->ingest(
        mail(QStringLiteral("s2@mail.example"), QStringLiteral("RE: AW: Broken lid"), QStringLiteral("y")));
    EXPECT_EQ(again.conversationId, first.conversationId);
    EXPECT_EQ(again.threadReason, QStringLiteral("threaded by subject and customer"));
    const auto stranger = ingest->ingest(mail(QStringLiteral("s3@mail.example"), QStringLiteral("Re: Broken lid"),
        QStringLiteral("z"), QStringLiteral("other@example.org")));
    EXPECT_NE(stranger.conversationId, first.conversationId);
    EXPECT_TRUE(stranger.newConversation);
}

TEST_F(IngestTest, SameOrderFromSameCustomerThreadsByOrderNumber)
{
    const auto first = ingest->ingest(
        mail(QStringLiteral("n1@mail.example"), QStringLiteral("Order #1042 late"), QStringLiteral("x")));
    const auto second = ingest->ingest(mail(
        QStringLiteral("n2@mail.example"), QStringLiteral("Any news?"), QStringLiteral("About order #1042 again")));
    EXPECT_EQ(second.conversationId, first.conversationId);
    EXPECT_EQ(second.threadReason, QStringLiteral("threaded by order number"));
}

TEST_F(IngestTest, AutoRepliesStartNoClockAndReopenNothing)
{
    const auto first
        = ingest->ingest(mail(QStringLiteral("ar1@mail.example"), QStringLiteral("Help"), QStringLiteral("x")));
    auto c = conversations().find(first.conversationId);
    conversations().recordActivity(first.conversationId, Now - 30, QStringLiteral("answered"), 0, 0);
    c = conversations().find(first.conversationId);
    conversations().setStatus(first.conversationId, domain::ConversationStatus::Closed, 0, c->version);

    IncomingMessage outOfOffice
        = mail(QStringLiteral("ar2@mail.example"), QStringLiteral("Re: Help"), QStringLiteral("I am away"));
    outOfOffice.isAutoReply = true;
    const auto result = ingest->ingest(outOfOffice);
    EXPECT_EQ(result.conversationId, first.conversationId);
    c = conversations().find(first.conversationId);
    EXPECT_EQ(c->status, domain::ConversationStatus::Closed);
    EXPECT_EQ(c->slaDueAt, 0);
    EXPECT_TRUE(storage::MessageRepository(ws.db()).forConversation(first.conversationId).last().isAutoReply);
}

TEST_F(IngestTest, BounceOfOurReplyMarksItFailedWithTheServersWords)
{
    const auto first
        = ingest->ingest(mail(QStringLiteral("b1@mail.example"), QStringLiteral("Help"), QStringLiteral("x")));
    domain::Message reply;
    reply.conversationId = first.conversationId;
    reply.direction = domain::Message::Direction::Outbound;
    reply.bodyText = QStringLiteral("Here you go");
    reply.createdAt = Now - 30;
    reply.delivery = domain::Message::Delivery::Sent;
    const qint64 replyId = storage::MessageRepository(ws.db()).insert(reply);
    channels::email::Threader(ws.db()).rememberSent(
        QStringLiteral("reply-1@shop.example"), first.conversationId, replyId);

    IncomingMessage bounce
        = mail(QStringLiteral("dsn@mx.example"), QStringLiteral("Undelivered Mail Returned to Sender"),
            QStringLiteral("This is the mail system"), QStringLiteral("mailer-daemon@mx.example"));
    bounce.isBounce = true;
    bounce.bouncedMessageId = QStringLiteral("reply-1@shop.example");
    bounce.bounceDiagnostic = QStringLiteral("550 5.1.1 <ava@example.net>: mailbox unavailable");
    const auto result = ingest->ingest(bounce);
    EXPECT_EQ(result.outcome, Ingest::Outcome::BounceRecorded);
    EXPECT_EQ(result.conversationId, first.conversationId);
    const auto failed = storage::MessageRepository(ws.db()).find(replyId);
    EXPECT_EQ(failed->delivery, domain::Message::Delivery::Failed);
    EXPECT_TRUE(failed->error.contains(QStringLiteral("mailbox unavailable")));
}

TEST_F(IngestTest, AttachmentsAreStoredOnceByContent)
{
    IncomingMessage m
        = mail(QStringLiteral("att@mail.example"), QStringLiteral("Photos"), QStringLiteral("see attached"));
    const QByteArray photo("\x89PNG fake photo bytes", 21);
    m.attachments.append({ QStringLiteral("box.png"), QStringLiteral("image/png"), photo, {}, false });
    m.attachments.append({ QStringLiteral("box-again.png"), QStringLiteral("image/png"), photo, {}, false });
    const auto result = ingest->ingest(m);
    const auto stored = storage::MessageRepository(ws.db()).find(result.messageId);
    const auto messages = storage::MessageRepository(ws.db()).forConversation(result.conversationId);
    ASSERT_EQ(messages.first().attachments.size(), 2);
    const QString sha = messages.first().attachments.first().sha256;
    EXPECT_EQ(messages.first().attachments.last().sha256, sha);
    QFile file(store->pathOf(sha));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), photo);
}

TEST_F(IngestTest, QuarantineKeepsTheRawBytesAndTheReason)
{
    const QByteArray raw("From: broken\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\n");
    const qint64 id = ingest->quarantine(
        QStringLiteral("email:support@shop.example"), raw, QStringLiteral("MIME nesting deeper than 50 levels"));
    const auto open = storage::QuarantineRepository(ws.db()).open();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open.first().id, id);
    EXPECT_EQ(open.first().reason, QStringLiteral("MIME nesting deeper than 50 levels"));
    QFile file(store->pathOf(open.first().rawSha256));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), raw);
}

TEST_F(IngestTest, FullDiskStoresNothingOfTheMessage)
{
    ingest->ingest(mail(QStringLiteral("ok@mail.example"), QStringLiteral("First"), QStringLiteral("fits")));
    storage::SqlQuery pages(ws.db(), QStringLiteral("PRAGMA page_count"));
    pages.exec();
    ASSERT_TRUE(pages.next());
    const qint64 count = pages.int64(0);
    ws.db().execute(QStringLiteral("PRAGMA max_page_count = ") + QString::number(count));
    IncomingMessage big = mail(QStringLiteral("big@mail.example"), QStringLiteral("Big"), QString(200000, u'x'));
    try {
        ingest->ingest(big);
        FAIL() << "a full disk must be reported";
    } catch (const storage::StorageError &error) {
        EXPECT_EQ(error.kind(), storage::StorageError::Kind::DiskFull);
    }
    ws.db().execute(QStringLiteral("PRAGMA max_page_count = 1073741823"));
    storage::SqlQuery q(
        ws.db(), QStringLiteral("SELECT count(*) FROM messages WHERE external_id LIKE '%big@mail.example'"));
    q.exec();
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.int64(0), 0);
    EXPECT_EQ(ingest->ingest(big).outcome, Ingest::Outcome::Stored); // and it can be stored once there is room
}

} // namespace
