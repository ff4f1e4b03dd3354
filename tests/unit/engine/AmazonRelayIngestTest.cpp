// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Amazon buyer-seller messages that reach the seller as relay e-mail (@marketplace.amazon.com) become Amazon
// marketplace conversations with Amazon's 24-hour clock (wall-clock hours, nights and weekends included), linked to
// their order by its 3-7-7 number. No public recording of Amazon's relay mail exists; the mail here is generated in
// the test from the headers such mail carries (the relay address in From and Reply-To, the order in the subject).
#include "TestWorkspace.h"
#include "channels/email/MimeParser.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/OrderRepository.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTimeZone>

#include <gtest/gtest.h>

using namespace waybill;
using channels::email::MimeParser;
using engine::Ingest;

namespace {

constexpr qint64 Hour = 3600;
const QString AmazonOrder = QStringLiteral("114-3941689-8772232");

/// Saturday 2026-02-07 22:40 UTC: outside any business hours, so Amazon's clock and the SLA's differ.
const QDateTime Received(QDate(2026, 2, 7), QTime(22, 40), QTimeZone::utc());

QByteArray relayMail(const QString &messageId, const QString &subject, const QString &body, const QDateTime &date,
    const QString &inReplyTo = {})
{
    QByteArray raw = "From: \"Sam Rivera - Amazon Marketplace\" <3fk9w2m7qz8c5nd@marketplace.amazon.com>\r\n"
                     "Reply-To: 3fk9w2m7qz8c5nd@marketplace.amazon.com\r\n"
                     "To: support@harbor-tea.example\r\n";
    raw += "Date: " + date.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    raw += "Message-ID: <" + messageId.toLatin1() + ">\r\n";
    if (!inReplyTo.isEmpty()) {
        raw += "In-Reply-To: <" + inReplyTo.toLatin1() + ">\r\n";
    }
    raw += "Subject: " + subject.toUtf8() + "\r\n"
        + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
        + "------------- Message: -------------\r\n\r\n" + body.toUtf8()
        + "\r\n\r\n------------- End message -------------\r\n";
    return raw;
}

class AmazonRelayIngestTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<Ingest>(ws.db(), *store, sla, [this] { return now; });
        domain::Order order;
        order.source = QStringLiteral("amazon");
        order.number = AmazonOrder;
        order.placedAt = Received.toSecsSinceEpoch() - 5 * 24 * Hour;
        order.currency = QStringLiteral("USD");
        orderId = storage::OrderRepository(ws.db()).insert(order);
    }

    Ingest::Result receive(const QByteArray &raw, const QString &externalId)
    {
        auto parsed = MimeParser::parse(raw);
        EXPECT_TRUE(parsed.ok()) << parsed.failureReason.toStdString();
        domain::IncomingMessage message = parsed.message.value_or(domain::IncomingMessage {});
        message.account = QStringLiteral("email:support@harbor-tea.example");
        message.externalId = externalId;
        return ingest->ingest(message);
    }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<Ingest> ingest;
    qint64 orderId = 0;
    qint64 now = Received.toSecsSinceEpoch() + 60;
};

} // namespace

TEST_F(AmazonRelayIngestTest, RelayMailBecomesAnAmazonConversationOnAmazonsClock)
{
    const Ingest::Result result
        = receive(relayMail(QStringLiteral("r1@relay.example"),
                      QStringLiteral("Inquiry from Amazon customer Sam Rivera (Order: ") + AmazonOrder + u')',
                      QStringLiteral("The tea tin arrived dented. Can you help?"), Received),
            QStringLiteral("1"));
    ASSERT_EQ(result.outcome, Ingest::Outcome::Stored);
    const auto c = storage::ConversationRepository(ws.db()).find(result.conversationId);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->channel, domain::Channel::Amazon);
    EXPECT_EQ(c->orderId, orderId);
    EXPECT_EQ(c->orderNumber, AmazonOrder);
    EXPECT_TRUE(c->linkReason.contains(QStringLiteral("Amazon order number"))) << c->linkReason.toStdString();
    // 24 hours in all hours: Saturday night's message is due on Sunday night, not after the weekend.
    EXPECT_EQ(c->marketDueAt, Received.toSecsSinceEpoch() + 24 * Hour);
    EXPECT_GT(c->slaDueAt, c->marketDueAt) << "the business-hours SLA runs later over a weekend";
    EXPECT_EQ(c->dueAt, c->marketDueAt); // the earlier of the two clocks orders the queue
}

TEST_F(AmazonRelayIngestTest, TheBuyersNextMessageKeepsTheFirstDeadline)
{
    const QString subject = QStringLiteral("Inquiry from Amazon customer Sam Rivera (Order: ") + AmazonOrder + u')';
    const Ingest::Result first
        = receive(relayMail(QStringLiteral("r1@relay.example"), subject, QStringLiteral("Dented tin."), Received),
            QStringLiteral("1"));
    now += 3 * Hour;
    const Ingest::Result second = receive(
        relayMail(QStringLiteral("r2@relay.example"), QStringLiteral("RE: ") + subject,
            QStringLiteral("Photos are attached now."), Received.addSecs(3 * Hour), QStringLiteral("r1@relay.example")),
        QStringLiteral("2"));
    ASSERT_EQ(second.outcome, Ingest::Outcome::Stored);
    EXPECT_EQ(second.conversationId, first.conversationId);
    const auto c = storage::ConversationRepository(ws.db()).find(first.conversationId);
    EXPECT_EQ(c->marketDueAt, Received.toSecsSinceEpoch() + 24 * Hour);
}

TEST_F(AmazonRelayIngestTest, OrdinaryMailThatMentionsAmazonIsNotAMarketplaceConversation)
{
    QByteArray raw = relayMail(QStringLiteral("o1@mail.example"), QStringLiteral("Question about ") + AmazonOrder,
        QStringLiteral("I bought it on Amazon; your relay address 3fk9w2m7qz8c5nd@marketplace.amazon.com bounced."),
        Received);
    raw.replace(
        "\"Sam Rivera - Amazon Marketplace\" <3fk9w2m7qz8c5nd@marketplace.amazon.com>", "Sam Rivera <sam@example.net>");
    raw.replace("Reply-To: 3fk9w2m7qz8c5nd@marketplace.amazon.com\r\n", "");
    const Ingest::Result result = receive(raw, QStringLiteral("3"));
    const auto c = storage::ConversationRepository(ws.db()).find(result.conversationId);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->channel, domain::Channel::Email);
    EXPECT_EQ(c->marketDueAt, 0);
    EXPECT_EQ(c->orderId, orderId); // still linked by the order number
}
