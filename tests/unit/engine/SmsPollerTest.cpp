// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SmsPoller against ReplayHttpServer answering at Twilio's real paths with Twilio's recorded message list (two
// pages, following next_page_uri) and message resource: customers' SMS are stored once, our own are skipped, and
// the status of recent replies is asked for.
#include "QtPrinters.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "engine/SmsGateway.h"
#include "engine/SmsPoller.h"
#include "storage/AttachmentStore.h"
#include "storage/MessageRepository.h"
#include "storage/SqlQuery.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::ReplayHttpServer;

namespace {

const QString Data = QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/twilio-oai/extracted-examples/");
const QString AccountSid = QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString AccountId = QStringLiteral("sms:+18182008801");
const QString ListPath = QStringLiteral("/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages.json");
// The day after the recorded messages were sent.
const qint64 Now = QDateTime(QDate(2019, 5, 24), QTime(18, 0), Qt::UTC).toSecsSinceEpoch();

class SmsPollerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [] { return Now; });
        gateway = std::make_unique<engine::SmsGateway>(ws.db(), *ingest, [] { return Now; });
        account.id = AccountId;
        account.accountSid = AccountSid;
        account.fromNumber = QStringLiteral("+18182008801");
        account.baseUrl = server.baseUrl().toString();
        gateway->addAccount(account, "auth-token");
        // Page 1 for what the poller asks (since yesterday), page 2 at page 1's next_page_uri.
        server.route("GET", ListPath + QStringLiteral("?To=%2B18182008801&DateSent%3E=2019-05-23&PageSize=50"),
            ReplayHttpServer::file(Data
                + QStringLiteral(
                    "twilio_api_v2010_2010_04_01_Accounts_AccountSid_Messages_json_get_200_readFullPage1.json")));
        server.route("GET",
            ListPath
                + QStringLiteral(
                    "?To=%2B123456789&From=%2B987654321&DateSent%3E=2008-01-02&PageSize=2&Page=1&PageToken="
                    "PAMMc26223853f8c46b4ab7dfaa6abba0a26"),
            ReplayHttpServer::file(Data
                + QStringLiteral("twilio_api_v2010_2010_04_01_Accounts_AccountSid_Messages_json_get_200_"
                                 "readEmptySentdateGreater.json")));
    }

    /// Runs one pass; returns how many new SMS it stored.
    int pass(engine::SmsPoller &poller)
    {
        QSignalSpy ended(&poller, &engine::SmsPoller::passEnded);
        poller.start(60 * 60 * 1000); // a pass now, the next one in an hour
        EXPECT_TRUE(ended.wait(10000));
        return ended.isEmpty() ? -1 : ended.constFirst().constFirst().toInt();
    }

    QStringList stored()
    {
        storage::SqlQuery q(ws.db(),
            QStringLiteral("SELECT external_id || ' ' || body_text FROM messages WHERE direction = 'in' ORDER BY id"));
        q.exec();
        QStringList rows;
        while (q.next()) {
            rows << q.text(0);
        }
        return rows;
    }

    waybill::testing::TestWorkspace ws;
    QTemporaryDir dir;
    engine::SlaClock sla;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
    std::unique_ptr<engine::SmsGateway> gateway;
    ReplayHttpServer server;
    QNetworkAccessManager network;
    domain::TwilioAccount account;
};

} // namespace

TEST_F(SmsPollerTest, StoresCustomersSmsAcrossPagesOnce)
{
    engine::SmsPoller poller(ws.db(), *gateway, network, account, QStringLiteral("auth-token"), [] { return Now; });
    EXPECT_EQ(pass(poller), 1);
    // The inbound MMS is stored; the outbound message of the page is ours, not a customer's.
    EXPECT_EQ(stored(),
        QStringList({ QStringLiteral("sms:+18182008801|MMc26223853f8c46b4ab7dfaa6abba0a26 look mom I have media!") }));
    EXPECT_EQ(server.requestsFor(ListPath).size(), 2); // page 1, then next_page_uri
    const QList<ReplayHttpServer::Request> requests = server.requestsFor(ListPath);
    EXPECT_EQ(requests.at(0).headers.value("authorization"),
        QByteArray("Basic " + QByteArray("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:auth-token").toBase64()));
    EXPECT_EQ(requests.at(1).query.queryItemValue(QStringLiteral("PageToken")),
        QStringLiteral("PAMMc26223853f8c46b4ab7dfaa6abba0a26"));
    EXPECT_TRUE(poller.isIdle());
    // Its three pictures are not in the list: the media list it names is recorded for the media fetcher.
    storage::SqlQuery media(ws.db(), QStringLiteral("SELECT url FROM sms_media"));
    media.exec();
    ASSERT_TRUE(media.next());
    EXPECT_TRUE(media.text(0).endsWith(QStringLiteral(
        "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Messages/MMc26223853f8c46b4ab7dfaa6abba0a26/"
        "Media.json")))
        << media.text(0).toStdString();
    EXPECT_FALSE(media.next());

    // The next pass reads the same list and stores nothing twice.
    EXPECT_EQ(pass(poller), 0);
    EXPECT_EQ(stored().size(), 1);
    EXPECT_EQ(server.requestsFor(ListPath).size(), 4);
}

TEST_F(SmsPollerTest, AsksForTheStatusOfRecentReplies)
{
    const QString sid = QStringLiteral("SMb7c0a2ce80504485a6f653a7110836f5");
    const QString resource = QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2.json").arg(AccountSid, sid);
    server.route("GET", resource,
        ReplayHttpServer::file(Data
            + QStringLiteral("twilio_api_v2010_2010_04_01_Accounts_AccountSid_Messages_Sid_json_get_200_fetch.json")));
    engine::SmsPoller poller(ws.db(), *gateway, network, account, QStringLiteral("auth-token"), [] { return Now; });
    EXPECT_EQ(pass(poller), 1);
    EXPECT_TRUE(server.requestsFor(resource).isEmpty()); // no reply of ours yet

    // A reply Twilio accepted (its MessageSid recorded as the sender does) is looked up in the next pass.
    storage::SqlQuery q(ws.db(), QStringLiteral("SELECT conversation_id FROM messages WHERE direction = 'in'"));
    q.exec();
    ASSERT_TRUE(q.next());
    const qint64 conversation = q.int64(0);
    domain::Message reply;
    reply.conversationId = conversation;
    reply.direction = domain::Message::Direction::Outbound;
    reply.bodyText = QStringLiteral("Thanks, here it is");
    reply.createdAt = Now - 600;
    reply.delivery = domain::Message::Delivery::Sent;
    reply.externalId = engine::SmsGateway::externalIdFor(AccountId, sid);
    const qint64 replyId = storage::MessageRepository(ws.db()).insert(reply);
    EXPECT_EQ(pass(poller), 0);
    ASSERT_EQ(server.requestsFor(resource).size(), 1);
    // The recorded resource says "sent": the reply stays sent (its 30007 is only final with "undelivered").
    EXPECT_EQ(storage::MessageRepository(ws.db()).find(replyId)->delivery, domain::Message::Delivery::Sent);
}
