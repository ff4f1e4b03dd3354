// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The AfterShip and Shippo parsers on bodies the providers really sent, kept in tests/data/third_party (each folder's
// SOURCE.md says where from): AfterShip's GET /v4/trackings list (pyaftership's get_trackings.json: a delivered FedEx
// parcel with eleven checkpoints and two Expired trackings without any) and its 401 body, and Shippo's
// GET /v1/tracks/usps/9205590164917337534322 answer (decoded from shippo-python-client's vcrpy cassette). Every
// number, status, time (with the offsets the providers printed), place and message an agent would see is pinned.
#include "QtPrinters.h"
#include "commerce/AfterShipTrackingParser.h"
#include "commerce/ShippoTrackingParser.h"
#include "commerce/TrackingPayloadParser.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace waybill::commerce;
using waybill::domain::TrackingStatus;

namespace {

const QString AfterShipDir = QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/pyaftership/tests/fixtures/");
const QString ShippoTrack = QStringLiteral(WAYBILL_TEST_DATA_DIR
    "/third_party/shippo-python-client/shippo/test/fixtures/track/track-usps-9205590164917337534322.json");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

QByteArray recorded(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

/// get_trackings.json with data.trackings replaced by `trackings`, the rest of the recorded reply unchanged.
QByteArray withTrackings(const QJsonValue &trackings)
{
    QJsonObject root = QJsonDocument::fromJson(recorded(AfterShipDir + QStringLiteral("get_trackings.json"))).object();
    QJsonObject data = root.value(QStringLiteral("data")).toObject();
    data.insert(QStringLiteral("trackings"), trackings);
    root.insert(QStringLiteral("data"), data);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace

TEST(TrackingRecordedPayloadsTest, AfterShipTrackingListGivesOneUpdatePerTracking)
{
    const QByteArray body = recorded(AfterShipDir + QStringLiteral("get_trackings.json"));
    ASSERT_EQ(body.size(), 17621);
    const TrackingParseResult result = AfterShipTrackingParser::parse(body);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.provider, QStringLiteral("AfterShip"));
    EXPECT_TRUE(result.itemErrors.isEmpty()) << result.itemErrors.join(u'\n').toStdString();
    ASSERT_EQ(result.updates.size(), 3);

    const TrackingUpdate &fedex = result.updates.at(0);
    EXPECT_EQ(fedex.provider, QStringLiteral("aftership"));
    EXPECT_EQ(fedex.trackingNumber, QStringLiteral("1111111111111"));
    EXPECT_EQ(fedex.carrier, QStringLiteral("fedex"));
    EXPECT_EQ(fedex.service, QStringLiteral("FedEx Home Delivery"));
    EXPECT_EQ(fedex.status, TrackingStatus::Delivered);
    EXPECT_EQ(fedex.statusText, QStringLiteral("Delivered"));
    EXPECT_EQ(fedex.expectedAt, 0) << "expected_delivery is null";
    // shipment_delivery_date "2018-08-01T17:19:47" has no offset: read as UTC, it is the delivered checkpoint's
    // 13:19:47-04:00.
    EXPECT_EQ(fedex.deliveredAt, utc("2018-08-01T17:19:47Z"));
    ASSERT_EQ(fedex.events.size(), 11);
    for (qsizetype i = 1; i < fedex.events.size(); ++i) {
        EXPECT_LE(fedex.events.at(i - 1).occurredAt, fedex.events.at(i).occurredAt) << "oldest first, at " << i;
    }

    const auto &info = fedex.events.at(0);
    EXPECT_EQ(info.occurredAt, utc("2018-07-31T14:33:00Z")) << "2018-07-31T10:33:00-04:00";
    EXPECT_EQ(info.status, TrackingStatus::PreTransit) << "InfoReceived";
    EXPECT_EQ(info.location, QString()) << "city, state, zip, country and location are all null";
    EXPECT_EQ(info.message, QStringLiteral("Shipment information sent to FedEx"));

    const auto &pickedUp = fedex.events.at(1);
    EXPECT_EQ(pickedUp.occurredAt, utc("2018-07-31T20:47:00Z")) << "2018-07-31T16:47:00-04:00";
    EXPECT_EQ(pickedUp.status, TrackingStatus::InTransit);
    EXPECT_EQ(pickedUp.location, QStringLiteral("BROOKLYN, NY"));
    EXPECT_EQ(pickedUp.message, QStringLiteral("Picked up"));

    const auto &exception = fedex.events.at(4);
    EXPECT_EQ(exception.occurredAt, utc("2018-08-01T04:13:04Z")) << "2018-08-01T00:13:04-04:00";
    EXPECT_EQ(exception.status, TrackingStatus::Exception) << "Exception_001";
    EXPECT_EQ(exception.location, QStringLiteral("KEASBEY, NJ"));
    EXPECT_EQ(exception.message, QStringLiteral("Shipment exception - Barcode label unreadable and replaced"));

    const auto &departed = fedex.events.at(6);
    EXPECT_EQ(departed.occurredAt, utc("2018-08-01T08:30:14Z")) << "2018-08-01T04:30:14-04:00";
    EXPECT_EQ(departed.status, TrackingStatus::InTransit) << "the parcel moved on after the exception";
    EXPECT_EQ(departed.message, QStringLiteral("Departed FedEx location"));

    const auto &outForDelivery = fedex.events.at(9);
    EXPECT_EQ(outForDelivery.occurredAt, utc("2018-08-01T10:41:00Z")) << "2018-08-01T06:41:00-04:00";
    EXPECT_EQ(outForDelivery.status, TrackingStatus::OutForDelivery);
    EXPECT_EQ(outForDelivery.location, QStringLiteral("DAYTON, NJ"));
    EXPECT_EQ(outForDelivery.message, QStringLiteral("On FedEx vehicle for delivery"));

    const auto &delivered = fedex.events.at(10);
    EXPECT_EQ(delivered.occurredAt, utc("2018-08-01T17:19:47Z")) << "2018-08-01T13:19:47-04:00";
    EXPECT_EQ(delivered.status, TrackingStatus::Delivered);
    EXPECT_EQ(delivered.location, QStringLiteral("Deal, NJ"));
    EXPECT_EQ(delivered.message, QStringLiteral("Delivered - Left at front door. Signature Service not requested."));

    int inTransit = 0;
    for (const auto &event : fedex.events) {
        inTransit += event.status == TrackingStatus::InTransit ? 1 : 0;
    }
    EXPECT_EQ(inTransit, 7);

    // The two Expired trackings: AfterShip gave up on them; nothing is known about where they are.
    const TrackingUpdate &ups = result.updates.at(1);
    EXPECT_EQ(ups.trackingNumber, QStringLiteral("2222222222222"));
    EXPECT_EQ(ups.carrier, QStringLiteral("ups"));
    const TrackingUpdate &usps = result.updates.at(2);
    EXPECT_EQ(usps.trackingNumber, QStringLiteral("1231231231231"));
    EXPECT_EQ(usps.carrier, QStringLiteral("usps"));
    for (const TrackingUpdate &expired : { ups, usps }) {
        EXPECT_EQ(expired.provider, QStringLiteral("aftership"));
        EXPECT_EQ(expired.status, TrackingStatus::Unknown) << expired.trackingNumber.toStdString();
        EXPECT_EQ(expired.statusText, QStringLiteral("Expired"));
        EXPECT_TRUE(expired.events.isEmpty());
        EXPECT_EQ(expired.service, QString());
        EXPECT_EQ(expired.expectedAt, 0);
        EXPECT_EQ(expired.deliveredAt, 0);
    }

    EXPECT_EQ(TrackingPayloadParser::sniff(body), QStringLiteral("aftership"));
    EXPECT_EQ(TrackingPayloadParser::parse(body).updates.size(), 3) << "through the dispatcher, unnamed";
}

TEST(TrackingRecordedPayloadsTest, AfterShipInvalidKeyBodyIsAClearError)
{
    const QByteArray body = recorded(AfterShipDir + QStringLiteral("error_invalid_api_key.json"));
    ASSERT_FALSE(body.isEmpty());
    const TrackingParseResult result = AfterShipTrackingParser::parse(body);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.updates.isEmpty());
    EXPECT_EQ(result.error, QStringLiteral("AfterShip: the request failed: Invalid API Key. (code 401)."));
    EXPECT_EQ(TrackingPayloadParser::parse(body, QStringLiteral("aftership")).error, result.error);
}

TEST(TrackingRecordedPayloadsTest, AfterShipListKeepsReadableTrackingsAndNamesTheOthers)
{
    EXPECT_EQ(AfterShipTrackingParser::parse(withTrackings(QJsonArray())).error,
        QStringLiteral("AfterShip: the list of trackings is empty."));
    EXPECT_EQ(AfterShipTrackingParser::parse(withTrackings(QStringLiteral("none"))).error,
        QStringLiteral("AfterShip: data.trackings is not a list."));

    // The recorded FedEx tracking between a number and a tracking without its tag.
    const QJsonObject fedex = QJsonDocument::fromJson(recorded(AfterShipDir + QStringLiteral("get_trackings.json")))
                                  .object()
                                  .value(QStringLiteral("data"))
                                  .toObject()
                                  .value(QStringLiteral("trackings"))
                                  .toArray()
                                  .at(0)
                                  .toObject();
    ASSERT_FALSE(fedex.isEmpty());
    QJsonObject untagged = fedex;
    untagged.insert(QStringLiteral("tracking_number"), QStringLiteral("3333333333333"));
    untagged.remove(QStringLiteral("tag"));
    const TrackingParseResult mixed = AfterShipTrackingParser::parse(withTrackings(QJsonArray { 42, fedex, untagged }));
    ASSERT_TRUE(mixed.ok()) << mixed.error.toStdString();
    ASSERT_EQ(mixed.updates.size(), 1);
    EXPECT_EQ(mixed.updates.at(0).trackingNumber, QStringLiteral("1111111111111"));
    EXPECT_EQ(mixed.itemErrors,
        QStringList({ QStringLiteral("AfterShip: tracking 1 of 3 in the list is not an object."),
            QStringLiteral("AfterShip: the tracking of 3333333333333 has no tag (status).") }));

    EXPECT_EQ(AfterShipTrackingParser::parse(withTrackings(QJsonArray { untagged })).error,
        QStringLiteral("AfterShip: the tracking of 3333333333333 has no tag (status)."))
        << "a single unreadable tracking is the error";
}

TEST(TrackingRecordedPayloadsTest, ShippoRecordedUspsTrackIsDeliveredWithItsHistory)
{
    const QByteArray body = recorded(ShippoTrack);
    ASSERT_EQ(body.size(), 4164);
    const TrackingParseResult result = ShippoTrackingParser::parse(body);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.provider, QStringLiteral("Shippo"));
    ASSERT_EQ(result.updates.size(), 1);
    const TrackingUpdate &u = result.updates.constFirst();
    EXPECT_EQ(u.provider, QStringLiteral("shippo"));
    EXPECT_EQ(u.trackingNumber, QStringLiteral("9205590164917337534322"));
    EXPECT_EQ(u.carrier, QStringLiteral("usps"));
    EXPECT_EQ(u.service, QStringLiteral("Priority Mail"));
    EXPECT_EQ(u.status, TrackingStatus::Delivered);
    EXPECT_EQ(u.statusText, QStringLiteral("DELIVERED"));
    EXPECT_EQ(u.expectedAt, utc("2016-12-08T00:00:00Z")) << "eta carries a time: not moved to the end of the day";
    EXPECT_EQ(u.deliveredAt, utc("2016-12-08T15:19:00Z"));
    ASSERT_EQ(u.events.size(), 11) << "tracking_status repeats the newest history entry and is not added again";

    EXPECT_EQ(u.events.at(0).occurredAt, utc("2016-12-07T00:00:00Z"));
    EXPECT_EQ(u.events.at(0).status, TrackingStatus::Unknown) << "Shippo said UNKNOWN";
    EXPECT_EQ(u.events.at(0).location, QString()) << "location is null";
    EXPECT_EQ(u.events.at(0).message,
        QStringLiteral("The USPS has received the electronic shipment information and is awaiting the item."));
    EXPECT_EQ(u.events.at(1).occurredAt, utc("2016-12-07T02:00:00Z"));
    EXPECT_EQ(u.events.at(1).location, QStringLiteral("San Francisco, CA, 94103, US"));

    EXPECT_EQ(u.events.at(2).occurredAt, utc("2016-12-07T19:04:00Z"));
    EXPECT_EQ(u.events.at(2).status, TrackingStatus::InTransit);
    EXPECT_EQ(u.events.at(2).message, QStringLiteral("Your shipment has been accepted at the USPS origin facility."));
    EXPECT_EQ(u.events.at(5).location, QStringLiteral("Oakland, CA, 94615, US"));
    EXPECT_EQ(u.events.at(5).message, QStringLiteral("Your shipment has arrived at the USPS facility."));

    // Recorded before Shippo sent substatus: "out for delivery" is only in the words of a TRANSIT entry.
    EXPECT_EQ(u.events.at(9).occurredAt, utc("2016-12-08T10:29:00Z"));
    EXPECT_EQ(u.events.at(9).status, TrackingStatus::InTransit);
    EXPECT_EQ(u.events.at(9).message, QStringLiteral("Your shipment is out for delivery."));

    const auto &delivered = u.events.at(10);
    EXPECT_EQ(delivered.occurredAt, utc("2016-12-08T15:19:00Z"));
    EXPECT_EQ(delivered.status, TrackingStatus::Delivered);
    EXPECT_EQ(delivered.location, QStringLiteral("Berkeley, CA, 94705, US"));
    EXPECT_EQ(delivered.message, QStringLiteral("Your shipment has been delivered at the destination mailbox."));

    EXPECT_EQ(TrackingPayloadParser::sniff(body), QStringLiteral("shippo"));
    EXPECT_EQ(TrackingPayloadParser::parse(body).updates.constFirst().events.size(), 11);
}
