// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// MMS media: recorded with the message, downloaded afterwards into the attachment store with Twilio's credentials
// (but none for the CDN Twilio redirects to), refused media kept with the reason, nothing recorded twice; an MMS
// received by polling has its media list (Twilio's recorded Media.json) read first.
#include "QtPrinters.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "engine/SmsGateway.h"
#include "engine/SmsMediaFetcher.h"
#include "storage/AttachmentStore.h"
#include "storage/SqlQuery.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::ReplayHttpServer;
using waybill::testing::waitUntil;

namespace {

constexpr qint64 Now = 1795000000;
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString AccountId = QStringLiteral("sms:+15017122661");
const QString MediaPath = QStringLiteral(
    "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/MMc26223853f8c46b4ab7dfaa6abba0a26/"
    "Media/");

QStringList rows(storage::Database &db, const QString &sql)
{
    storage::SqlQuery q(db, sql);
    q.exec();
    QStringList result;
    while (q.next()) {
        result << q.text(0);
    }
    return result;
}

/// A file as a media server sends it (ReplayHttpServer's own helpers answer JSON).
ReplayHttpServer::Answer media(int status, const QByteArray &bytes, const QByteArray &contentType)
{
    ReplayHttpServer::Answer answer;
    answer.status = status;
    answer.body = bytes;
    if (!contentType.isEmpty()) {
        answer.header("Content-Type", contentType);
    }
    return answer;
}

class SmsMediaFetcherTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [] { return Now; });
        gateway = std::make_unique<engine::SmsGateway>(ws.db(), *ingest, [] { return Now; });
        account.id = AccountId;
        account.accountSid = AccountSid;
        account.fromNumber = QStringLiteral("+15017122661");
        account.baseUrl = api.baseUrl().toString();
        gateway->addAccount(account, "auth-token");
    }

    channels::sms::TwilioInboundSms mms()
    {
        channels::sms::TwilioInboundSms sms;
        sms.messageSid = QStringLiteral("MMc26223853f8c46b4ab7dfaa6abba0a26");
        sms.accountSid = AccountSid;
        sms.from = QStringLiteral("+14155552345");
        sms.to = account.fromNumber;
        sms.body = QStringLiteral("look mom I have media!");
        for (const char *name : { "ME1", "ME2", "ME3" }) {
            sms.media.append({ api.baseUrl().resolved(QUrl(MediaPath + QString::fromLatin1(name))), QString() });
        }
        return sms;
    }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
    std::unique_ptr<engine::SmsGateway> gateway;
    ReplayHttpServer api;
    ReplayHttpServer cdn;
    QNetworkAccessManager network;
    domain::TwilioAccount account;
};

} // namespace

TEST_F(SmsMediaFetcherTest, MediaBecomeAttachmentsOfTheirMessage)
{
    const QByteArray jpeg = QByteArray::fromHex("ffd8ffe000104a464946000101") + QByteArray(2000, 'j');
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(3000, 'p');
    api.route("GET", MediaPath + QStringLiteral("ME1"), media(200, jpeg, "image/jpeg"));
    api.route("GET", MediaPath + QStringLiteral("ME2"),
        media(302, {}, {}).header("Location", cdn.baseUrl().toEncoded() + "/media/ME2.png"));
    cdn.route("GET", QStringLiteral("/media/ME2.png"), media(200, png, "image/png; charset=binary"));
    api.route("GET", MediaPath + QStringLiteral("ME3"), ReplayHttpServer::status(404, "{\"status\": 404}"));

    const engine::SmsGateway::Received received = gateway->receive(mms(), AccountId);
    gateway->receive(mms(), AccountId); // Twilio retried the webhook
    EXPECT_EQ(rows(ws.db(), QStringLiteral("SELECT count(*) FROM sms_media")), QStringList({ QStringLiteral("3") }));

    engine::SmsMediaFetcher fetcher(ws.db(), *store, network, account, QStringLiteral("auth-token"));
    EXPECT_FALSE(fetcher.isIdle());
    fetcher.start(60 * 60 * 1000);
    ASSERT_TRUE(waitUntil([&] { return fetcher.isIdle(); }, 10000));

    const QStringList attachments = rows(ws.db(),
        QStringLiteral("SELECT filename || ' ' || mime_type || ' ' || size_bytes || ' ' || sha256 FROM attachments "
                       "WHERE message_id = %1 ORDER BY id")
            .arg(received.messageId));
    const auto sha = [](const QByteArray &bytes) {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    };
    ASSERT_EQ(attachments.size(), 2) << attachments.join(u'\n').toStdString();
    EXPECT_EQ(attachments.at(0), QString(QStringLiteral("mms-1.jpg image/jpeg 2013 ") + sha(jpeg)));
    EXPECT_EQ(attachments.at(1), QString(QStringLiteral("mms-2.png image/png 3008 ") + sha(png)));
    QFile stored(store->pathOf(sha(png)));
    ASSERT_TRUE(stored.open(QIODevice::ReadOnly));
    EXPECT_EQ(stored.readAll(), png);

    // Twilio's credentials go to Twilio only, not to the CDN it redirects to.
    const QByteArray basic = "Basic " + QByteArray("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:auth-token").toBase64();
    EXPECT_EQ(api.requestsFor(MediaPath + QStringLiteral("ME2")).at(0).headers.value("authorization"), basic);
    ASSERT_EQ(cdn.requests().size(), 1);
    EXPECT_FALSE(cdn.requests().at(0).headers.contains("authorization"));

    // The refused one is kept with the reason.
    const QStringList failed
        = rows(ws.db(), QStringLiteral("SELECT state || ': ' || error FROM sms_media WHERE url LIKE '%ME3'"));
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.at(0).startsWith(QStringLiteral("failed: Twilio answered 404"))) << failed.at(0).toStdString();
}

TEST_F(SmsMediaFetcherTest, APolledMmsHasItsMediaListReadThenItsMediaFetched)
{
    // The message and media sids of Twilio's recorded media list.
    const QString messagePath = QStringLiteral(
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    const QByteArray jpeg = QByteArray::fromHex("ffd8ffe000104a464946000101") + QByteArray(1000, 'j');
    api.route("GET", messagePath + QStringLiteral("/Media.json"),
        ReplayHttpServer::file(QStringLiteral(WAYBILL_TEST_DATA_DIR
            "/third_party/twilio-oai/extracted-examples/"
            "twilio_api_v2010_2010_04_01_Accounts_AccountSid_Messages_MessageSid_Media_json_get_200_readFull.json")));
    api.route("GET", messagePath + QStringLiteral("/Media/MEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
        media(200, jpeg, "image/jpeg"));
    channels::sms::TwilioInboundSms polled = mms();
    polled.messageSid = QStringLiteral("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    polled.media.clear(); // a polled message names only its media list
    polled.mediaListUri = messagePath + QStringLiteral("/Media.json");

    const engine::SmsGateway::Received received = gateway->receive(polled, AccountId);
    engine::SmsMediaFetcher fetcher(ws.db(), *store, network, account, QStringLiteral("auth-token"));
    fetcher.start(60 * 60 * 1000);
    ASSERT_TRUE(waitUntil([&] { return fetcher.isIdle(); }, 10000));

    EXPECT_EQ(rows(ws.db(),
                  QStringLiteral("SELECT filename || ' ' || mime_type || ' ' || size_bytes FROM attachments WHERE "
                                 "message_id = %1")
                      .arg(received.messageId)),
        QStringList { QStringLiteral("mms-2.jpg image/jpeg 1013") });
    EXPECT_EQ(rows(ws.db(), QStringLiteral("SELECT state FROM sms_media ORDER BY id")),
        (QStringList { QStringLiteral("done"), QStringLiteral("done") }));
    const QByteArray basic = "Basic " + QByteArray("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:auth-token").toBase64();
    EXPECT_EQ(api.requestsFor(messagePath + QStringLiteral("/Media.json")).at(0).headers.value("authorization"), basic);
}

TEST_F(SmsMediaFetcherTest, AnUnreadableMediaListIsFailedWithTheReason)
{
    const QString listPath = QStringLiteral("/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/"
                                            "MMc26223853f8c46b4ab7dfaa6abba0a26/Media.json");
    api.route("GET", listPath, ReplayHttpServer::json(R"({"media_list": {"sid": "ME1"}})"));
    channels::sms::TwilioInboundSms polled = mms();
    polled.media.clear();
    polled.mediaListUri = listPath;
    gateway->receive(polled, AccountId);
    engine::SmsMediaFetcher fetcher(ws.db(), *store, network, account, QStringLiteral("auth-token"));
    fetcher.start(60 * 60 * 1000);
    ASSERT_TRUE(waitUntil([&] { return fetcher.isIdle(); }, 10000));

    const QStringList states = rows(ws.db(), QStringLiteral("SELECT state || ': ' || error FROM sms_media"));
    ASSERT_EQ(states.size(), 1);
    EXPECT_TRUE(states.at(0).startsWith(QStringLiteral("failed: Twilio's media list of an MMS could not be read")))
        << states.at(0).toStdString();
}

TEST_F(SmsMediaFetcherTest, ServerTroubleIsTriedAgainLater)
{
    api.route("GET", MediaPath + QStringLiteral("ME1"), ReplayHttpServer::status(503));
    api.route(
        "GET", MediaPath + QStringLiteral("ME1"), media(200, QByteArray("GIF89a") + QByteArray(100, 'g'), "image/gif"));
    channels::sms::TwilioInboundSms sms = mms();
    sms.media = { sms.media.at(0) };
    gateway->receive(sms, AccountId);
    engine::SmsMediaFetcher fetcher(ws.db(), *store, network, account, QStringLiteral("auth-token"));
    fetcher.start(100);
    ASSERT_TRUE(waitUntil([&] { return fetcher.isIdle(); }, 10000));
    EXPECT_EQ(rows(ws.db(), QStringLiteral("SELECT state || ' ' || attempts FROM sms_media")),
        QStringList({ QStringLiteral("done 1") }));
    EXPECT_EQ(rows(ws.db(), QStringLiteral("SELECT filename FROM attachments")),
        QStringList({ QStringLiteral("mms-1.gif") }));
}
