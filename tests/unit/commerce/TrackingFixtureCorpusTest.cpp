// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Every tracking fixture kept in tests/data/third_party (Shopify/active_shipping carrier XML, EasyPost's
// documentation responses and the response bodies recorded in easypost-python's VCR cassettes) goes through the
// payload dispatcher: none crashes it, each gives parcels with a normalised status or a clear error naming the
// sender. For chosen fixtures a table pins what an agent sees: status, number of events, the first and the last
// event's place and time (UTC), and the expected delivery, or the error sentence.
#include "QtPrinters.h"
#include "commerce/TrackingPayloadParser.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <algorithm>
#include <gtest/gtest.h>

using namespace waybill::commerce;
using waybill::domain::TrackingStatus;
using namespace Qt::StringLiterals;

namespace {

const QString DataDir = QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/");
const QStringList Sources = { QStringLiteral("active-shipping"), QStringLiteral("easypost-examples"),
    QStringLiteral("easypost-python-cassettes") };

struct Payload {
    QString origin; ///< path below third_party/, with " #n" for the n-th response of a cassette
    QByteArray body;
};

/// The response bodies of a VCR cassette: each `string: '…'` scalar, a YAML single-quoted flow scalar whose line
/// breaks fold into spaces (an empty line is a line break) and whose '' is a quote.
QList<QByteArray> cassetteBodies(const QByteArray &yaml)
{
    QList<QByteArray> bodies;
    const QByteArray marker = "string: '";
    qsizetype at = 0;
    while ((at = yaml.indexOf(marker, at)) >= 0) {
        QByteArray body;
        qsizetype i = at + marker.size();
        for (; i < yaml.size(); ++i) {
            const char c = yaml.at(i);
            if (c == '\'') {
                if (i + 1 < yaml.size() && yaml.at(i + 1) == '\'') {
                    body += '\'';
                    ++i;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                while (body.endsWith(' ')) {
                    body.chop(1);
                }
                int breaks = 0;
                while (i + 1 < yaml.size() && (yaml.at(i + 1) == ' ' || yaml.at(i + 1) == '\n')) {
                    breaks += yaml.at(i + 1) == '\n' ? 1 : 0;
                    ++i;
                }
                body += breaks > 0 ? QByteArray(breaks, '\n') : QByteArray(" ");
                continue;
            }
            body += c;
        }
        bodies.append(body);
        at = i;
    }
    return bodies;
}

QList<Payload> corpus(int *fileCount)
{
    QStringList files;
    for (const QString &source : Sources) {
        QDirIterator it(DataDir + source, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = QDir(DataDir).relativeFilePath(it.next());
            if (!relative.endsWith(QLatin1String("/SOURCE.md"))) {
                files.append(relative);
            }
        }
    }
    files.sort();
    *fileCount = int(files.size());
    QList<Payload> payloads;
    for (const QString &relative : std::as_const(files)) {
        QFile file(DataDir + relative);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << relative.toStdString();
        const QByteArray content = file.readAll();
        if (relative.endsWith(QLatin1String(".yaml"))) {
            const QList<QByteArray> bodies = cassetteBodies(content);
            EXPECT_FALSE(bodies.isEmpty()) << relative.toStdString();
            for (qsizetype i = 0; i < bodies.size(); ++i) {
                payloads.append({ relative + QStringLiteral(" #") + QString::number(i + 1), bodies.at(i) });
            }
        } else {
            payloads.append({ relative, content });
        }
    }
    return payloads;
}

struct Expected {
    QString origin; ///< as in corpus(): path below third_party/, " #n" for a cassette response
    QString error; ///< non-empty: the whole error sentence expected
    int updates = 1;
    QString number; ///< of the first parcel
    TrackingStatus status = TrackingStatus::Unknown;
    int events = 0;
    QString firstPlace;
    QString firstAt; ///< ISO 8601 UTC
    QString lastPlace;
    QString lastAt;
    QString expectedAt; ///< empty: none given
};

/// A row for a fixture that must give this error and no parcel.
Expected refused(const QString &origin, const QString &error)
{
    Expected row;
    row.origin = origin;
    row.error = error;
    row.updates = 0;
    return row;
}

const QString Fx = u"active-shipping/test/fixtures/xml/fedex/"_s;
const QString Us = u"active-shipping/test/fixtures/xml/usps/"_s;
const QString Cp = u"active-shipping/test/fixtures/xml/canadapost_pws/"_s;
const QString Ep = u"easypost-examples/official/"_s;
const QString Vcr = u"easypost-python-cassettes/tests/cassettes/"_s;

// clang-format off
const Expected Chosen[] = {
    { Cp + u"tracking_details_en.xml"_s, {}, 1, u"1371134583769923"_s, TrackingStatus::Delivered, 10, u"LACHINE, QC"_s, u"2011-01-31T19:34:57Z"_s, u"SAINTE-FOY, QC"_s, u"2011-02-03T16:59:59Z"_s, u"2011-02-11T23:59:59Z"_s },
    { Cp + u"tracking_details_fr.xml"_s, {}, 1, u"1371134583769923"_s, TrackingStatus::Delivered, 10, u"LACHINE, QC"_s, u"2011-01-31T19:34:57Z"_s, u"SAINTE-FOY, QC"_s, u"2011-02-03T16:59:59Z"_s, u"2011-02-11T23:59:59Z"_s },
    { Cp + u"tracking_details_en_undelivered.xml"_s, {}, 1, u"1371134583769923"_s, TrackingStatus::OutForDelivery, 7, u"LACHINE, QC"_s, u"2011-01-31T19:34:57Z"_s, u"SAINTE-FOY, QC"_s, u"2011-02-03T13:27:43Z"_s, u"2011-02-11T23:59:59Z"_s },
    { Cp + u"dnc_tracking_details_en.xml"_s, {}, 1, u"1680678172650919"_s, TrackingStatus::Delivered, 7, u"MISSISSAUGA, ON"_s, u"2011-01-10T20:00:00Z"_s, u"VANKLEEK HILL, ON"_s, u"2011-01-27T19:02:29Z"_s, u"2011-01-12T23:59:59Z"_s },
    { Cp + u"tracking_details_no_expected_delivery_date.xml"_s, {}, 1, u"8213295707205355"_s, TrackingStatus::PreTransit, 1, u"MAPLE, ON"_s, u"2014-01-27T01:18:06Z"_s, u"MAPLE, ON"_s, u"2014-01-27T01:18:06Z"_s, {} },
    refused(Cp + u"tracking_details_en_error.xml"_s, u"Canada Post: the request failed: No Pin History (code 004)."_s),
    { Fx + u"tracking_response_delivered_at_door.xml"_s, {}, 1, u"403934084723025"_s, TrackingStatus::Delivered, 10, u"CAMBRIDGE, OH, 43725, US"_s, u"2014-01-03T00:00:00Z"_s, u"Spokane, WA, 99206, US"_s, u"2014-01-08T20:53:10Z"_s, {} },
    { Fx + u"tracking_response_delivered_at_facility.xml"_s, {}, 1, u"843119172384577"_s, TrackingStatus::Delivered, 19, u"NASHVILLE, TN, 37207, US"_s, u"2013-12-27T02:59:00Z"_s, u"Berkeley, CA, 94704, US"_s, u"2014-01-09T02:03:00Z"_s, {} },
    { Fx + u"tracking_response_delivered_with_signature.xml"_s, {}, 1, u"449044304137821"_s, TrackingStatus::Delivered, 11, u"JEFFERSONVILLE, IN, 47130, US"_s, u"2013-12-30T18:15:00Z"_s, u"Miami, FL, 33126, US"_s, u"2014-01-02T18:23:29Z"_s, {} },
    { Fx + u"tracking_response_shipment_exception.xml"_s, {}, 1, u"957794015041323"_s, TrackingStatus::Exception, 8, u"13502, US"_s, u"2014-01-27T22:00:00Z"_s, u"FORT WORTH, TX, 76119, US"_s, u"2014-01-28T23:43:08Z"_s, {} },
    { Fx + u"tracking_response_in_transit.xml"_s, {}, 1, u"123456789012"_s, TrackingStatus::InTransit, 1, u"ALEXANDRIA, 2015, AU"_s, u"2014-11-18T07:13:00Z"_s, u"ALEXANDRIA, 2015, AU"_s, u"2014-11-18T07:13:00Z"_s, {} },
    { Fx + u"tracking_response_with_blank_state.xml"_s, {}, 1, u"798701052354"_s, TrackingStatus::Delivered, 1, u"SAITAMA, 34800, JP"_s, u"2014-05-08T19:02:00Z"_s, u"SAITAMA, 34800, JP"_s, u"2014-05-08T19:02:00Z"_s, {} },
    refused(Fx + u"tracking_response_not_found.xml"_s, u"FedEx: tracking number 123456789013: This tracking number cannot be found. Please check the number or contact the sender. (code 9040)."_s),
    refused(Fx + u"tracking_response_bad_tracking_number.xml"_s, u"FedEx: the request failed: Invalid tracking number. (code 5508)."_s),
    refused(Fx + u"tracking_response_multiple_results.xml"_s, u"FedEx: tracking number 123456789012 matches several shipments; FedEx needs the ship date to tell them apart."_s),
    refused(Fx + u"tracking_response_missing_status_code.xml"_s, u"FedEx: tracking number 123456789012 has no status and no scans yet."_s),
    { Us + u"tracking_response.xml"_s, {}, 1, u"9102901000462189604217"_s, TrackingStatus::Delivered, 10, u"ARGYLE, TX, 76226"_s, u"2015-04-24T04:36:00Z"_s, u"HANNA CITY, IL, 61536"_s, u"2015-04-28T14:01:00Z"_s, u"2015-04-28T23:59:59Z"_s },
    { Us + u"tracking_response_batch.xml"_s, {}, 2, u"9102901000462189604217"_s, TrackingStatus::Delivered, 10, u"ARGYLE, TX, 76226"_s, u"2015-04-24T04:36:00Z"_s, u"HANNA CITY, IL, 61536"_s, u"2015-04-28T14:01:00Z"_s, u"2015-04-28T23:59:59Z"_s },
    { Us + u"tracking_response_alt.xml"_s, {}, 1, u"9102901000462189604217"_s, TrackingStatus::Delivered, 2, QString(), u"2015-04-28T08:29:00Z"_s, u"ON, 61536, CANADA"_s, u"2015-04-28T08:29:00Z"_s, {} },
    refused(Us + u"tracking_response_failure.xml"_s, u"USPS: tracking number 9102901000462189604217: The Postal Service could not locate the tracking information for your request. Please verify your tracking number and try again later."_s),
    refused(Us + u"tracking_response_test_error.xml"_s, u"USPS: the request failed: This Information has not been included in this Test Server. (error -2147219040)."_s),
    { Ep + u"guides/tracking-guide/json/tracking-webhook.json"_s, {}, 1, u"EZ4000000004"_s, TrackingStatus::Delivered, 6, u"SAN FRANCISCO, CA, US"_s, u"2014-11-19T10:51:54Z"_s, u"SAN FRANCISCO, CA, US"_s, u"2014-11-24T08:10:00Z"_s, u"2014-11-27T00:00:00Z"_s },
    { Ep + u"landing_pages/tracking_webhooks/tracking_webhook_response.json"_s, {}, 1, u"EZ4000000004"_s, TrackingStatus::Delivered, 6, QString(), u"2014-08-21T14:24:00Z"_s, u"SAN FRANCISCO, CA, US"_s, u"2014-08-24T15:33:00Z"_s, u"2014-08-27T00:00:00Z"_s },
    { Ep + u"fixtures/event-body.json"_s, {}, 1, u"1"_s, TrackingStatus::InTransit, 7, u"32837, US"_s, u"2024-07-31T15:00:00Z"_s, u"EDISON, NJ, 08817, US"_s, u"2024-08-02T18:50:00Z"_s, u"2024-08-05T00:00:00Z"_s },
    { Ep + u"docs/responses/trackers/trackers-retrieve.json"_s, {}, 1, u"EZ1000000001"_s, TrackingStatus::PreTransit, 2, QString(), u"2025-04-09T20:40:17Z"_s, u"HOUSTON, TX, 77063"_s, u"2025-04-10T09:17:17Z"_s, u"2025-05-09T20:40:17Z"_s },
    { Ep + u"landing_pages/built_for_developers/create_tracker_response.json"_s, {}, 1, u"EZ1000000001"_s, TrackingStatus::Delivered, 3, QString(), u"2014-07-19T03:12:00Z"_s, QString(), u"2014-07-22T10:09:00Z"_s, {} },
    { Ep + u"docs/responses/shipments/shipments-buy.json"_s, {}, 1, u"9434600208303109842228"_s, TrackingStatus::Unknown, 0, {}, {}, {}, {}, {} },
    refused(Ep + u"docs/responses/events/events-retrieve.json"_s, u"EasyPost: the event \"tracker.created\" carries no result to read the parcel from."_s),
    refused(Ep + u"docs/responses/trackers/trackers-delete.json"_s, u"The tracking update was not recognised as coming from EasyPost, AfterShip, Shippo, FedEx, USPS or Canada Post."_s),
    { Vcr + u"test_tracker_create.yaml #1"_s, {}, 1, u"EZ1000000001"_s, TrackingStatus::PreTransit, 2, QString(), u"2025-02-06T19:48:26Z"_s, u"HOUSTON, TX, 77063"_s, u"2025-02-07T08:25:26Z"_s, u"2025-03-06T19:48:26Z"_s },
    { Vcr + u"test_tracker_all.yaml #1"_s, {}, 5, u"9400100208303109500782"_s, TrackingStatus::PreTransit, 2, QString(), u"2025-02-06T19:48:46Z"_s, u"HOUSTON, TX, 77063"_s, u"2025-02-07T08:25:46Z"_s, u"2025-03-06T19:48:46Z"_s },
    refused(Vcr + u"test_event_retrieve_payload.yaml #4"_s, u"EasyPost: the request failed: The payload(s) could not be found. (PAYLOAD.NOT_FOUND)."_s),
    refused(Vcr + u"test_event_all.yaml #1"_s, u"EasyPost: none of the 5 events in the list carries a tracker."_s),
};
// clang-format on

qint64 utc(const QString &iso)
{
    return iso.isEmpty() ? 0 : QDateTime::fromString(iso, Qt::ISODate).toSecsSinceEpoch();
}

} // namespace

TEST(TrackingFixtureCorpusTest, EveryFixtureGivesParcelsOrAClearError)
{
    int fileCount = 0;
    const QList<Payload> payloads = corpus(&fileCount);
    EXPECT_EQ(fileCount, 53);
    int parsed = 0;
    int refused = 0;
    for (const Payload &payload : payloads) {
        SCOPED_TRACE(payload.origin.toStdString());
        const TrackingParseResult result = TrackingPayloadParser::parse(payload.body);
        if (!result.ok()) {
            ++refused;
            EXPECT_TRUE(result.updates.isEmpty());
            EXPECT_FALSE(result.error.isEmpty());
            EXPECT_TRUE(result.error.endsWith(u'.')) << result.error.toStdString();
            continue;
        }
        ++parsed;
        EXPECT_TRUE(result.error.isEmpty());
        for (const TrackingUpdate &update : result.updates) {
            EXPECT_FALSE(update.trackingNumber.isEmpty());
            EXPECT_FALSE(update.provider.isEmpty());
            qint64 previous = 0;
            for (const waybill::domain::TrackingEvent &event : update.events) {
                EXPECT_GT(event.occurredAt, utc(u"1995-01-01T00:00:00Z"_s));
                EXPECT_LT(event.occurredAt, utc(u"2030-01-01T00:00:00Z"_s));
                EXPECT_GE(event.occurredAt, previous) << "oldest first";
                EXPECT_FALSE(event.message.isEmpty());
                previous = event.occurredAt;
            }
        }
    }
    EXPECT_GT(parsed, 30);
    EXPECT_GT(refused, 10);
}

TEST(TrackingFixtureCorpusTest, ChosenFixturesShowWhatTheAgentSees)
{
    int fileCount = 0;
    const QList<Payload> payloads = corpus(&fileCount);
    int checkedParcels = 0;
    for (const Expected &expected : Chosen) {
        SCOPED_TRACE(expected.origin.toStdString());
        const auto found = std::find_if(payloads.cbegin(), payloads.cend(),
            [&expected](const Payload &payload) { return payload.origin == expected.origin; });
        ASSERT_NE(found, payloads.cend());
        const TrackingParseResult result = TrackingPayloadParser::parse(found->body);
        if (!expected.error.isEmpty()) {
            EXPECT_FALSE(result.ok());
            EXPECT_EQ(result.error, expected.error);
            EXPECT_TRUE(result.updates.isEmpty());
            continue;
        }
        ASSERT_TRUE(result.ok()) << result.error.toStdString();
        ++checkedParcels;
        EXPECT_EQ(result.updates.size(), expected.updates);
        const TrackingUpdate &u = result.updates.constFirst();
        EXPECT_EQ(u.trackingNumber, expected.number);
        EXPECT_EQ(u.status, expected.status);
        EXPECT_EQ(u.expectedAt, utc(expected.expectedAt));
        ASSERT_EQ(u.events.size(), expected.events);
        if (expected.events == 0) {
            continue;
        }
        EXPECT_EQ(u.events.constFirst().location, expected.firstPlace);
        EXPECT_EQ(u.events.constFirst().occurredAt, utc(expected.firstAt));
        EXPECT_EQ(u.events.constLast().location, expected.lastPlace);
        EXPECT_EQ(u.events.constLast().occurredAt, utc(expected.lastAt));
        const bool deliveryScanned = std::any_of(u.events.cbegin(), u.events.cend(),
            [](const waybill::domain::TrackingEvent &event) { return event.status == TrackingStatus::Delivered; });
        EXPECT_EQ(u.deliveredAt > 0, u.status == TrackingStatus::Delivered && deliveryScanned);
    }
    EXPECT_GE(checkedParcels, 15);
}

TEST(TrackingFixtureCorpusTest, FrenchAndWrappedDescriptionsReadAsOneLine)
{
    int fileCount = 0;
    const QList<Payload> payloads = corpus(&fileCount);
    const auto found = std::find_if(payloads.cbegin(), payloads.cend(), [](const Payload &payload) {
        return payload.origin == u"active-shipping/test/fixtures/xml/canadapost_pws/tracking_details_fr.xml";
    });
    ASSERT_NE(found, payloads.cend());
    const TrackingParseResult result = TrackingPayloadParser::parse(found->body);
    ASSERT_TRUE(result.ok());
    const TrackingUpdate &u = result.updates.constFirst();
    EXPECT_EQ(u.events.constFirst().message, u"Postes Canada a reçu l'information concernant la commande"_s);
    EXPECT_EQ(u.events.constLast().message, u"Article livré avec succès"_s);
    EXPECT_EQ(u.deliveredAt, utc(u"2011-02-03T16:59:59Z"_s));
    EXPECT_EQ(u.service, u"Xpresspost"_s);
}

TEST(TrackingFixtureCorpusTest, TruncatedFixturesGiveAReadingErrorAndNoParcel)
{
    int fileCount = 0;
    const QList<Payload> payloads = corpus(&fileCount);
    int truncated = 0;
    for (const Payload &payload : payloads) {
        if (!TrackingPayloadParser::parse(payload.body).ok()) {
            continue;
        }
        const QByteArray body = payload.body.trimmed();
        for (const qsizetype cut : { body.size() / 3, body.size() / 2, body.size() - 2 }) {
            SCOPED_TRACE(payload.origin.toStdString() + " cut at " + std::to_string(cut));
            const TrackingParseResult result = TrackingPayloadParser::parse(body.left(cut));
            EXPECT_FALSE(result.ok());
            EXPECT_TRUE(result.updates.isEmpty());
            EXPECT_TRUE(result.error.contains(u"not valid JSON") || result.error.contains(u"XML is malformed"))
                << result.error.toStdString();
            ++truncated;
        }
    }
    EXPECT_GT(truncated, 60);
}

TEST(TrackingFixtureCorpusTest, FedExDeliveryExceptionsForAnAbsentCustomerAreFailedAttempts)
{
    int fileCount = 0;
    const QList<Payload> payloads = corpus(&fileCount);
    const auto found = std::find_if(payloads.cbegin(), payloads.cend(), [](const Payload &payload) {
        return payload.origin == u"active-shipping/test/fixtures/xml/fedex/tracking_response_delivered_at_facility.xml";
    });
    ASSERT_NE(found, payloads.cend());
    const TrackingParseResult result = TrackingPayloadParser::parse(found->body);
    ASSERT_TRUE(result.ok());
    const TrackingUpdate &u = result.updates.constFirst();
    ASSERT_EQ(u.events.size(), 19);
    EXPECT_EQ(u.events.at(6).status, TrackingStatus::FailedAttempt);
    EXPECT_EQ(u.events.at(6).message, u"Delivery exception: Customer not available or business closed"_s);
    EXPECT_EQ(u.events.at(6).occurredAt, utc(u"2014-01-02T22:30:44Z"_s));
    EXPECT_EQ(u.events.at(13).status, TrackingStatus::Exception) << "redirected to FedEx Office";
    EXPECT_EQ(u.events.at(17).status, TrackingStatus::AvailableForPickup);
    EXPECT_EQ(u.deliveredAt, utc(u"2014-01-09T02:03:00Z"_s));
    EXPECT_EQ(u.service, u"FedEx Home Delivery"_s);
}
