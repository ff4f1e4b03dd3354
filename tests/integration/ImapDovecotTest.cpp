// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ImapMailboxSync against a real dovecot on loopback: LOGIN, AUTHENTICATE PLAIN and XOAUTH2, new mail pushed
// through IDLE, a recreated folder (UIDVALIDITY change), and a connection cut in the middle of a FETCH.
#include "DovecotServer.h"
#include "LoopbackProxy.h"
#include "QtPrinters.h"
#include "TestWorkspace.h"
#include "UserinfoServer.h"
#include "channels/SslTransportFactory.h"
#include "channels/email/ImapClient.h"
#include "channels/email/ImapConnectTask.h"
#include "channels/email/ImapMailboxSync.h"

#include <QElapsedTimer>
#include <QSignalSpy>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::DovecotServer;
using waybill::testing::LoopbackProxy;
using waybill::testing::UserinfoServer;
using waybill::testing::waitUntil;

namespace {

QByteArray mail(int number, qsizetype padding = 0)
{
    QByteArray text = "From: Customer " + QByteArray::number(number)
        + " <customer@example.net>\r\n"
          "To: agent@example.com\r\nSubject: Where is order #10"
        + QByteArray::number(number) + "?\r\nMessage-ID: <m" + QByteArray::number(number)
        + "@example.net>\r\n\r\nHello, message " + QByteArray::number(number) + ".\r\n";
    for (qsizetype i = 0; i < padding; i += 76) {
        text += QByteArray(74, static_cast<char>('a' + (i / 76) % 26)) + "\r\n";
    }
    return text;
}

class ImapDovecotTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (DovecotServer::dovecotBinary().isEmpty()) {
            GTEST_SKIP() << "dovecot is not installed (apt-get install dovecot-imapd, or scripts/install-deps test)";
        }
    }
    void startServer(const QString &oauthUrl = {})
    {
        m_server = std::make_unique<DovecotServer>();
        ASSERT_TRUE(m_server->start(oauthUrl)) << m_server->errorString().toStdString();
    }
    ImapAccountConfig account(
        quint16 port, ImapAccountConfig::AuthMethod method = ImapAccountConfig::AuthMethod::Automatic) const
    {
        ImapAccountConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = port;
        config.security = Transport::Security::None; // loopback only; TLS is covered by the transcript tests
        config.authMethod = method;
        config.username = DovecotServer::userName();
        config.secret = DovecotServer::password();
        config.commandTimeoutMs = 10000;
        return config;
    }
    void startSync(const ImapAccountConfig &account, ImapSyncConfig config)
    {
        config.reconnectInitialMs = 50;
        m_sync = std::make_unique<ImapMailboxSync>(m_factory, account, config);
        QObject::connect(
            m_sync.get(), &ImapMailboxSync::messageFetched, m_sync.get(), [this](const ImapFetchedMessage &message) {
                m_messages.append(message);
                m_sync->confirm(message.uidValidity, message.uid);
            });
        QObject::connect(m_sync.get(), &ImapMailboxSync::failed, m_sync.get(),
            [](const ImapError &error) { ADD_FAILURE() << error.message.toStdString(); });
        m_synced = std::make_unique<QSignalSpy>(m_sync.get(), &ImapMailboxSync::synced);
        m_sync->start();
    }
    bool waitForSynced(int count = 1, int timeoutMs = 10000)
    {
        return waitUntil([&]() { return m_synced->size() >= count; }, timeoutMs);
    }

    SslTransportFactory m_factory;
    std::unique_ptr<DovecotServer> m_server;
    std::unique_ptr<ImapMailboxSync> m_sync;
    std::unique_ptr<QSignalSpy> m_synced;
    QList<ImapFetchedMessage> m_messages;
};

TEST_F(ImapDovecotTest, LoginFetchesWhatIsThere)
{
    startServer();
    for (int i = 1; i <= 3; ++i) {
        ASSERT_TRUE(m_server->deliver(QStringLiteral("INBOX"), mail(i)));
    }
    startSync(account(m_server->port(), ImapAccountConfig::AuthMethod::Login), {});
    ASSERT_TRUE(waitForSynced()) << m_server->log().toStdString();
    ASSERT_EQ(m_messages.size(), 3);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(m_messages[i].raw, mail(i + 1));
        EXPECT_EQ(m_messages[i].uid, static_cast<quint32>(i + 1));
        EXPECT_NE(m_messages[i].uidValidity, 0u);
    }
}

TEST_F(ImapDovecotTest, AuthenticatePlainAndWrongPassword)
{
    startServer();
    ImapClient client(m_factory, account(m_server->port(), ImapAccountConfig::AuthMethod::Plain));
    ImapConnectTask connect(client);
    QSignalSpy finished(&connect, &ImapTask::finished);
    connect.start();
    ASSERT_TRUE(finished.wait(10000)) << m_server->log().toStdString();
    EXPECT_TRUE(client.hasCapability("IDLE"));

    ImapAccountConfig wrong = account(m_server->port(), ImapAccountConfig::AuthMethod::Plain);
    wrong.secret = QStringLiteral("not the password");
    ImapClient rejected(m_factory, wrong);
    ImapConnectTask refused(rejected);
    QSignalSpy failed(&refused, &ImapTask::failed);
    refused.start();
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.first().first().value<ImapError>().kind, ImapError::Kind::Authentication);
}

TEST_F(ImapDovecotTest, Xoauth2WithATokenTheUserinfoEndpointAccepts)
{
    UserinfoServer userinfo("good-token", DovecotServer::userName().toUtf8());
    startServer(userinfo.url());
    ImapAccountConfig config = account(m_server->port(), ImapAccountConfig::AuthMethod::XOAuth2);
    config.secret = QStringLiteral("good-token");
    ImapClient client(m_factory, config);
    ImapConnectTask connect(client);
    QSignalSpy finished(&connect, &ImapTask::finished);
    QSignalSpy failed(&connect, &ImapTask::failed);
    connect.start();
    ASSERT_TRUE(waitUntil([&]() { return finished.size() + failed.size() > 0; }, 10000));
    ASSERT_EQ(finished.size(), 1) << (failed.isEmpty()
            ? std::string()
            : failed.first().first().value<ImapError>().message.toStdString())
                                  << m_server->log().toStdString();
    EXPECT_GE(userinfo.requests(), 1);

    config.secret = QStringLiteral("stolen-token");
    ImapClient other(m_factory, config);
    ImapConnectTask refused(other);
    QSignalSpy refusedFailed(&refused, &ImapTask::failed);
    QSignalSpy refusedFinished(&refused, &ImapTask::finished);
    refused.start();
    ASSERT_TRUE(waitUntil([&]() { return refusedFinished.size() + refusedFailed.size() > 0; }, 15000));
    EXPECT_EQ(refusedFinished.size(), 0); // "not OK": dovecot may call it a temporary failure
}

TEST_F(ImapDovecotTest, MailDeliveredWhileIdlingArrivesWithinTwoSeconds)
{
    startServer();
    ASSERT_TRUE(m_server->deliver(QStringLiteral("INBOX"), mail(1)));
    startSync(account(m_server->port()), {});
    ASSERT_TRUE(waitForSynced());
    ASSERT_TRUE(waitUntil([&]() { return m_sync->state() == ImapMailboxSync::State::Idling; }, 5000));
    ASSERT_EQ(m_messages.size(), 1);

    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(m_server->deliver(QStringLiteral("INBOX"), mail(2)));
    ASSERT_TRUE(waitUntil([&]() { return m_messages.size() == 2; }, 2000))
        << "not pushed within 2 s; state " << static_cast<int>(m_sync->state());
    EXPECT_LE(clock.elapsed(), 2000);
    EXPECT_EQ(m_messages[1].raw, mail(2));
    EXPECT_EQ(m_messages[1].uid, 2u);
}

TEST_F(ImapDovecotTest, RecreatedFolderIsDetectedAsAUidValidityChange)
{
    startServer();
    ASSERT_TRUE(m_server->doveadm({ QStringLiteral("mailbox"), QStringLiteral("create"), QStringLiteral("Support") }))
        << m_server->errorString().toStdString();
    ASSERT_TRUE(m_server->deliver(QStringLiteral("Support"), mail(1)));
    ASSERT_TRUE(m_server->deliver(QStringLiteral("Support"), mail(2)));
    ImapSyncConfig config;
    config.mailbox = QStringLiteral("Support");
    startSync(account(m_server->port()), config);
    ASSERT_TRUE(waitForSynced()) << m_server->log().toStdString();
    ASSERT_EQ(m_messages.size(), 2);
    const quint32 firstValidity = m_messages[0].uidValidity;
    m_sync->stop();

    ASSERT_TRUE(m_server->doveadm({ QStringLiteral("mailbox"), QStringLiteral("delete"), QStringLiteral("Support") }))
        << m_server->errorString().toStdString();
    QThread::sleep(1); // dovecot derives a new UIDVALIDITY from the clock
    ASSERT_TRUE(m_server->doveadm({ QStringLiteral("mailbox"), QStringLiteral("create"), QStringLiteral("Support") }));
    ASSERT_TRUE(m_server->deliver(QStringLiteral("Support"), mail(3)));

    m_messages.clear();
    config.uidValidity = firstValidity;
    config.lastUid = 2;
    startSync(account(m_server->port()), config);
    QSignalSpy changed(m_sync.get(), &ImapMailboxSync::uidValidityChanged);
    ASSERT_TRUE(waitForSynced()) << m_server->log().toStdString();
    ASSERT_EQ(changed.size(), 1);
    EXPECT_EQ(changed.first().at(1).toUInt(), firstValidity);
    ASSERT_EQ(m_messages.size(), 1);
    EXPECT_NE(m_messages[0].uidValidity, firstValidity);
    EXPECT_EQ(m_messages[0].raw, mail(3));
}

TEST_F(ImapDovecotTest, ConnectionCutInTheMiddleOfAFetchResumesWithoutLossOrDuplicates)
{
    startServer();
    constexpr int Count = 6;
    for (int i = 1; i <= Count; ++i) {
        ASSERT_TRUE(m_server->deliver(QStringLiteral("INBOX"), mail(i, 150 * 1024)));
    }
    LoopbackProxy proxy(m_server->port());
    proxy.cutAfter("BODY[] {", 3, 40 * 1024); // inside the third message, the first of the second batch
    ImapSyncConfig config;
    config.batchMessages = 2;
    startSync(account(proxy.port()), config);
    QSignalSpy interrupted(m_sync.get(), &ImapMailboxSync::interrupted);
    ASSERT_TRUE(waitForSynced(1, 20000)) << m_server->log().toStdString();
    EXPECT_EQ(proxy.cuts(), 1);
    EXPECT_GE(interrupted.size(), 1);
    ASSERT_EQ(m_messages.size(), Count);
    for (int i = 0; i < Count; ++i) {
        EXPECT_EQ(m_messages[i].uid, static_cast<quint32>(i + 1));
        EXPECT_TRUE(m_messages[i].raw == mail(i + 1, 150 * 1024)) << "message " << i + 1;
    }
}

} // namespace
