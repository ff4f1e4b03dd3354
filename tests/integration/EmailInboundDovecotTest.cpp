// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The whole inbound path against a real dovecot: IMAP sync → MIME → ingest → conversations, resumed after a
// restart without duplicates, with unparseable mail quarantined.
#include "DovecotServer.h"
#include "TestWorkspace.h"
#include "channels/SslTransportFactory.h"
#include "engine/EmailInbound.h"
#include "engine/Ingest.h"
#include "engine/SlaClock.h"
#include "storage/AttachmentStore.h"
#include "storage/QuarantineRepository.h"
#include "storage/SqlQuery.h"
#include "storage/SyncStateRepository.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill;
using waybill::testing::DovecotServer;
using waybill::testing::waitUntil;

namespace {

QByteArray mail(const QByteArray &id, const QByteArray &subject, const QByteArray &body, const QByteArray &extra = {})
{
    return "From: Emma Wright <emma@example.net>\r\nTo: agent@example.com\r\nSubject: " + subject + "\r\nMessage-ID: <"
        + id + ">\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n" + extra
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
}

QByteArray tooDeep()
{
    QByteArray raw
        = "From: x@example.net\r\nMessage-ID: <deep@example.net>\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n";
    for (int i = 0; i < 80; ++i) {
        raw += "--b" + QByteArray::number(i) + "\r\nContent-Type: multipart/mixed; boundary=b"
            + QByteArray::number(i + 1) + "\r\n\r\n";
    }
    return raw;
}

class EmailInboundDovecotTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (DovecotServer::dovecotBinary().isEmpty()) {
            GTEST_SKIP() << "dovecot is not installed (apt-get install dovecot-imapd, or scripts/install-deps test)";
        }
        server = std::make_unique<DovecotServer>();
        ASSERT_TRUE(server->start()) << server->errorString().toStdString();
        store = std::make_unique<storage::AttachmentStore>(dir.path());
        ingest
            = std::make_unique<engine::Ingest>(ws.db(), *store, sla, [] { return QDateTime::currentSecsSinceEpoch(); });
        account.id = QStringLiteral("email:agent@example.com");
        account.name = QStringLiteral("Support");
        account.imapUrl = QStringLiteral("imap+plain://127.0.0.1:") + QString::number(server->port());
        account.username = DovecotServer::userName();
    }

    std::unique_ptr<engine::EmailInbound> startInbound()
    {
        auto inbound
            = std::make_unique<engine::EmailInbound>(ws.db(), *ingest, transports, account, DovecotServer::password());
        QObject::connect(inbound.get(), &engine::EmailInbound::failed, inbound.get(),
            [](const QString &message) { ADD_FAILURE() << message.toStdString(); });
        EXPECT_TRUE(inbound->start());
        return inbound;
    }

    qint64 count(const QString &sql)
    {
        storage::SqlQuery q(ws.db(), sql);
        q.exec();
        return q.next() ? q.int64(0) : -1;
    }

    waybill::testing::TestWorkspace ws { waybill::testing::TestWorkspace::Kind::OnDisk };
    QTemporaryDir dir;
    engine::SlaClock sla;
    channels::SslTransportFactory transports;
    std::unique_ptr<DovecotServer> server;
    std::unique_ptr<storage::AttachmentStore> store;
    std::unique_ptr<engine::Ingest> ingest;
    domain::EmailAccount account;
};

TEST_F(EmailInboundDovecotTest, MailBecomesConversationsAndARestartDuplicatesNothing)
{
    ASSERT_TRUE(
        server->deliver(QStringLiteral("INBOX"), mail("q1@example.net", "Order #1042 is late", "Where is it?")));
    ASSERT_TRUE(server->deliver(QStringLiteral("INBOX"),
        mail("q2@example.net", "Re: Order #1042 is late", "Any news?", "In-Reply-To: <q1@example.net>\r\n")));
    ASSERT_TRUE(server->deliver(QStringLiteral("INBOX"), tooDeep()));
    {
        auto inbound = startInbound();
        ASSERT_TRUE(waitUntil([&] { return inbound->isSynced(); }, 15000)) << server->log().toStdString();
        inbound->stop();
    }
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 2);
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM messages WHERE thread_reason = 'threaded by In-Reply-To'")), 1);
    EXPECT_EQ(storage::QuarantineRepository(ws.db()).open().size(), 1);
    EXPECT_EQ(storage::SyncStateRepository(ws.db()).value(account.id, QStringLiteral("imap:INBOX:lastuid")),
        QStringLiteral("3"));

    // A restart resumes after UID 3; a message delivered while idling arrives and nothing is stored twice.
    auto inbound = startInbound();
    ASSERT_TRUE(waitUntil([&] { return inbound->isSynced(); }, 15000));
    QSignalSpy changed(inbound.get(), &engine::EmailInbound::conversationsChanged);
    ASSERT_TRUE(
        server->deliver(QStringLiteral("INBOX"), mail("n1@example.net", "New question", "Do you ship to Osaka?")));
    ASSERT_TRUE(waitUntil([&] { return changed.size() >= 1; }, 5000));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM conversations")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM messages")), 3);
    EXPECT_EQ(storage::QuarantineRepository(ws.db()).open().size(), 1);
}

TEST_F(EmailInboundDovecotTest, MisconfiguredServerIsNamed)
{
    account.imapUrl = QStringLiteral("imap+plain://mail.example.com");
    engine::EmailInbound inbound(ws.db(), *ingest, transports, account, QString());
    QSignalSpy failed(&inbound, &engine::EmailInbound::failed);
    EXPECT_FALSE(inbound.start());
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.first().first().toString().contains(QStringLiteral("only to this computer")));
}

} // namespace
