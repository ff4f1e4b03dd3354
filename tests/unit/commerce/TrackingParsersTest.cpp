// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Tracking parsers on payloads written to the providers' documented shapes: the AfterShip and Shippo webhooks and
// the newer fields no kept recording has (country_region, the *_estimated_delivery_date objects, Shippo's substatus);
// the bodies AfterShip and Shippo really sent are pinned in TrackingRecordedPayloadsTest. And every parser on
// malformed, truncated, empty, oversized and unexpected input: a clear error naming the provider and what was wrong,
// never a crash or a made-up status.
#include "QtPrinters.h"
#include "commerce/AfterShipTrackingParser.h"
#include "commerce/CanadaPostTrackingParser.h"
#include "commerce/EasyPostTrackingParser.h"
#include "commerce/FedExTrackingParser.h"
#include "commerce/ShippoTrackingParser.h"
#include "commerce/TrackingPayloadParser.h"
#include "commerce/TrackingTime.h"
#include "commerce/UspsTrackingParser.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace waybill::commerce;
using waybill::domain::TrackingStatus;

namespace {

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

// AfterShip `tracking_update` webhook: {"event", "event_id", "is_tracking_first_tag", "msg": Tracking, "ts"}.
const QByteArray AfterShipWebhook = R"({
  "event": "tracking_update",
  "event_id": "3a8c7d9e-1f2b-4c5d-8e9f-0a1b2c3d4e5f",
  "is_tracking_first_tag": true,
  "msg": {
    "id": "65e6f1c2a1b2c3d4e5f60718",
    "tracking_number": "1Z999AA10123456784",
    "slug": "ups",
    "tag": "OutForDelivery",
    "subtag": "OutForDelivery_001",
    "expected_delivery": "2024-03-08",
    "shipment_delivery_date": null,
    "checkpoints": [
      { "slug": "ups", "checkpoint_time": "2024-03-05T18:20:00-05:00", "city": "Louisville", "state": "KY",
        "zip": "40213", "country_iso3": "USA", "location": "Louisville, KY, 40213, USA",
        "message": "Departed from Facility", "tag": "InTransit", "subtag": "InTransit_007" },
      { "slug": "ups", "checkpoint_time": "2024-03-04T21:05:00-05:00", "city": null, "state": null,
        "country_iso3": null, "location": "Shipper", "message": "Shipper created a label",
        "tag": "InfoReceived", "subtag": "InfoReceived_001" },
      { "slug": "ups", "checkpoint_time": "2024-03-07T08:02:00-08:00", "city": "San Jose", "state": "CA",
        "country_region": "USA", "message": "Out For Delivery Today", "tag": "OutForDelivery",
        "subtag": "OutForDelivery_001" }
    ]
  },
  "ts": 1709827320
})";

// Shippo `track_updated` webhook: {"event", "test", "data": Track}.
const QByteArray ShippoWebhook = R"({
  "event": "track_updated",
  "test": true,
  "data": {
    "carrier": "usps",
    "tracking_number": "9205590164917312751089",
    "eta": "2024-03-08T00:00:00Z",
    "original_eta": "2024-03-07T00:00:00Z",
    "servicelevel": { "token": "usps_priority", "name": "Priority Mail" },
    "metadata": "Order 1042",
    "tracking_status": {
      "status": "DELIVERED",
      "status_details": "Your shipment has been delivered at the destination mailbox.",
      "status_date": "2024-03-08T17:31:00Z",
      "substatus": null,
      "location": { "city": "San Francisco", "state": "CA", "zip": "94103", "country": "US" }
    },
    "tracking_history": [
      { "status": "PRE_TRANSIT", "status_details": "The carrier has received the electronic shipment information.",
        "status_date": "2024-03-05T09:00:00Z", "location": null },
      { "status": "TRANSIT", "status_details": "Your shipment has departed from the origin.",
        "status_date": "2024-03-06T12:00:00Z",
        "location": { "city": "Las Vegas", "state": "NV", "zip": "89101", "country": "US" } },
      { "status": "TRANSIT", "status_details": "Out for delivery",
        "status_date": "2024-03-08T08:00:00Z",
        "substatus": { "code": "out_for_delivery", "text": "Package is out for delivery.", "action_required": false },
        "location": { "city": "San Francisco", "state": "CA", "zip": "94103", "country": "US" } },
      { "status": "DELIVERED", "status_details": "Your shipment has been delivered at the destination mailbox.",
        "status_date": "2024-03-08T17:31:00Z",
        "location": { "city": "San Francisco", "state": "CA", "zip": "94103", "country": "US" } }
    ]
  }
})";

} // namespace

TEST(TrackingParsersTest, AfterShipWebhook)
{
    const TrackingParseResult result = AfterShipTrackingParser::parse(AfterShipWebhook);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    ASSERT_EQ(result.updates.size(), 1);
    const TrackingUpdate &u = result.updates.constFirst();
    EXPECT_EQ(u.provider, QStringLiteral("aftership"));
    EXPECT_EQ(u.carrier, QStringLiteral("ups"));
    EXPECT_EQ(u.trackingNumber, QStringLiteral("1Z999AA10123456784"));
    EXPECT_EQ(u.status, TrackingStatus::OutForDelivery);
    EXPECT_EQ(u.expectedAt, utc("2024-03-08T23:59:59Z"));
    ASSERT_EQ(u.events.size(), 3);
    EXPECT_EQ(u.events.at(0).occurredAt, utc("2024-03-05T02:05:00Z")) << "sorted oldest first, offset applied";
    EXPECT_EQ(u.events.at(0).status, TrackingStatus::PreTransit);
    EXPECT_EQ(u.events.at(0).location, QStringLiteral("Shipper"));
    EXPECT_EQ(u.events.at(1).location, QStringLiteral("Louisville, KY, 40213, USA"));
    EXPECT_EQ(u.events.at(1).message, QStringLiteral("Departed from Facility"));
    EXPECT_EQ(u.events.at(2).occurredAt, utc("2024-03-07T16:02:00Z"));
    EXPECT_EQ(u.events.at(2).status, TrackingStatus::OutForDelivery);
    EXPECT_EQ(u.events.at(2).location, QStringLiteral("San Jose, CA, USA")) << "country_region of newer API versions";
    EXPECT_EQ(TrackingPayloadParser::sniff(AfterShipWebhook), QStringLiteral("aftership"));
}

TEST(TrackingParsersTest, AfterShipApiReplyAndReturnSubtag)
{
    const QByteArray reply = R"({"meta": {"code": 200}, "data": {"tracking": {"tracking_number": "RR123456785GB",
        "slug": "royal-mail", "tag": "Exception", "subtag": "Exception_011",
        "courier_estimated_delivery_date": {"estimated_delivery_date": "2024-05-02"},
        "checkpoints": [{"checkpoint_time": "2024-05-06T10:00:00", "location": "Return Centre",
        "message": "Returned to sender", "tag": "Exception", "subtag": "Exception_011"}]}}})";
    const TrackingParseResult result = AfterShipTrackingParser::parse(reply);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    const TrackingUpdate &u = result.updates.constFirst();
    EXPECT_EQ(u.carrier, QStringLiteral("royal_mail"));
    EXPECT_EQ(u.status, TrackingStatus::ReturnToSender);
    EXPECT_EQ(u.expectedAt, utc("2024-05-02T23:59:59Z"));
    EXPECT_EQ(u.events.constFirst().occurredAt, utc("2024-05-06T10:00:00Z")) << "no offset: wall time as UTC";

    const TrackingParseResult missing = AfterShipTrackingParser::parse(
        R"({"meta": {"code": 4004, "message": "Tracking does not exist.", "type": "NotFound"}, "data": {}})");
    EXPECT_FALSE(missing.ok());
    EXPECT_EQ(missing.error, QStringLiteral("AfterShip: the request failed: Tracking does not exist. (code 4004)."));
}

TEST(TrackingParsersTest, ShippoWebhook)
{
    const TrackingParseResult result = ShippoTrackingParser::parse(ShippoWebhook);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    const TrackingUpdate &u = result.updates.constFirst();
    EXPECT_EQ(u.provider, QStringLiteral("shippo"));
    EXPECT_EQ(u.carrier, QStringLiteral("usps"));
    EXPECT_EQ(u.service, QStringLiteral("Priority Mail"));
    EXPECT_EQ(u.status, TrackingStatus::Delivered);
    EXPECT_EQ(u.expectedAt, utc("2024-03-08T00:00:00Z"));
    EXPECT_EQ(u.deliveredAt, utc("2024-03-08T17:31:00Z"));
    ASSERT_EQ(u.events.size(), 4) << "the current status is the newest history entry, not stored twice";
    EXPECT_EQ(u.events.at(0).status, TrackingStatus::PreTransit);
    EXPECT_EQ(u.events.at(0).location, QString());
    EXPECT_EQ(u.events.at(1).location, QStringLiteral("Las Vegas, NV, 89101, US"));
    EXPECT_EQ(u.events.at(2).status, TrackingStatus::OutForDelivery);
    EXPECT_EQ(u.events.at(3).location, QStringLiteral("San Francisco, CA, 94103, US"));
    EXPECT_EQ(TrackingPayloadParser::sniff(ShippoWebhook), QStringLiteral("shippo"));
    EXPECT_EQ(TrackingPayloadParser::parse(ShippoWebhook).updates.constFirst().events.size(), 4);
}

TEST(TrackingParsersTest, ShippoUnknownTrackAndOtherEvents)
{
    const TrackingParseResult pending = ShippoTrackingParser::parse(
        R"({"carrier": "usps", "tracking_number": "9205590164917312751089", "tracking_status": null,
            "tracking_history": []})");
    EXPECT_FALSE(pending.ok());
    EXPECT_EQ(pending.error,
        QStringLiteral("Shippo: 9205590164917312751089 has no tracking_status yet (the carrier "
                       "has not reported it)."));
    const TrackingParseResult other
        = ShippoTrackingParser::parse(R"({"event": "transaction_created", "test": true, "data": {}})");
    EXPECT_EQ(
        other.error, QStringLiteral("Shippo: the webhook event \"transaction_created\" is not a tracking update."));
    const TrackingParseResult failed = ShippoTrackingParser::parse(R"({"detail": "Invalid token."})");
    EXPECT_EQ(failed.error, QStringLiteral("Shippo: the request failed: Invalid token."));
}

TEST(TrackingParsersTest, EasyPostRecordedWebhookPayloads)
{
    // GET /events/{id}/payloads: each Payload keeps the posted Event as a JSON string.
    const QByteArray payloads = R"({"payloads": [{"object": "Payload", "response_code": 200, "request_body":
        "{\"object\": \"Event\", \"description\": \"tracker.updated\", \"result\": {\"object\": \"Tracker\",
        \"tracking_code\": \"EZ2000000002\", \"status\": \"in_transit\", \"carrier\": \"USPS\",
        \"tracking_details\": [{\"datetime\": \"2024-06-01T10:00:00Z\", \"status\": \"in_transit\",
        \"message\": \"Arrived at facility\", \"tracking_location\": {\"city\": \"DENVER\", \"state\": \"CO\"}}]}}"},
        {"object": "Payload", "request_body": "{not json"}]})";
    const TrackingParseResult result = EasyPostTrackingParser::parse(payloads);
    ASSERT_TRUE(result.ok()) << result.error.toStdString();
    EXPECT_EQ(result.updates.constFirst().trackingNumber, QStringLiteral("EZ2000000002"));
    EXPECT_EQ(result.updates.constFirst().carrier, QStringLiteral("usps"));
    EXPECT_EQ(result.updates.constFirst().events.constFirst().location, QStringLiteral("DENVER, CO"));
    ASSERT_EQ(result.itemErrors.size(), 1);
    EXPECT_TRUE(result.itemErrors.constFirst().startsWith(
        u"EasyPost: a webhook payload's request_body: the payload is not valid JSON ("));
    EXPECT_EQ(EasyPostTrackingParser::parse(R"({"payloads": []})").error,
        QStringLiteral("EasyPost: the list of webhook payloads is empty."));
}

TEST(TrackingParsersTest, MalformedAndTruncatedJsonNamesTheProvider)
{
    const QByteArray truncated = ShippoWebhook.left(ShippoWebhook.size() / 2);
    const TrackingParseResult shippo = ShippoTrackingParser::parse(truncated);
    EXPECT_FALSE(shippo.ok());
    EXPECT_TRUE(shippo.updates.isEmpty());
    EXPECT_TRUE(shippo.error.startsWith(u"Shippo: the payload is not valid JSON (")) << shippo.error.toStdString();

    const TrackingParseResult aftership = AfterShipTrackingParser::parse(AfterShipWebhook.left(300));
    EXPECT_TRUE(aftership.error.startsWith(u"AfterShip: the payload is not valid JSON ("))
        << aftership.error.toStdString();

    const TrackingParseResult easypost = EasyPostTrackingParser::parse("{\"object\": \"Tracker\", ");
    EXPECT_TRUE(easypost.error.startsWith(u"EasyPost: the payload is not valid JSON ("))
        << easypost.error.toStdString();

    EXPECT_EQ(EasyPostTrackingParser::parse("").error, QStringLiteral("EasyPost: the payload is empty."));
    EXPECT_EQ(EasyPostTrackingParser::parse("[1, 2]").error,
        QStringLiteral("EasyPost: the payload is JSON but not an object."));
    const QByteArray huge = "{\"x\": \"" + QByteArray(5 * 1024 * 1024, 'a') + "\"}";
    EXPECT_EQ(
        AfterShipTrackingParser::parse(huge).error, QStringLiteral("AfterShip: the payload is larger than 4 MB."));
    const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    EXPECT_FALSE(ShippoTrackingParser::parse(deep).ok());
}

TEST(TrackingParsersTest, UnexpectedFieldsNameWhatWasWrong)
{
    EXPECT_EQ(EasyPostTrackingParser::parse(R"({"object": "Tracker", "tracking_code": "EZ1", "status": 3})").error,
        QStringLiteral("EasyPost: the tracker for EZ1 has no status."));
    EXPECT_EQ(EasyPostTrackingParser::parse(
                  R"({"object": "Tracker", "tracking_code": "EZ1", "status": "in_transit", "tracking_details": {}})")
                  .error,
        QStringLiteral("EasyPost: tracking_details of EZ1 is not a list."));
    EXPECT_EQ(EasyPostTrackingParser::parse(R"({"object": "Tracker", "tracking_code": "EZ1", "status": "in_transit",
        "tracking_details": [{"datetime": "yesterday", "status": "in_transit"}]})")
                  .error,
        QStringLiteral("EasyPost: a tracking detail of EZ1 has no readable datetime (\"yesterday\")."));
    EXPECT_EQ(EasyPostTrackingParser::parse(R"({"object": "Event", "description": "batch.updated", "result":
        {"object": "Batch"}})")
                  .error,
        QStringLiteral("EasyPost: the event \"batch.updated\" is not about a tracker."));
    EXPECT_EQ(AfterShipTrackingParser::parse(R"({"msg": {"tracking_number": "X1", "tag": "InTransit",
        "checkpoints": "none"}})")
                  .error,
        QStringLiteral("AfterShip: checkpoints of X1 is not a list."));
    EXPECT_EQ(AfterShipTrackingParser::parse(R"({"msg": {"tracking_number": "X1"}})").error,
        QStringLiteral("AfterShip: the tracking of X1 has no tag (status)."));
    EXPECT_EQ(ShippoTrackingParser::parse(R"({"tracking_number": "X1", "tracking_status": {"status": "TRANSIT",
        "status_date": "2024-03-06T12:00:00Z"}, "tracking_history": [{"status": "TRANSIT"}]})")
                  .error,
        QStringLiteral("Shippo: an entry of tracking_history of X1 has no readable status_date."));
}

TEST(TrackingParsersTest, MalformedAndTruncatedXmlNamesTheCarrier)
{
    const QByteArray fedex = R"(<?xml version="1.0"?><TrackReply xmlns="http://fedex.com/ws/track/v7">
        <HighestSeverity>SUCCESS</HighestSeverity><CompletedTrackDetails><TrackDetails>)";
    const TrackingParseResult f = FedExTrackingParser::parse(fedex);
    EXPECT_FALSE(f.ok());
    EXPECT_TRUE(f.error.startsWith(u"FedEx: the XML is malformed (")) << f.error.toStdString();
    const TrackingParseResult u = UspsTrackingParser::parse("<TrackResponse><TrackInfo ID=\"1\"><Event>x</Trac");
    EXPECT_TRUE(u.error.startsWith(u"USPS: the XML is malformed (")) << u.error.toStdString();
    const TrackingParseResult c = CanadaPostTrackingParser::parse("not xml at all");
    EXPECT_TRUE(c.error.startsWith(u"Canada Post: the XML is malformed (")) << c.error.toStdString();
    EXPECT_EQ(CanadaPostTrackingParser::parse("").error, QStringLiteral("Canada Post: the reply is empty."));
    EXPECT_EQ(FedExTrackingParser::parse("<TrackResponse/>").error,
        QStringLiteral("FedEx: the reply is not a TrackReply (found <TrackResponse>)."));
    EXPECT_EQ(UspsTrackingParser::parse("<TrackReply/>").error,
        QStringLiteral("USPS: the reply is not a TrackResponse (found <TrackReply>)."));
    QByteArray deep;
    for (int i = 0; i < 100; ++i) {
        deep += "<a>";
    }
    EXPECT_EQ(UspsTrackingParser::parse(deep).error,
        QStringLiteral("USPS: the XML reply is nested deeper than 64 elements."));
    // Entity expansion ("billion laughs") is refused by the reader, not expanded.
    const QByteArray laughs = R"(<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">
        <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
        <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
        <TrackResponse><TrackInfo ID="1"><Error><Description>&e;&e;&e;&e;&e;</Description></Error></TrackInfo></TrackResponse>)";
    const TrackingParseResult l = UspsTrackingParser::parse(laughs);
    EXPECT_FALSE(l.ok());
    EXPECT_TRUE(l.error.startsWith(u"USPS: ")) << l.error.toStdString();
}

TEST(TrackingParsersTest, DispatcherRecognisesProvidersAndRefusesStrangers)
{
    EXPECT_EQ(TrackingPayloadParser::sniff("<TrackReply/>"), QStringLiteral("fedex"));
    EXPECT_EQ(TrackingPayloadParser::sniff("<Error><Number>1</Number></Error>"), QStringLiteral("usps"));
    EXPECT_EQ(TrackingPayloadParser::sniff("<tracking-detail/>"), QStringLiteral("canada_post"));
    EXPECT_EQ(TrackingPayloadParser::sniff(R"({"object": "Event"})"), QStringLiteral("easypost"));
    EXPECT_EQ(TrackingPayloadParser::sniff(R"({"hello": 1})"), QString());
    const QString unrecognised = QStringLiteral("The tracking update was not recognised as coming from EasyPost, "
                                                "AfterShip, Shippo, FedEx, USPS or Canada Post.");
    EXPECT_EQ(TrackingPayloadParser::parse(R"({"hello": 1})").error, unrecognised);
    EXPECT_EQ(TrackingPayloadParser::parse("<html><body>502 Bad Gateway</body></html>").error, unrecognised);
    EXPECT_EQ(TrackingPayloadParser::parse("   ").error, QStringLiteral("The tracking update is empty."));
    EXPECT_TRUE(TrackingPayloadParser::parse("{\"msg\": ")
                    .error.startsWith(u"The tracking update could not be read: the payload is not valid JSON ("));
    EXPECT_EQ(TrackingPayloadParser::parse(AfterShipWebhook, QStringLiteral("shippo")).error,
        QStringLiteral("Shippo: the webhook event \"tracking_update\" is not a tracking update."))
        << "the caller's provider is trusted";
    EXPECT_EQ(TrackingPayloadParser::parse("{}", QStringLiteral("dhl")).error, unrecognised);
}

TEST(TrackingParsersTest, Times)
{
    EXPECT_EQ(TrackingTime::fromIso8601(QStringLiteral("2014-11-21T14:24:00Z")), utc("2014-11-21T14:24:00Z"));
    EXPECT_EQ(TrackingTime::fromIso8601(QStringLiteral("2014-11-18T18:13:00+11:00")), utc("2014-11-18T07:13:00Z"));
    EXPECT_EQ(TrackingTime::fromIso8601(QStringLiteral("2014-11-18T00:00:00.000-0500")), utc("2014-11-18T05:00:00Z"));
    EXPECT_EQ(TrackingTime::fromIso8601(QStringLiteral("2015-04-24 02:08:04")), utc("2015-04-24T02:08:04Z"));
    EXPECT_EQ(TrackingTime::fromIso8601(QStringLiteral("2015-04-28"), true), utc("2015-04-28T23:59:59Z"));
    EXPECT_EQ(TrackingTime::fromIso8601(QStringLiteral("2015-02-30")), 0);
    EXPECT_EQ(TrackingTime::fromIso8601(QStringLiteral("tomorrow")), 0);
    EXPECT_EQ(TrackingTime::fromUspsDateTime(QStringLiteral("April 28, 2015"), QStringLiteral("9:01 am")),
        utc("2015-04-28T09:01:00Z"));
    EXPECT_EQ(TrackingTime::fromUspsDateTime(QStringLiteral("April 28, 2015"), QStringLiteral("12:15 pm")),
        utc("2015-04-28T12:15:00Z"));
    EXPECT_EQ(TrackingTime::fromUspsDateTime(QStringLiteral("April 28, 2015"), QStringLiteral("12:15 am")),
        utc("2015-04-28T00:15:00Z"));
    EXPECT_EQ(
        TrackingTime::fromCanadaPost(QStringLiteral("2011-02-03"), QStringLiteral("11:59:59"), QStringLiteral("EST")),
        utc("2011-02-03T16:59:59Z"));
    EXPECT_EQ(
        TrackingTime::fromCanadaPost(QStringLiteral("2011-07-03"), QStringLiteral("08:00:00"), QStringLiteral("HAE")),
        utc("2011-07-03T12:00:00Z"));
}
