// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// TrackingRefresher for Shippo and AfterShip accounts end to end, against ReplayHttpServer answering with bodies the
// providers really sent (tests/data/third_party, see each SOURCE.md): a Shippo pass asks for the recorded USPS parcel
// with the account's ShippoToken and moves the shipment to Delivered with its history, dates and service; an
// AfterShip pass answered with AfterShip's recorded 401 body ends as the account's error, naming AfterShip and its
// reason, without asking about the other parcels.
#include "QtPrinters.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "engine/TrackingRefresher.h"
#include "storage/AttachmentStore.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/QuarantineRepository.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <optional>

using namespace waybill;
using domain::TrackingStatus;
using engine::TrackingRefresher;
using waybill::testing::ReplayHttpServer;

namespace {

constexpr qint64 Start = 1481241600; // 2016-12-09T00:00:00Z, the day after the recorded Shippo delivery
constexpr qint64 Day = 86400;
const QString ShippoTrack = QStringLiteral(WAYBILL_TEST_DATA_DIR
    "/third_party/shippo-python-client/shippo/test/fixtures/track/track-usps-9205590164917337534322.json");
const QString ShippoNumber = QStringLiteral("9205590164917337534322"); // the USPS parcel of the recording
const QString AfterShipInvalidKey
    = QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/pyaftership/tests/fixtures/error_invalid_api_key.json");

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}

class TrackingProviderReplayTest : public ::testing::Test {
protected:
    const storage::Database &db() { return workspace.db(); }

    void SetUp() override
    {
        const qint64 customerId
            = storage::CustomerRepository(db()).insert({ 0, QStringLiteral("Olivia Harper"), QStringLiteral("Olivia"),
                Start - 100 * Day, { { 0, QStringLiteral("email"), QStringLiteral("olivia@example.net") } } });
        orderId = storage::OrderRepository(db()).insert({ 0, QStringLiteral("shopify"), QStringLiteral("#1042"),
            customerId, Start - 10 * Day, QStringLiteral("USD"), 2000, 599, 160, 2759, QStringLiteral("paid"), {} });
        attachments = std::make_unique<storage::AttachmentStore>(attachmentDir.path());
    }

    /// A refresher for the account "tracking:<provider>" at the replay server.
    std::unique_ptr<TrackingRefresher> refresherFor(const QString &provider, const QString &apiKey)
    {
        TrackingRefresher::Config config;
        config.accountId = QStringLiteral("tracking:") + provider;
        config.provider = provider;
        config.baseUrl = server.baseUrl();
        config.apiKey = apiKey;
        return std::make_unique<TrackingRefresher>(db(), *attachments, network, config, [this] { return nowMs; });
    }

    qint64 addShipment(const QString &number, const QString &carrier)
    {
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = carrier;
        shipment.trackingNumber = number;
        shipment.status = TrackingStatus::Unknown;
        shipment.shippedAt = Start - 2 * Day;
        return storage::OrderRepository(db()).insertShipment(shipment);
    }

    domain::Shipment shipment(qint64 id)
    {
        for (const domain::Shipment &s : storage::OrderRepository(db()).shipments(orderId)) {
            if (s.id == id) {
                return s;
            }
        }
        ADD_FAILURE() << "no shipment " << id;
        return {};
    }

    static TrackingRefresher::Report pass(TrackingRefresher &refresher)
    {
        std::optional<TrackingRefresher::Report> report;
        const QMetaObject::Connection connection = QObject::connect(&refresher, &TrackingRefresher::finished,
            &refresher, [&report](const TrackingRefresher::Report &r) { report = r; });
        refresher.start();
        EXPECT_TRUE(waybill::testing::waitUntil([&report] { return report.has_value(); }, 15000));
        QObject::disconnect(connection);
        return report.value_or(TrackingRefresher::Report());
    }

    static QByteArray recorded(const QString &path)
    {
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        return file.readAll();
    }

    waybill::testing::TestWorkspace workspace;
    QTemporaryDir attachmentDir;
    std::unique_ptr<storage::AttachmentStore> attachments;
    QNetworkAccessManager network;
    ReplayHttpServer server;
    qint64 nowMs = Start * 1000;
    qint64 orderId = 0;
};

TEST_F(TrackingProviderReplayTest, AShippoPassMovesTheRecordedParcelToDelivered)
{
    const QString key = QStringLiteral("shippo_test_0123456789abcdef");
    const std::unique_ptr<TrackingRefresher> refresher = refresherFor(QStringLiteral("shippo"), key);
    const qint64 id = addShipment(ShippoNumber, QStringLiteral("usps"));
    // The recording was made at https://api.goshippo.com/v1/tracks/usps/…; Waybill asks the path
    // TrackingProviderApi::request builds below the account's base URL, /tracks/{carrier}/{number}.
    const QString path = QStringLiteral("/tracks/usps/") + ShippoNumber;
    server.route("GET", path, ReplayHttpServer::file(ShippoTrack));

    const TrackingRefresher::Report report = pass(*refresher);

    EXPECT_EQ(report.asked, 1);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(report.failed, 0);
    EXPECT_EQ(report.quarantined, 0);
    EXPECT_TRUE(report.accountError.isEmpty()) << report.accountError.toStdString();
    EXPECT_TRUE(report.errors.isEmpty()) << report.errors.join(u'\n').toStdString();
    const QList<ReplayHttpServer::Request> requests = server.requestsFor(path);
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(server.requests().size(), 1);
    EXPECT_EQ(requests.at(0).method, "GET");
    EXPECT_EQ(requests.at(0).headers.value("authorization"), "ShippoToken " + key.toUtf8());

    const domain::Shipment delivered = shipment(id);
    EXPECT_EQ(delivered.status, TrackingStatus::Delivered);
    EXPECT_EQ(delivered.deliveredAt, utc("2016-12-08T15:19:00Z"));
    EXPECT_EQ(delivered.expectedAt, utc("2016-12-08T00:00:00Z")) << "Shippo's eta";
    EXPECT_EQ(delivered.service, QStringLiteral("Priority Mail"));
    ASSERT_EQ(delivered.events.size(), 11);
    EXPECT_EQ(delivered.events.first().occurredAt, utc("2016-12-07T00:00:00Z"));
    EXPECT_EQ(delivered.events.first().message,
        QStringLiteral("The USPS has received the electronic shipment information and is awaiting the item."));
    EXPECT_EQ(delivered.events.at(2).status, TrackingStatus::InTransit);
    EXPECT_EQ(delivered.events.at(2).location, QStringLiteral("San Francisco, CA, 94103, US"));
    EXPECT_EQ(delivered.events.last().occurredAt, utc("2016-12-08T15:19:00Z"));
    EXPECT_EQ(delivered.events.last().status, TrackingStatus::Delivered);
    EXPECT_EQ(delivered.events.last().location, QStringLiteral("Berkeley, CA, 94705, US"));
    EXPECT_EQ(delivered.events.last().message,
        QStringLiteral("Your shipment has been delivered at the destination mailbox."));

    // Delivered is final: later passes do not ask about it again.
    nowMs += 3 * Day * 1000;
    EXPECT_EQ(pass(*refresher).asked, 0);
    EXPECT_EQ(server.requests().size(), 1);
}

TEST_F(TrackingProviderReplayTest, AfterShipsRecordedInvalidKeyAnswerEndsThePassAsTheAccountsError)
{
    const QString key = QStringLiteral("aftership-not-a-valid-key");
    const std::unique_ptr<TrackingRefresher> refresher = refresherFor(QStringLiteral("aftership"), key);
    const qint64 usps = addShipment(QStringLiteral("1231231231231"), QStringLiteral("usps"));
    const qint64 fedex = addShipment(QStringLiteral("1111111111111"), QStringLiteral("fedex"));
    const QByteArray refused = recorded(AfterShipInvalidKey);
    ASSERT_FALSE(refused.isEmpty());
    server.route("GET", QStringLiteral("/v4/trackings/usps/1231231231231"), ReplayHttpServer::json(refused, 401));
    server.route("GET", QStringLiteral("/v4/trackings/fedex/1111111111111"), ReplayHttpServer::json(refused, 401));

    const TrackingRefresher::Report report = pass(*refresher);

    EXPECT_EQ(report.asked, 1) << "the other parcel is not asked with a key that was refused";
    EXPECT_EQ(report.updated, 0);
    EXPECT_EQ(report.quarantined, 0);
    ASSERT_EQ(server.requests().size(), 1);
    const ReplayHttpServer::Request &request = server.requests().at(0);
    EXPECT_TRUE(request.path.startsWith(QStringLiteral("/v4/trackings/"))) << request.path.toStdString();
    EXPECT_EQ(request.headers.value("aftership-api-key"), key.toUtf8());
    EXPECT_FALSE(request.headers.contains("authorization"));

    EXPECT_TRUE(
        report.accountError.startsWith(QStringLiteral("tracking:aftership: AfterShip refused the access token (401")))
        << report.accountError.toStdString();
    EXPECT_TRUE(report.accountError.contains(QStringLiteral("Invalid API Key."))) << report.accountError.toStdString();
    EXPECT_TRUE(report.errors.contains(report.accountError));
    EXPECT_TRUE(storage::QuarantineRepository(db()).open().isEmpty()) << "a refusal is not an unreadable answer";
    EXPECT_EQ(shipment(usps).status, TrackingStatus::Unknown);
    EXPECT_EQ(shipment(fedex).status, TrackingStatus::Unknown);
}

} // namespace
