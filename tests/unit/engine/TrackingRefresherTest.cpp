// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// TrackingRefresher against ReplayHttpServer answering with EasyPost's recorded GET /v2/trackers reply: a pass that
// moves a shipment's status, nothing asked about delivered parcels or before the interval is up, the request budget
// of a pass, a 429 with Retry-After pausing the provider, and an unreadable answer quarantined with its bytes while
// the pass goes on; an agent's refreshNow() asking about one shipment whatever the policy says, waiting for the budget
// and answering once with what happened.
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "engine/TrackingRefresher.h"
#include "storage/AttachmentStore.h"
#include "storage/CustomerRepository.h"
#include "storage/OrderRepository.h"
#include "storage/QuarantineRepository.h"
#include "storage/SqlQuery.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>
#include <optional>

using namespace waybill;
using domain::TrackingStatus;
using engine::TrackingRefresher;
using waybill::testing::ReplayHttpServer;

namespace {

constexpr qint64 Start = 1772000000;
constexpr qint64 Day = 86400;
const QString TrackersList = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/easypost-examples/official/docs/responses/trackers/trackers-list.json");
const QString RecordedNumber = QStringLiteral("EZ1000000001"); // the tracker in trackers-list.json
const QString ApiKey = QStringLiteral("EZTK0123456789abcdef");

QString trackerPath(const QString &number)
{
    return QStringLiteral("/v2/trackers?tracking_code=") + number;
}

class TrackingRefresherTest : public ::testing::Test {
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
        TrackingRefresher::Config config;
        config.accountId = QStringLiteral("tracking:easypost");
        config.provider = QStringLiteral("easypost");
        config.baseUrl = server.baseUrl();
        config.apiKey = ApiKey;
        refresher = std::make_unique<TrackingRefresher>(db(), *attachments, network, config, [this] { return nowMs; });
    }

    qint64 addShipment(const QString &number, TrackingStatus status = TrackingStatus::Unknown, qint64 expectedAt = 0)
    {
        domain::Shipment shipment;
        shipment.orderId = orderId;
        shipment.carrier = QStringLiteral("usps");
        shipment.trackingNumber = number;
        shipment.status = status;
        shipment.shippedAt = Start - 2 * Day;
        shipment.expectedAt = expectedAt;
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

    qint64 checkedAt(qint64 id)
    {
        storage::SqlQuery q(
            db(), QStringLiteral("SELECT coalesce(tracking_checked_at, 0) FROM shipments WHERE id = ?"));
        q.bind(id).exec();
        q.next();
        return q.int64(0);
    }

    TrackingRefresher::Report pass()
    {
        std::optional<TrackingRefresher::Report> report;
        const QMetaObject::Connection connection = QObject::connect(refresher.get(), &TrackingRefresher::finished,
            refresher.get(), [&report](const TrackingRefresher::Report &r) { report = r; });
        refresher->start();
        EXPECT_FALSE(report.has_value()); // never from inside start()
        EXPECT_TRUE(waybill::testing::waitUntil([&report] { return report.has_value(); }, 15000));
        QObject::disconnect(connection);
        return report.value_or(TrackingRefresher::Report());
    }

    int requestsFor(const QString &number)
    {
        int count = 0;
        for (const ReplayHttpServer::Request &request : server.requestsFor(QStringLiteral("/v2/trackers"))) {
            count += request.query.queryItemValue(QStringLiteral("tracking_code")) == number ? 1 : 0;
        }
        return count;
    }

    static QByteArray recorded()
    {
        QFile file(TrackersList);
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }

    waybill::testing::TestWorkspace workspace;
    QTemporaryDir attachmentDir;
    std::unique_ptr<storage::AttachmentStore> attachments;
    QNetworkAccessManager network;
    ReplayHttpServer server;
    qint64 nowMs = Start * 1000;
    qint64 orderId = 0;
    std::unique_ptr<TrackingRefresher> refresher;
};

TEST_F(TrackingRefresherTest, APassMovesTheShipmentToTheProvidersStatus)
{
    const qint64 id = addShipment(RecordedNumber);
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));

    const TrackingRefresher::Report report = pass();

    EXPECT_EQ(report.asked, 1);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(report.quarantined, 0);
    EXPECT_TRUE(report.errors.isEmpty()) << report.errors.join(u'\n').toStdString();
    EXPECT_EQ(shipment(id).status, TrackingStatus::PreTransit);
    EXPECT_EQ(shipment(id).events.size(), 2);
    EXPECT_GT(shipment(id).expectedAt, 0);
    EXPECT_EQ(checkedAt(id), Start);
    const QList<ReplayHttpServer::Request> requests = server.requestsFor(QStringLiteral("/v2/trackers"));
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.at(0).headers.value("authorization"), "Basic " + QByteArray(ApiKey.toUtf8() + ':').toBase64());

    // Asked again only once its interval has passed; the same answer then changes nothing.
    const TrackingRefresher::Report soon = pass();
    EXPECT_EQ(soon.asked, 0);
    nowMs += 13 * 3600 * 1000;
    const TrackingRefresher::Report later = pass();
    EXPECT_EQ(later.asked, 1);
    EXPECT_EQ(later.updated, 0);
    EXPECT_EQ(requestsFor(RecordedNumber), 2);
}

TEST_F(TrackingRefresherTest, DeliveredAndReturnedShipmentsAreNeverAsked)
{
    addShipment(QStringLiteral("EZ3000000003"), TrackingStatus::Delivered, Start - 3 * Day);
    addShipment(QStringLiteral("EZ4000000004"), TrackingStatus::ReturnToSender, Start - 3 * Day);

    const TrackingRefresher::Report report = pass();

    EXPECT_EQ(report.asked, 0);
    EXPECT_TRUE(server.requests().isEmpty());
}

TEST_F(TrackingRefresherTest, AnUnreadableAnswerIsQuarantinedAndThePassGoesOn)
{
    const QString broken = QStringLiteral("EZ2000000002");
    const qint64 brokenId = addShipment(broken);
    const qint64 goodId = addShipment(RecordedNumber);
    const QByteArray cut = recorded().left(180);
    server.route("GET", trackerPath(broken), ReplayHttpServer::json(cut));
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));

    const TrackingRefresher::Report report = pass();

    EXPECT_EQ(report.asked, 2);
    EXPECT_EQ(report.quarantined, 1);
    EXPECT_EQ(report.updated, 1);
    EXPECT_EQ(shipment(goodId).status, TrackingStatus::PreTransit);
    EXPECT_EQ(shipment(brokenId).status, TrackingStatus::Unknown);
    const QList<storage::QuarantinedMessage> quarantined = storage::QuarantineRepository(db()).open();
    ASSERT_EQ(quarantined.size(), 1);
    EXPECT_EQ(quarantined.at(0).account, QStringLiteral("tracking:easypost"));
    EXPECT_TRUE(quarantined.at(0).reason.contains(broken)) << quarantined.at(0).reason.toStdString();
    EXPECT_TRUE(quarantined.at(0).reason.contains(QStringLiteral("not valid JSON")))
        << quarantined.at(0).reason.toStdString();
    EXPECT_EQ(quarantined.at(0).sizeBytes, cut.size());
    QFile raw(attachments->pathOf(quarantined.at(0).rawSha256));
    ASSERT_TRUE(raw.open(QIODevice::ReadOnly));
    EXPECT_EQ(raw.readAll(), cut);
}

TEST_F(TrackingRefresherTest, ANumberWithoutATrackerIsNotQuarantined)
{
    const QString unknown = QStringLiteral("EZ5000000005");
    const qint64 id = addShipment(unknown);
    server.route("GET", trackerPath(unknown), ReplayHttpServer::json(R"({"trackers": [], "has_more": false})"));

    const TrackingRefresher::Report report = pass();

    EXPECT_EQ(report.asked, 1);
    EXPECT_EQ(report.failed, 1);
    EXPECT_EQ(report.quarantined, 0);
    EXPECT_TRUE(storage::QuarantineRepository(db()).open().isEmpty());
    EXPECT_EQ(checkedAt(id), Start); // asked again at its next interval, not at every pass
}

TEST_F(TrackingRefresherTest, ARefusedKeyEndsThePassAsTheAccountsFailure)
{
    addShipment(RecordedNumber);
    addShipment(QStringLiteral("EZ2000000002"));
    server.route("GET", trackerPath(RecordedNumber),
        ReplayHttpServer::status(
            401, R"({"error": {"code": "APIKEY.INACTIVE", "message": "This api key is no longer active."}})"));

    const TrackingRefresher::Report report = pass();

    EXPECT_EQ(report.asked, 1);
    EXPECT_FALSE(report.accountError.isEmpty());
    EXPECT_TRUE(report.accountError.startsWith(QStringLiteral("tracking:easypost: ")))
        << report.accountError.toStdString();
    EXPECT_EQ(server.requests().size(), 1); // the other parcel is not asked with a key that was refused
}

TEST_F(TrackingRefresherTest, APassNeverExceedsTheProvidersBudget)
{
    const int burst = int(refresher->budget().limits().burst);
    QList<QString> numbers;
    for (int i = 0; i < burst + 3; ++i) {
        numbers << QStringLiteral("EZ90000000%1").arg(i, 2, 10, QLatin1Char('0'));
        addShipment(numbers.last());
        server.route("GET", trackerPath(numbers.last()), ReplayHttpServer::file(TrackersList));
    }

    const TrackingRefresher::Report first = pass(); // the clock stands still: no refill during the pass
    EXPECT_EQ(first.asked, burst);
    EXPECT_EQ(server.requests().size(), burst);

    nowMs += 1000; // one more second of the documented rate
    const TrackingRefresher::Report second = pass();
    const int refill = int(refresher->budget().limits().perSecond);
    EXPECT_EQ(second.asked, std::min(3, refill));
    EXPECT_EQ(server.requests().size(), burst + std::min(3, refill));
}

TEST_F(TrackingRefresherTest, A429PausesTheProviderForItsRetryAfter)
{
    const qint64 first = addShipment(RecordedNumber);
    addShipment(QStringLiteral("EZ2000000002"));
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::tooManyRequests("120"));
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));
    server.route("GET", trackerPath(QStringLiteral("EZ2000000002")), ReplayHttpServer::file(TrackersList));

    const TrackingRefresher::Report limited = pass();
    EXPECT_TRUE(limited.rateLimited);
    EXPECT_EQ(limited.pausedUntilMs, nowMs + 120 * 1000);
    EXPECT_EQ(server.requests().size(), 1); // the rest of the pass waits for the pause to end
    EXPECT_EQ(checkedAt(first), 0);

    nowMs += 60 * 1000;
    const TrackingRefresher::Report paused = pass();
    EXPECT_EQ(paused.asked, 0);
    EXPECT_TRUE(paused.rateLimited);
    EXPECT_EQ(server.requests().size(), 1);

    nowMs += 61 * 1000;
    const TrackingRefresher::Report resumed = pass();
    EXPECT_FALSE(resumed.rateLimited);
    EXPECT_EQ(resumed.asked, 2);
    EXPECT_EQ(shipment(first).status, TrackingStatus::PreTransit);
}

struct Refreshed {
    qint64 shipmentId = 0;
    bool changed = false;
    QList<qint64> conversations;
    QString problem;
};

class TrackingRefreshNowTest : public TrackingRefresherTest {
protected:
    void SetUp() override
    {
        TrackingRefresherTest::SetUp();
        QObject::connect(refresher.get(), &TrackingRefresher::shipmentRefreshed, refresher.get(),
            [this](qint64 id, bool changed, const QList<qint64> &conversations, const QString &problem) {
                answers.append({ id, changed, conversations, problem });
            });
    }

    /// Waits for `count` answers in all.
    bool waitForAnswers(int count)
    {
        return waybill::testing::waitUntil([this, count] { return answers.size() >= count; }, 15000);
    }

    QList<Refreshed> answers;
};

TEST_F(TrackingRefreshNowTest, AShipmentCheckedAMinuteAgoIsAskedWhenAnAgentWantsIt)
{
    const qint64 id = addShipment(RecordedNumber);
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));
    pass();
    ASSERT_EQ(requestsFor(RecordedNumber), 1);
    nowMs += 60 * 1000;
    EXPECT_EQ(pass().asked, 0); // the policy waits hours before asking again

    refresher->refreshNow({ id, RecordedNumber, QStringLiteral("usps"), TrackingStatus::PreTransit, 0, 0, 0 });
    EXPECT_TRUE(answers.isEmpty()); // never from inside refreshNow()
    ASSERT_TRUE(waitForAnswers(1));

    EXPECT_EQ(requestsFor(RecordedNumber), 2);
    EXPECT_EQ(answers.at(0).shipmentId, id);
    EXPECT_FALSE(answers.at(0).changed); // the same answer as a minute ago: nothing new
    EXPECT_TRUE(answers.at(0).problem.isEmpty()) << answers.at(0).problem.toStdString();
    EXPECT_EQ(checkedAt(id), nowMs / 1000);
}

TEST_F(TrackingRefreshNowTest, ANewStatusIsReportedWithTheConversationsToShowAgain)
{
    const qint64 id = addShipment(RecordedNumber);
    storage::SqlQuery link(db(),
        QStringLiteral("INSERT INTO conversations (channel, subject, customer_id, order_id, status, created_at, "
                       "last_activity) SELECT 'email', 'Where is it?', customer_id, id, 'open', ?, ? FROM orders "
                       "WHERE id = ?"));
    link.bind(Start).bind(Start).bind(orderId).exec();
    const qint64 conversationId = link.lastInsertId();
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));

    refresher->refreshNow({ id, RecordedNumber, QStringLiteral("usps"), TrackingStatus::Unknown, 0, 0, 0 });
    ASSERT_TRUE(waitForAnswers(1));

    EXPECT_TRUE(answers.at(0).changed);
    EXPECT_EQ(answers.at(0).conversations, QList<qint64> { conversationId });
    EXPECT_EQ(shipment(id).status, TrackingStatus::PreTransit);
}

TEST_F(TrackingRefreshNowTest, ASpentBudgetMakesTheAgentWaitForTheNextRequestNotFail)
{
    const int burst = int(refresher->budget().limits().burst);
    for (int i = 0; i < burst; ++i) {
        const QString number = QStringLiteral("EZ80000000%1").arg(i, 2, 10, QLatin1Char('0'));
        addShipment(number);
        server.route("GET", trackerPath(number), ReplayHttpServer::file(TrackersList));
    }
    pass(); // spends the whole burst; the clock stands still
    ASSERT_EQ(refresher->budget().available(nowMs), 0);
    const qint64 id = addShipment(RecordedNumber);
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));

    refresher->refreshNow({ id, RecordedNumber, QStringLiteral("usps"), TrackingStatus::Unknown, 0, 0, 0 });
    QTimer::singleShot(300, refresher.get(), [this] { nowMs += 2000; }); // the provider's rate refills the budget
    ASSERT_TRUE(waitForAnswers(1));

    EXPECT_EQ(requestsFor(RecordedNumber), 1);
    EXPECT_TRUE(answers.at(0).changed);
}

TEST_F(TrackingRefreshNowTest, APausedProviderIsNotAskedAndTheAgentIsToldUntilWhen)
{
    const qint64 id = addShipment(RecordedNumber);
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::tooManyRequests("600"));
    pass();
    ASSERT_EQ(server.requests().size(), 1);

    refresher->refreshNow({ id, RecordedNumber, QStringLiteral("usps"), TrackingStatus::Unknown, 0, 0, 0 });
    ASSERT_TRUE(waitForAnswers(1));

    EXPECT_EQ(server.requests().size(), 1);
    EXPECT_FALSE(answers.at(0).changed);
    EXPECT_TRUE(answers.at(0).problem.contains(QStringLiteral("EasyPost asked to wait")))
        << answers.at(0).problem.toStdString();
}

TEST_F(TrackingRefreshNowTest, AnAgentsShipmentGoesAheadOfAPassAlreadyRunning)
{
    QList<QString> numbers;
    for (int i = 0; i < 3; ++i) {
        numbers << QStringLiteral("EZ70000000%1").arg(i, 2, 10, QLatin1Char('0'));
        addShipment(numbers.last());
        server.route("GET", trackerPath(numbers.last()), ReplayHttpServer::file(TrackersList));
    }
    const qint64 id = addShipment(RecordedNumber);
    server.route("GET", trackerPath(RecordedNumber), ReplayHttpServer::file(TrackersList));
    storage::SqlQuery(db(), QStringLiteral("UPDATE shipments SET tracking_checked_at = ? WHERE id = ?"))
        .bind(Start)
        .bind(id)
        .exec(); // just checked: not due, so only refreshNow() asks about it

    std::optional<TrackingRefresher::Report> report;
    QObject::connect(refresher.get(), &TrackingRefresher::finished, refresher.get(),
        [&report](const TrackingRefresher::Report &r) { report = r; });
    refresher->start();
    refresher->refreshNow({ id, RecordedNumber, QStringLiteral("usps"), TrackingStatus::Unknown, 0, 0, Start });
    ASSERT_TRUE(waybill::testing::waitUntil([&report] { return report.has_value(); }, 15000));

    ASSERT_EQ(answers.size(), 1);
    EXPECT_TRUE(answers.at(0).changed);
    EXPECT_EQ(report->asked, 4);
    const QList<ReplayHttpServer::Request> requests = server.requests();
    ASSERT_EQ(requests.size(), 4);
    EXPECT_EQ(requests.at(0).query.queryItemValue(QStringLiteral("tracking_code")), RecordedNumber);
}

TEST_F(TrackingRefreshNowTest, AnUnusableAccountAnswersTheAgentWithItsProblem)
{
    TrackingRefresher::Config config = refresher->config();
    config.baseUrl = QUrl(QStringLiteral("http://tracking.example.net")); // plain HTTP to another computer
    TrackingRefresher broken(db(), *attachments, network, config, [this] { return nowMs; });
    std::optional<Refreshed> answer;
    QObject::connect(&broken, &TrackingRefresher::shipmentRefreshed, &broken,
        [&answer](qint64 id, bool changed, const QList<qint64> &, const QString &problem) {
            answer = Refreshed { id, changed, {}, problem };
        });

    broken.refreshNow({ 7, RecordedNumber, QStringLiteral("usps"), TrackingStatus::Unknown, 0, 0, 0 });
    ASSERT_TRUE(waybill::testing::waitUntil([&answer] { return answer.has_value(); }, 5000));

    EXPECT_EQ(answer->shipmentId, 7);
    EXPECT_FALSE(answer->changed);
    EXPECT_TRUE(answer->problem.startsWith(QStringLiteral("tracking:easypost: "))) << answer->problem.toStdString();
    EXPECT_TRUE(server.requests().isEmpty());
}

} // namespace
