// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Tracking updates applied to stored shipments: status, expected and delivery time, events stored once even when
// the same webhook arrives again, late (older) updates that must not move the status back, and the tracking chip
// of the conversations linked to the order. Payloads are the recorded EasyPost and FedEx fixtures.
#include "QtPrinters.h"
#include "TestWorkspace.h"
#include "commerce/TrackingPayloadParser.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TrackingRepository.h"
#include "storage/TransactionGuard.h"
#include "storage/ViewCounterRepository.h"

#include <QDateTime>
#include <QFile>

#include <gtest/gtest.h>

using namespace waybill;
using domain::TrackingStatus;

namespace {

constexpr qint64 Now = 1772000000;
constexpr qint64 Day = 86400;
const QString DataDir = QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

QByteArray fixture(const QString &path)
{
    QFile file(DataDir + path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

commerce::TrackingUpdate parsed(const QString &path)
{
    const commerce::TrackingParseResult result = commerce::TrackingPayloadParser::parse(fixture(path));
    EXPECT_TRUE(result.ok()) << result.error.toStdString();
    return result.updates.isEmpty() ? commerce::TrackingUpdate() : result.updates.constFirst();
}

class TrackingRepositoryTest : public ::testing::Test {
protected:
    const storage::Database &db() { return workspace.db(); }

    void SetUp() override
    {
        const qint64 customerId
            = storage::CustomerRepository(db()).insert({ 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"),
                Now - 100 * Day, { { 0, QStringLiteral("email"), QStringLiteral("olivia@example.net") } } });
        orderId = storage::OrderRepository(db()).insert({ 0, QStringLiteral("shopify"), QStringLiteral("#1042"),
            customerId, Now - 10 * Day, QStringLiteral("USD"), 2000, 599, 160, 2759, QStringLiteral("paid"), {} });
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("ups");
        shipment.trackingNumber = QStringLiteral("EZ4000000004");
        shipment.status = TrackingStatus::InTransit;
        shipment.shippedAt = Now - 9 * Day;
        shipment.expectedAt = Now - 2 * Day; // late
        shipmentId = storage::OrderRepository(db()).insertShipment(shipment);
        for (int i = 0; i < 2; ++i) {
            domain::ConversationSummary c;
            c.channel = domain::Channel::Email;
            c.subject = QStringLiteral("Where is my order #1042?");
            c.customerId = customerId;
            c.customerName = QStringLiteral("Olivia Harper");
            c.orderId = orderId;
            c.createdAt = Now - Day;
            c.lastActivity = Now - 3600;
            conversationIds << storage::ConversationRepository(db()).insert(c);
        }
        storage::TransactionGuard transaction(db());
        for (const qint64 id : std::as_const(conversationIds)) {
            storage::ConversationRepository(db()).refreshOrderSnapshot(id, Now);
        }
        transaction.commit();
    }

    int eventCount()
    {
        storage::SqlQuery q(db(), QStringLiteral("SELECT count(*) FROM tracking_events WHERE shipment_id = ?"));
        q.bind(shipmentId).exec();
        q.next();
        return int(q.int64(0));
    }

    domain::Shipment shipment()
    {
        const QList<domain::Shipment> shipments = storage::OrderRepository(db()).shipments(orderId);
        EXPECT_EQ(shipments.size(), 1);
        return shipments.isEmpty() ? domain::Shipment() : shipments.constFirst();
    }

    domain::ConversationSummary conversation(int i)
    {
        return storage::ConversationRepository(db())
            .find(conversationIds.at(i))
            .value_or(domain::ConversationSummary());
    }

    waybill::testing::TestWorkspace workspace;
    qint64 orderId = 0;
    qint64 shipmentId = 0;
    QList<qint64> conversationIds;
};

} // namespace

TEST_F(TrackingRepositoryTest, WebhookUpdatesTheShipmentAndTheConversationChips)
{
    ASSERT_EQ(conversation(0).trackingStatus, QStringLiteral("in_transit"));
    ASSERT_TRUE(conversation(0).deliveryProblem) << "late before the update";
    const int versionBefore = conversation(0).version;

    const commerce::TrackingUpdate update
        = parsed(QStringLiteral("easypost-examples/official/guides/tracking-guide/json/tracking-webhook.json"));
    const QList<storage::TrackingApplyResult> results = storage::TrackingRepository(db()).applyToNumber(update, Now);
    ASSERT_EQ(results.size(), 1);
    const storage::TrackingApplyResult &applied = results.constFirst();
    EXPECT_EQ(applied.shipmentId, shipmentId);
    EXPECT_EQ(applied.newEvents, 6);
    EXPECT_TRUE(applied.statusChanged);
    EXPECT_TRUE(applied.expectedChanged);
    EXPECT_EQ(applied.status, TrackingStatus::Delivered);
    EXPECT_EQ(applied.conversations, conversationIds);

    const domain::Shipment s = shipment();
    EXPECT_EQ(s.status, TrackingStatus::Delivered);
    EXPECT_EQ(s.expectedAt, utc("2014-11-27T00:00:00Z"));
    EXPECT_EQ(s.deliveredAt, utc("2014-11-19T10:51:54Z"));
    ASSERT_EQ(s.events.size(), 6);
    EXPECT_EQ(s.events.at(1).message, QStringLiteral("BILLING INFORMATION RECEIVED"));
    EXPECT_EQ(s.events.at(2).location, QStringLiteral("SOUTH SAN FRANCISCO, CA, US"));
    EXPECT_EQ(s.events.constLast().status, TrackingStatus::OutForDelivery);

    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(conversation(i).trackingStatus, QStringLiteral("delivered"));
        EXPECT_FALSE(conversation(i).deliveryProblem) << "delivered is not late";
    }
    EXPECT_GT(conversation(0).version, versionBefore);
}

TEST_F(TrackingRepositoryTest, RedeliveredWebhookStoresNothingTwice)
{
    const QByteArray body
        = fixture(QStringLiteral("easypost-examples/official/guides/tracking-guide/json/tracking-webhook.json"));
    const commerce::TrackingUpdate update = commerce::TrackingPayloadParser::parse(body).updates.constFirst();
    const storage::TrackingRepository tracking(db());
    tracking.applyToNumber(update, Now);
    ASSERT_EQ(eventCount(), 6);
    const int version = conversation(0).version;

    for (int i = 0; i < 3; ++i) {
        const auto again
            = tracking.applyToNumber(commerce::TrackingPayloadParser::parse(body).updates.constFirst(), Now + i);
        ASSERT_EQ(again.size(), 1);
        EXPECT_EQ(again.constFirst().newEvents, 0);
        EXPECT_FALSE(again.constFirst().changed());
        EXPECT_TRUE(again.constFirst().conversations.isEmpty());
    }
    EXPECT_EQ(eventCount(), 6);
    EXPECT_EQ(conversation(0).version, version) << "an unchanged update does not touch the conversation";
    EXPECT_EQ(shipment().status, TrackingStatus::Delivered);

    // The same events twice inside one payload are stored once as well.
    commerce::TrackingUpdate doubled = update;
    doubled.events += update.events;
    EXPECT_EQ(tracking.apply(shipmentId, doubled, Now).newEvents, 0);
    EXPECT_EQ(eventCount(), 6);
}

TEST_F(TrackingRepositoryTest, EventsAtTheSameTimeWithOtherWordsAreKeptAndARepeatedReplyAddsNothing)
{
    domain::Shipment parcel;
    parcel.orderId = orderId;
    parcel.carrier = QStringLiteral("canada_post");
    parcel.trackingNumber = QStringLiteral("1371134583769923");
    const qint64 id = storage::OrderRepository(db()).insertShipment(parcel);
    const commerce::TrackingUpdate update
        = parsed(QStringLiteral("active-shipping/test/fixtures/xml/canadapost_pws/tracking_details_en.xml"));
    ASSERT_EQ(update.events.size(), 10);
    // Canada Post records the signature image and the delivery at the same second.
    ASSERT_EQ(update.events.at(8).occurredAt, update.events.at(9).occurredAt);

    const storage::TrackingRepository tracking(db());
    EXPECT_EQ(tracking.apply(id, update, Now).newEvents, 10);
    const storage::TrackingApplyResult again = tracking.apply(id, update, Now + 60);
    EXPECT_EQ(again.newEvents, 0);
    EXPECT_FALSE(again.changed());
    const QList<domain::Shipment> shipments = storage::OrderRepository(db()).shipments(orderId);
    ASSERT_EQ(shipments.size(), 2);
    EXPECT_EQ(shipments.at(1).events.size(), 10);
    EXPECT_EQ(shipments.at(1).status, TrackingStatus::Delivered);
    EXPECT_EQ(shipments.at(1).deliveredAt, utc("2011-02-03T16:59:59Z"));
    EXPECT_EQ(shipments.at(1).expectedAt, utc("2011-02-11T23:59:59Z"));
    EXPECT_EQ(shipments.at(1).service, QStringLiteral("Xpresspost"));
    // The newest shipment of the order decides the conversations' chip.
    EXPECT_EQ(conversation(1).trackingStatus, QStringLiteral("delivered"));
}

TEST_F(TrackingRepositoryTest, AnOlderUpdateAddsItsEventsButDoesNotMoveTheStatusBack)
{
    const storage::TrackingRepository tracking(db());
    const commerce::TrackingUpdate delivered
        = parsed(QStringLiteral("easypost-examples/official/guides/tracking-guide/json/tracking-webhook.json"));
    tracking.applyToNumber(delivered, Now);

    commerce::TrackingUpdate older;
    older.provider = QStringLiteral("easypost");
    older.trackingNumber = QStringLiteral("EZ4000000004");
    older.status = TrackingStatus::InTransit;
    older.expectedAt = utc("2014-11-30T00:00:00Z");
    older.events = { delivered.events.at(1),
        { 0, utc("2014-11-22T01:00:00Z"), TrackingStatus::InTransit, QStringLiteral("OAKLAND, CA, US"),
            QStringLiteral("ARRIVAL SCAN") } };
    const storage::TrackingApplyResult result = tracking.apply(shipmentId, older, Now);
    EXPECT_EQ(result.newEvents, 1);
    EXPECT_FALSE(result.statusChanged);
    EXPECT_FALSE(result.expectedChanged);
    EXPECT_EQ(result.status, TrackingStatus::Delivered);
    EXPECT_EQ(shipment().status, TrackingStatus::Delivered);
    EXPECT_EQ(shipment().expectedAt, utc("2014-11-27T00:00:00Z"));
    EXPECT_EQ(eventCount(), 7);
    EXPECT_EQ(conversation(0).trackingStatus, QStringLiteral("delivered"));
}

TEST_F(TrackingRepositoryTest, CarrierExceptionFlagsTheConversation)
{
    // A FedEx reply for the same parcel number: re-point the shipment to the fixture's number first.
    storage::SqlQuery q(
        db(), QStringLiteral("UPDATE shipments SET tracking_number = ?, expected_at = NULL WHERE id = ?"));
    q.bind(QStringLiteral("9577 9401 5041 323")).bind(shipmentId).exec();
    storage::TransactionGuard transaction(db());
    storage::ConversationRepository(db()).refreshOrderSnapshot(conversationIds.at(0), Now);
    transaction.commit();
    ASSERT_FALSE(conversation(0).deliveryProblem);

    const commerce::TrackingUpdate update
        = parsed(QStringLiteral("active-shipping/test/fixtures/xml/fedex/tracking_response_shipment_exception.xml"));
    ASSERT_EQ(update.status, TrackingStatus::Exception);
    const auto results = storage::TrackingRepository(db()).applyToNumber(update, Now);
    ASSERT_EQ(results.size(), 1) << "found by the normalised number";
    EXPECT_EQ(results.constFirst().newEvents, update.events.size());
    EXPECT_EQ(conversation(0).trackingStatus, QStringLiteral("exception"));
    EXPECT_TRUE(conversation(0).deliveryProblem);
    EXPECT_EQ(shipment().deliveredAt, 0);

    // The "Delivery problems" count moves with the chip, in the same transaction.
    const storage::ViewCounterRepository counters(db());
    EXPECT_EQ(counters.counts(0, Now), counters.recount(0, Now));
    EXPECT_EQ(counters.counts(0, Now).value(QStringLiteral("delivery_problems")), 2);
}

TEST_F(TrackingRepositoryTest, UnknownShipmentsAreReportedAndNothingIsStored)
{
    commerce::TrackingUpdate update
        = parsed(QStringLiteral("easypost-examples/official/guides/tracking-guide/json/tracking-webhook.json"));
    update.trackingNumber = QStringLiteral("EZ9999999999");
    try {
        storage::TrackingRepository(db()).applyToNumber(update, Now);
        FAIL() << "expected StorageError";
    } catch (const storage::StorageError &error) {
        EXPECT_EQ(error.kind(), storage::StorageError::Kind::NotFound);
        EXPECT_EQ(error.userMessage(), QStringLiteral("No shipment has the tracking number EZ9999999999."));
    }
    try {
        storage::TrackingRepository(db()).apply(shipmentId + 100, update, Now);
        FAIL() << "expected StorageError";
    } catch (const storage::StorageError &error) {
        EXPECT_EQ(error.kind(), storage::StorageError::Kind::NotFound);
        EXPECT_EQ(error.userMessage(),
            QStringLiteral("The shipment for this tracking update no longer exists; it may have been deleted."));
    }
    EXPECT_EQ(eventCount(), 0);
    EXPECT_EQ(shipment().status, TrackingStatus::InTransit);
}
