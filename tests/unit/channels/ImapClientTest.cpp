// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// ImapClient and its tasks against a scripted server, written like the RFC 3501 dialogues.
#include "FakeTransportFactory.h"
#include "QtPrinters.h"
#include "TagGenerator.h"
#include "TestWorkspace.h"
#include "channels/email/ImapAuthenticateTask.h"
#include "channels/email/ImapClient.h"
#include "channels/email/ImapConnectTask.h"
#include "channels/email/ImapIdleTask.h"
#include "channels/email/ImapSelectTask.h"
#include "channels/email/ImapStoreTask.h"

#include <QSignalSpy>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::FakeTransport;
using waybill::testing::FakeTransportFactory;
using waybill::testing::TagGenerator;

namespace {

class ImapClientTest : public ::testing::Test {
protected:
    void open(ImapAccountConfig::AuthMethod method, Transport::Security security = Transport::Security::ImplicitTls,
        QString secret = QStringLiteral("secret"))
    {
        ImapAccountConfig config;
        config.host = QStringLiteral("imap.example.com");
        config.port = 993;
        config.security = security;
        config.authMethod = method;
        config.username = QStringLiteral("agent@example.com");
        config.secret = std::move(secret);
        config.commandTimeoutMs = 200;
        m_client = std::make_unique<ImapClient>(m_factory, config);
        m_connect = std::make_unique<ImapConnectTask>(*m_client);
        m_finished = std::make_unique<QSignalSpy>(m_connect.get(), &ImapTask::finished);
        m_failed = std::make_unique<QSignalSpy>(m_connect.get(), &ImapTask::failed);
        m_connect->start();
    }
    /// A server that greets with PREAUTH: the connection is ready at once.
    void openPreauthenticated(const QByteArray &capabilities = "IMAP4rev1 IDLE")
    {
        open(ImapAccountConfig::AuthMethod::Login);
        serverSays("* PREAUTH [CAPABILITY " + capabilities + "] welcome\r\n");
        ASSERT_EQ(m_finished->size(), 1);
    }
    FakeTransport *server() const { return m_factory.latest(); }
    void serverSays(const QByteArray &bytes) { server()->serverSays(bytes); }
    void expectClient(const QByteArray &bytes) { EXPECT_EQ(server()->takeWritten(), bytes); }
    ImapError connectError() const { return m_failed->first().first().value<ImapError>(); }

    FakeTransportFactory m_factory;
    std::unique_ptr<ImapClient> m_client;
    std::unique_ptr<ImapConnectTask> m_connect;
    std::unique_ptr<QSignalSpy> m_finished;
    std::unique_ptr<QSignalSpy> m_failed;
    TagGenerator m_tag;
};

TEST_F(ImapClientTest, LoginAfterAskingForCapabilities)
{
    open(ImapAccountConfig::AuthMethod::Login);
    EXPECT_EQ(server()->host(), QStringLiteral("imap.example.com"));
    EXPECT_EQ(server()->security(), Transport::Security::ImplicitTls);
    serverSays("* OK Dovecot ready.\r\n");
    expectClient(m_tag.next() + " CAPABILITY\r\n");
    serverSays("* CAPABILITY IMAP4rev1 IDLE LITERAL+\r\n" + m_tag.last() + " OK Capability completed\r\n");
    expectClient(m_tag.next() + " LOGIN \"agent@example.com\" \"secret\"\r\n");
    serverSays(m_tag.last() + " OK [CAPABILITY IMAP4rev1 IDLE UIDPLUS] Logged in\r\n");
    EXPECT_EQ(m_finished->size(), 1);
    EXPECT_EQ(m_failed->size(), 0);
    EXPECT_TRUE(m_client->hasCapability("UIDPLUS"));
    expectClient("");
}

TEST_F(ImapClientTest, LoginSendsAnUnquotablePasswordAsASynchronisingLiteral)
{
    open(ImapAccountConfig::AuthMethod::Login, Transport::Security::ImplicitTls, QStringLiteral("p\u00e4ss"));
    serverSays("* OK [CAPABILITY IMAP4rev1] ready\r\n");
    expectClient(m_tag.next() + " LOGIN \"agent@example.com\" {5}\r\n");
    serverSays("+ go ahead\r\n");
    expectClient("p\xc3\xa4ss\r\n");
    serverSays(m_tag.last() + " OK Logged in\r\n");
    expectClient(m_tag.next() + " CAPABILITY\r\n");
    serverSays("* CAPABILITY IMAP4rev1\r\n" + m_tag.last() + " OK done\r\n");
    EXPECT_EQ(m_finished->size(), 1);
}

TEST_F(ImapClientTest, RejectedLoginFailsOnceWithAnAuthenticationError)
{
    open(ImapAccountConfig::AuthMethod::Login);
    serverSays("* OK [CAPABILITY IMAP4rev1] ready\r\n");
    expectClient(m_tag.next() + " LOGIN \"agent@example.com\" \"secret\"\r\n");
    serverSays(m_tag.last() + " NO [AUTHENTICATIONFAILED] Authentication failed.\r\n");
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(m_finished->size(), 0);
    EXPECT_EQ(connectError().kind, ImapError::Kind::Authentication);
    EXPECT_EQ(connectError().message, QStringLiteral("Authentication failed."));
    EXPECT_TRUE(connectError().isPermanent());
}

TEST_F(ImapClientTest, AuthenticatePlainWithInitialResponse)
{
    open(ImapAccountConfig::AuthMethod::Automatic);
    serverSays("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=LOGIN] ready\r\n");
    // base64("\0agent@example.com\0secret")
    expectClient(m_tag.next() + " AUTHENTICATE PLAIN AGFnZW50QGV4YW1wbGUuY29tAHNlY3JldA==\r\n");
    serverSays(m_tag.last() + " OK Logged in\r\n");
    expectClient(m_tag.next() + " CAPABILITY\r\n");
    serverSays("* CAPABILITY IMAP4rev1 IDLE\r\n" + m_tag.last() + " OK done\r\n");
    EXPECT_EQ(m_finished->size(), 1);
}

TEST_F(ImapClientTest, AuthenticatePlainWaitsForTheContinuationWithoutSaslIr)
{
    open(ImapAccountConfig::AuthMethod::Plain);
    serverSays("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n");
    expectClient(m_tag.next() + " AUTHENTICATE PLAIN\r\n");
    serverSays("+ \r\n");
    expectClient("AGFnZW50QGV4YW1wbGUuY29tAHNlY3JldA==\r\n");
    serverSays(m_tag.last() + " OK [CAPABILITY IMAP4rev1] Logged in\r\n");
    EXPECT_EQ(m_finished->size(), 1);
}

TEST_F(ImapClientTest, AuthenticateXoauth2)
{
    open(ImapAccountConfig::AuthMethod::XOAuth2, Transport::Security::ImplicitTls, QStringLiteral("ya29.token"));
    serverSays("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready\r\n");
    const QByteArray expected = QByteArray("user=agent@example.com\x01"
                                           "auth=Bearer ya29.token\x01\x01")
                                    .toBase64();
    expectClient(m_tag.next() + " AUTHENTICATE XOAUTH2 " + expected + "\r\n");
    serverSays(m_tag.last() + " OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n");
    EXPECT_EQ(m_finished->size(), 1);
}

TEST_F(ImapClientTest, RejectedXoauth2TokenIsAcknowledgedAndReported)
{
    open(ImapAccountConfig::AuthMethod::XOAuth2, Transport::Security::ImplicitTls, QStringLiteral("expired"));
    serverSays("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready\r\n");
    server()->takeWritten();
    const QByteArray tag = m_tag.next();
    serverSays("+ " + QByteArray(R"({"status":"401","schemes":"bearer"})").toBase64() + "\r\n");
    expectClient("\r\n");
    serverSays(tag + " NO [AUTHENTICATIONFAILED] Authentication failed\r\n");
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(connectError().kind, ImapError::Kind::Authentication);
    EXPECT_TRUE(connectError().message.contains(QStringLiteral("401")));
}

TEST_F(ImapClientTest, Xoauth2NeedsTheServerToOfferIt)
{
    open(ImapAccountConfig::AuthMethod::XOAuth2);
    serverSays("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n");
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(connectError().kind, ImapError::Kind::Unsupported);
    expectClient("");
}

TEST_F(ImapClientTest, StartTlsThenCapabilityAgainThenLogin)
{
    open(ImapAccountConfig::AuthMethod::Login, Transport::Security::StartTls);
    serverSays("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n");
    expectClient(m_tag.next() + " STARTTLS\r\n");
    serverSays(m_tag.last() + " OK Begin TLS negotiation now.\r\n");
    EXPECT_TRUE(server()->tlsStarted());
    expectClient(m_tag.next() + " CAPABILITY\r\n");
    serverSays("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + m_tag.last() + " OK done\r\n");
    expectClient(m_tag.next() + " LOGIN \"agent@example.com\" \"secret\"\r\n");
    serverSays(m_tag.last() + " OK [CAPABILITY IMAP4rev1] Logged in\r\n");
    EXPECT_EQ(m_finished->size(), 1);
}

TEST_F(ImapClientTest, StartTlsRequiredButNotOfferedFails)
{
    open(ImapAccountConfig::AuthMethod::Login, Transport::Security::StartTls);
    serverSays("* OK [CAPABILITY IMAP4rev1] ready\r\n");
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(connectError().kind, ImapError::Kind::Tls);
    expectClient("");
}

TEST_F(ImapClientTest, ByeGreetingIsATemporaryRefusal)
{
    open(ImapAccountConfig::AuthMethod::Login);
    serverSays("* BYE Too many connections\r\n");
    ASSERT_EQ(m_failed->size(), 1);
    EXPECT_EQ(connectError().kind, ImapError::Kind::Temporary);
    EXPECT_FALSE(connectError().isPermanent());
}

TEST_F(ImapClientTest, SilentServerTimesOut)
{
    open(ImapAccountConfig::AuthMethod::Login);
    ASSERT_TRUE(m_failed->wait(2000));
    EXPECT_EQ(connectError().kind, ImapError::Kind::Timeout);
}

TEST_F(ImapClientTest, SelectCollectsUntaggedDataInAnyOrder)
{
    openPreauthenticated();
    ImapSelectTask select(*m_client, QStringLiteral("INBOX"), false);
    QSignalSpy finished(&select, &ImapTask::finished);
    select.start();
    expectClient(m_tag.next() + " SELECT \"INBOX\"\r\n");
    serverSays("* OK [UIDNEXT 4392] Predicted next UID\r\n"
               "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
               "* 172 EXISTS\r\n"
               "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n"
               "* 1 RECENT\r\n"
        + m_tag.last() + " OK [READ-WRITE] SELECT completed\r\n");
    ASSERT_EQ(finished.size(), 1);
    EXPECT_EQ(select.uidValidity(), 3857529045u);
    EXPECT_EQ(select.uidNext(), 4392u);
    EXPECT_EQ(select.exists(), 172u);
    EXPECT_EQ(select.flags().size(), 5);
}

TEST_F(ImapClientTest, ExamineOfAMissingMailboxFailsWithTheServersWords)
{
    openPreauthenticated();
    ImapSelectTask examine(*m_client, QStringLiteral("Support/\u304a\u554f\u3044\u5408\u308f\u305b"), true);
    QSignalSpy failed(&examine, &ImapTask::failed);
    examine.start();
    expectClient(m_tag.next() + " EXAMINE \"Support/&MEpVTzBEVAgwjzBb-\"\r\n");
    serverSays(m_tag.last() + " NO [NONEXISTENT] Mailbox doesn't exist: Support\r\n");
    ASSERT_EQ(failed.size(), 1);
    const auto error = failed.first().first().value<ImapError>();
    EXPECT_EQ(error.kind, ImapError::Kind::Command);
    EXPECT_EQ(error.responseCode, "NONEXISTENT");
}

TEST_F(ImapClientTest, BadCommandFails)
{
    openPreauthenticated();
    ImapStoreTask store(*m_client, { 4, 5, 9 }, ImapStoreTask::Operation::Remove, { "\\Seen" });
    QSignalSpy failed(&store, &ImapTask::failed);
    store.start();
    expectClient(m_tag.next() + " UID STORE 4:5,9 -FLAGS.SILENT (\\Seen)\r\n");
    serverSays(m_tag.last() + " BAD Error in IMAP command UID STORE: Invalid arguments.\r\n");
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.first().first().value<ImapError>().kind, ImapError::Kind::Command);
}

TEST_F(ImapClientTest, StoreSeen)
{
    openPreauthenticated();
    ImapStoreTask store(*m_client, { 7 }, ImapStoreTask::Operation::Add, { "\\Seen" });
    QSignalSpy finished(&store, &ImapTask::finished);
    store.start();
    expectClient(m_tag.next() + " UID STORE 7 +FLAGS.SILENT (\\Seen)\r\n");
    serverSays(m_tag.last() + " OK Store completed.\r\n");
    EXPECT_EQ(finished.size(), 1);
}

TEST_F(ImapClientTest, IdleEndsOnNewMail)
{
    openPreauthenticated();
    ImapIdleTask idle(*m_client, 60 * 1000);
    QSignalSpy idling(&idle, &ImapIdleTask::idling);
    QSignalSpy changed(&idle, &ImapIdleTask::changed);
    QSignalSpy finished(&idle, &ImapTask::finished);
    idle.start();
    expectClient(m_tag.next() + " IDLE\r\n");
    serverSays("+ idling\r\n");
    EXPECT_EQ(idling.size(), 1);
    serverSays("* 4 EXISTS\r\n");
    EXPECT_EQ(changed.size(), 1);
    expectClient("DONE\r\n");
    serverSays(m_tag.last() + " OK Idle completed.\r\n");
    EXPECT_EQ(finished.size(), 1);
    EXPECT_TRUE(idle.sawChange());
}

TEST_F(ImapClientTest, IdleIsReissuedBeforeTheServerLimit)
{
    openPreauthenticated();
    ImapIdleTask idle(*m_client, 50);
    QSignalSpy finished(&idle, &ImapTask::finished);
    idle.start();
    expectClient(m_tag.next() + " IDLE\r\n");
    serverSays("+ idling\r\n");
    ASSERT_TRUE(waybill::testing::waitUntil([&]() { return server()->takeWritten() == "DONE\r\n"; }, 2000));
    serverSays(m_tag.last() + " OK Idle completed.\r\n");
    EXPECT_EQ(finished.size(), 1);
    EXPECT_FALSE(idle.sawChange());
}

TEST_F(ImapClientTest, IdleIsNotATimeout)
{
    openPreauthenticated();
    ImapIdleTask idle(*m_client, 60 * 1000);
    QSignalSpy failed(&idle, &ImapTask::failed);
    idle.start();
    serverSays("+ idling\r\n");
    EXPECT_FALSE(failed.wait(500)); // the command timeout is 200 ms
}

TEST_F(ImapClientTest, DropFailsEveryRunningTaskOnce)
{
    openPreauthenticated();
    ImapSelectTask select(*m_client, QStringLiteral("INBOX"), false);
    QSignalSpy failed(&select, &ImapTask::failed);
    QSignalSpy lost(m_client.get(), &ImapClient::connectionLost);
    select.start();
    serverSays("* 3 EXISTS\r\n");
    server()->serverCloses();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(lost.size(), 1);
    EXPECT_EQ(failed.first().first().value<ImapError>().kind, ImapError::Kind::Transport);
}

TEST_F(ImapClientTest, GarbageFromTheServerDropsTheConnection)
{
    openPreauthenticated();
    ImapSelectTask select(*m_client, QStringLiteral("INBOX"), false);
    QSignalSpy failed(&select, &ImapTask::failed);
    select.start();
    serverSays("* 1 FETCH (BODY[] {12345678901234}\r\n");
    ASSERT_EQ(failed.size(), 1);
    EXPECT_EQ(failed.first().first().value<ImapError>().kind, ImapError::Kind::Protocol);
    EXPECT_FALSE(m_client->isConnected());
}

} // namespace
