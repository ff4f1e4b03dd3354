// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpClient and its tasks against a scripted server, written like the RFC 5321 / RFC 4954 dialogues.
#include "FakeTransportFactory.h"
#include "QtPrinters.h"
#include "channels/email/SaslResponse.h"
#include "channels/email/SmtpClient.h"
#include "channels/email/SmtpConnectTask.h"
#include "channels/email/SmtpSendTask.h"

#include <QSignalSpy>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::FakeTransport;
using waybill::testing::FakeTransportFactory;

namespace {

const QByteArray Message = "From: agent@example.com\r\nTo: customer@example.net\r\nSubject: Your order\r\n\r\n"
                           "Hello,\r\n.your parcel left today.\r\n";
const QByteArray Capabilities = "250-smtp.example.com\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n"
                                "250-AUTH PLAIN LOGIN XOAUTH2\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n";

/// A send and the spies on its two ending signals.
struct Sending {
    std::unique_ptr<SmtpSendTask> task;
    std::unique_ptr<QSignalSpy> finished;
    std::unique_ptr<QSignalSpy> failed;

    SmtpSendResult result() const { return finished->first().first().value<SmtpSendResult>(); }
    SmtpError error() const { return failed->first().first().value<SmtpError>(); }
    /// Exactly one ending signal, and it is the failure.
    bool failedOnce() const { return failed->size() == 1 && finished->size() == 0; }
};

class SmtpClientTest : public ::testing::Test {
protected:
    void open(SmtpAccountConfig::AuthMethod method = SmtpAccountConfig::AuthMethod::Automatic,
        Transport::Security security = Transport::Security::ImplicitTls, QString secret = QStringLiteral("secret"))
    {
        SmtpAccountConfig config;
        config.host = QStringLiteral("smtp.example.com");
        config.port = security == Transport::Security::ImplicitTls ? 465 : 587;
        config.security = security;
        config.authMethod = method;
        config.username = QStringLiteral("agent@example.com");
        config.secret = std::move(secret);
        config.commandTimeoutMs = 200;
        m_client = std::make_unique<SmtpClient>(m_factory, config);
    }
    Sending send(const QStringList &recipients = { QStringLiteral("customer@example.net") },
        const QByteArray &message = Message, const QString &from = QStringLiteral("agent@example.com"))
    {
        Sending sending;
        sending.task = std::make_unique<SmtpSendTask>(*m_client, from, recipients, message);
        sending.finished = std::make_unique<QSignalSpy>(sending.task.get(), &SmtpSendTask::finished);
        sending.failed = std::make_unique<QSignalSpy>(sending.task.get(), &SmtpTask::failed);
        sending.task->start();
        return sending;
    }
    /// Greeting, EHLO and AUTH PLAIN as Postfix on 465 answers them.
    void greetAndLogIn(const QByteArray &capabilities = Capabilities)
    {
        serverSays("220 smtp.example.com ESMTP Postfix\r\n");
        expectClient("EHLO [127.0.0.1]\r\n");
        serverSays(capabilities);
        expectClient("AUTH PLAIN " + SaslResponse::plain(QStringLiteral("agent@example.com"), QStringLiteral("secret"))
            + "\r\n");
        serverSays("235 2.7.0 Authentication successful\r\n");
    }
    void sendEnvelope(const QByteArray &mailFrom = "MAIL FROM:<agent@example.com> SIZE=109\r\n")
    {
        expectClient(mailFrom);
        serverSays("250 2.1.0 Ok\r\n");
        expectClient("RCPT TO:<customer@example.net>\r\n");
        serverSays("250 2.1.5 Ok\r\n");
        expectClient("DATA\r\n");
        serverSays("354 End data with <CR><LF>.<CR><LF>\r\n");
    }
    FakeTransport *server() const { return m_factory.latest(); }
    void serverSays(const QByteArray &bytes) { server()->serverSays(bytes); }
    void expectClient(const QByteArray &bytes) { EXPECT_EQ(server()->takeWritten(), bytes); }

    FakeTransportFactory m_factory;
    std::unique_ptr<SmtpClient> m_client;
};

TEST_F(SmtpClientTest, ImplicitTlsAuthPlainAndOneMessage)
{
    open();
    Sending sending = send();
    EXPECT_EQ(server()->security(), Transport::Security::ImplicitTls);
    EXPECT_EQ(server()->port(), 465);
    greetAndLogIn();
    sendEnvelope();
    expectClient("From: agent@example.com\r\nTo: customer@example.net\r\nSubject: Your order\r\n\r\n"
                 "Hello,\r\n..your parcel left today.\r\n.\r\n");
    serverSays("250 2.0.0 Ok: queued as 4F3B21C0D2\r\n");
    ASSERT_EQ(sending.finished->size(), 1);
    EXPECT_EQ(sending.failed->size(), 0);
    EXPECT_EQ(sending.result().code, 250);
    EXPECT_EQ(sending.result().enhancedStatus, "2.0.0");
    EXPECT_EQ(sending.result().text, QStringLiteral("Ok: queued as 4F3B21C0D2"));
    EXPECT_EQ(sending.result().queueId, QStringLiteral("4F3B21C0D2"));
    EXPECT_EQ(sending.result().recipients, QStringList { QStringLiteral("customer@example.net") });
    EXPECT_TRUE(m_client->isReady());

    QSignalSpy closed(m_client.get(), &SmtpClient::closed);
    m_client->quit();
    expectClient("QUIT\r\n");
    serverSays("221 2.0.0 Bye\r\n");
    EXPECT_EQ(closed.size(), 1);
    EXPECT_FALSE(m_client->isConnected());
}

TEST_F(SmtpClientTest, StartTlsThenEhloAgainThenAuthLogin)
{
    open(SmtpAccountConfig::AuthMethod::Login, Transport::Security::StartTls);
    Sending sending = send();
    serverSays("220 mail.example.com ESMTP\r\n");
    expectClient("EHLO [127.0.0.1]\r\n");
    serverSays("250-mail.example.com\r\n250-STARTTLS\r\n250 8BITMIME\r\n");
    expectClient("STARTTLS\r\n");
    serverSays("220 2.0.0 Ready to start TLS\r\n");
    EXPECT_TRUE(server()->tlsStarted());
    expectClient("EHLO [127.0.0.1]\r\n");
    serverSays("250-mail.example.com\r\n250 AUTH LOGIN PLAIN\r\n");
    expectClient("AUTH LOGIN\r\n");
    serverSays("334 VXNlcm5hbWU6\r\n");
    expectClient("YWdlbnRAZXhhbXBsZS5jb20=\r\n");
    serverSays("334 UGFzc3dvcmQ6\r\n");
    expectClient("c2VjcmV0\r\n");
    serverSays("235 2.7.0 Authentication successful\r\n");
    expectClient("MAIL FROM:<agent@example.com>\r\n"); // SIZE only when offered
    EXPECT_EQ(sending.failed->size(), 0);
}

TEST_F(SmtpClientTest, StartTlsRequiredButNotOfferedFailsBeforeAnyPassword)
{
    open(SmtpAccountConfig::AuthMethod::Automatic, Transport::Security::StartTls);
    Sending sending = send();
    serverSays("220 mail.example.com ESMTP\r\n");
    expectClient("EHLO [127.0.0.1]\r\n");
    serverSays("250-mail.example.com\r\n250 AUTH PLAIN\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Tls);
    EXPECT_TRUE(sending.error().isPermanent());
    expectClient("");
}

TEST_F(SmtpClientTest, DataAfterStartTlsReplyIsRefused)
{
    open(SmtpAccountConfig::AuthMethod::Automatic, Transport::Security::StartTls);
    Sending sending = send();
    serverSays("220 mail.example.com ESMTP\r\n");
    serverSays("250-mail.example.com\r\n250 STARTTLS\r\n");
    server()->takeWritten();
    serverSays("220 go ahead\r\n250-injected\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Tls);
    EXPECT_FALSE(server() && server()->tlsStarted());
}

TEST_F(SmtpClientTest, WrongPasswordIsAPermanentAuthenticationFailureWithTheServersWords)
{
    open(SmtpAccountConfig::AuthMethod::Plain);
    Sending sending = send();
    serverSays("220 smtp.example.com ESMTP\r\n");
    serverSays(Capabilities);
    server()->takeWritten();
    serverSays("535 5.7.8 Error: authentication failed: authentication failure\r\n");
    ASSERT_TRUE(sending.failedOnce());
    const SmtpError error = sending.error();
    EXPECT_EQ(error.kind, SmtpError::Kind::Authentication);
    EXPECT_TRUE(error.isPermanent());
    EXPECT_EQ(error.code, 535);
    EXPECT_EQ(error.enhancedStatus, "5.7.8");
    EXPECT_EQ(error.serverText, QStringLiteral("Error: authentication failed: authentication failure"));
    EXPECT_TRUE(error.message.contains(error.serverText));
}

TEST_F(SmtpClientTest, TemporaryAuthenticationFailure)
{
    open();
    Sending sending = send();
    serverSays("220 smtp.example.com ESMTP\r\n");
    serverSays(Capabilities);
    serverSays("454 4.7.0 Temporary authentication failure\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Authentication);
    EXPECT_TRUE(sending.error().isTemporary());
}

TEST_F(SmtpClientTest, Xoauth2)
{
    open(SmtpAccountConfig::AuthMethod::XOAuth2, Transport::Security::ImplicitTls, QStringLiteral("ya29.token"));
    Sending sending = send();
    serverSays("220 smtp.gmail.com ESMTP\r\n");
    expectClient("EHLO [127.0.0.1]\r\n");
    serverSays(Capabilities);
    const QByteArray token = QByteArray("user=agent@example.com\x01"
                                        "auth=Bearer ya29.token\x01\x01")
                                 .toBase64();
    expectClient("AUTH XOAUTH2 " + token + "\r\n");
    serverSays("235 2.7.0 Accepted\r\n");
    expectClient("MAIL FROM:<agent@example.com> SIZE=109\r\n");
}

TEST_F(SmtpClientTest, RejectedXoauth2TokenIsAcknowledgedAndReported)
{
    open(SmtpAccountConfig::AuthMethod::XOAuth2, Transport::Security::ImplicitTls, QStringLiteral("expired"));
    Sending sending = send();
    serverSays("220 smtp.gmail.com ESMTP\r\n");
    serverSays(Capabilities);
    server()->takeWritten();
    serverSays("334 "
        + QByteArray(R"({"status":"401","schemes":"bearer","scope":"https://mail.google.com/"})").toBase64() + "\r\n");
    expectClient("\r\n");
    serverSays("535-5.7.8 Username and Password not accepted. For more information, go to\r\n"
               "535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Authentication);
    EXPECT_TRUE(sending.error().isPermanent());
    EXPECT_TRUE(sending.error().message.contains(QStringLiteral("401")));
    EXPECT_TRUE(sending.error().serverText.startsWith(QStringLiteral("Username and Password not accepted.")));
}

TEST_F(SmtpClientTest, AMechanismTheServerLacksIsUnsupported)
{
    open(SmtpAccountConfig::AuthMethod::XOAuth2);
    Sending sending = send();
    serverSays("220 smtp.example.com ESMTP\r\n");
    serverSays("250-smtp.example.com\r\n250 AUTH PLAIN LOGIN\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Unsupported);
    EXPECT_TRUE(sending.error().isPermanent());
    EXPECT_TRUE(sending.error().message.contains(QStringLiteral("PLAIN LOGIN")));
}

TEST_F(SmtpClientTest, HeloWhenTheServerRefusesEhlo)
{
    open(SmtpAccountConfig::AuthMethod::None);
    Sending sending = send();
    serverSays("220 old.example.com SMTP\r\n");
    expectClient("EHLO [127.0.0.1]\r\n");
    serverSays("502 5.5.2 Error: command not recognized\r\n");
    expectClient("HELO [127.0.0.1]\r\n");
    serverSays("250 old.example.com\r\n");
    expectClient("MAIL FROM:<agent@example.com>\r\n");
}

TEST_F(SmtpClientTest, RefusingGreetings)
{
    open();
    Sending permanent = send();
    serverSays("554 5.7.1 Your IP is listed at a blocklist\r\n");
    ASSERT_TRUE(permanent.failedOnce());
    EXPECT_EQ(permanent.error().kind, SmtpError::Kind::Rejected);
    EXPECT_TRUE(permanent.error().isPermanent());
    EXPECT_EQ(permanent.error().serverText, QStringLiteral("Your IP is listed at a blocklist"));

    open();
    Sending temporary = send();
    serverSays("421 4.3.2 Too many connections, try later\r\n");
    ASSERT_TRUE(temporary.failedOnce());
    EXPECT_TRUE(temporary.error().isTemporary());
    EXPECT_EQ(temporary.error().enhancedStatus, "4.3.2");
    EXPECT_FALSE(m_client->isConnected());
}

TEST_F(SmtpClientTest, EightBitBodyAndUtf8HeadersAskForTheExtensionsWhenOffered)
{
    open();
    const QByteArray message = "Subject: \xe3\x81\x94\xe6\xb3\xa8\xe6\x96\x87\r\n\r\n\xe3\x81\x82\r\n";
    Sending sending = send({ QStringLiteral("\u5c71\u7530@example.jp") }, message);
    greetAndLogIn("250-smtp.example.com\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 AUTH PLAIN\r\n");
    expectClient("MAIL FROM:<agent@example.com> BODY=8BITMIME SMTPUTF8\r\n");
    serverSays("250 Ok\r\n");
    expectClient("RCPT TO:<\xe5\xb1\xb1\xe7\x94\xb0@example.jp>\r\n");
    serverSays("250 Ok\r\n");
    expectClient("DATA\r\n");
    serverSays("354 go\r\n");
    expectClient(message + ".\r\n");
    serverSays("250 Ok\r\n");
    EXPECT_EQ(sending.finished->size(), 1);
}

TEST_F(SmtpClientTest, SevenBitMessagesAskForNoExtension)
{
    open();
    Sending sending = send();
    greetAndLogIn("250-smtp.example.com\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 AUTH PLAIN\r\n");
    expectClient("MAIL FROM:<agent@example.com>\r\n");
}

TEST_F(SmtpClientTest, AnInternationalAddressNeedsSmtpUtf8)
{
    open();
    Sending sending = send({ QStringLiteral("\u5c71\u7530@example.jp") });
    greetAndLogIn();
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Unsupported);
    EXPECT_TRUE(sending.error().isPermanent());
    expectClient("");
}

TEST_F(SmtpClientTest, AMessageOverTheServersSizeLimitIsNotSent)
{
    open();
    Sending sending = send({ QStringLiteral("customer@example.net") }, QByteArray(2000, 'a'));
    greetAndLogIn("250-smtp.example.com\r\n250-SIZE 1000\r\n250 AUTH PLAIN\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Unsupported);
    expectClient("");
}

TEST_F(SmtpClientTest, UnknownRecipientIsPermanentWithTheServersWords)
{
    open();
    Sending sending = send({ QStringLiteral("customer@example.net"), QStringLiteral("nobody@example.net") });
    greetAndLogIn();
    expectClient("MAIL FROM:<agent@example.com> SIZE=109\r\n");
    serverSays("250 2.1.0 Ok\r\n");
    expectClient("RCPT TO:<customer@example.net>\r\n");
    serverSays("250 2.1.5 Ok\r\n");
    expectClient("RCPT TO:<nobody@example.net>\r\n");
    serverSays("550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in virtual mailbox table\r\n");
    ASSERT_TRUE(sending.failedOnce());
    const SmtpError error = sending.error();
    EXPECT_EQ(error.kind, SmtpError::Kind::Rejected);
    EXPECT_TRUE(error.isPermanent());
    EXPECT_EQ(error.code, 550);
    EXPECT_EQ(error.enhancedStatus, "5.1.1");
    EXPECT_EQ(error.recipient, QStringLiteral("nobody@example.net"));
    EXPECT_EQ(error.serverText,
        QStringLiteral("<nobody@example.net>: Recipient address rejected: User unknown in virtual mailbox table"));
    EXPECT_FALSE(error.mayHaveBeenDelivered);
    expectClient(""); // no DATA: all or nothing
}

TEST_F(SmtpClientTest, GreylistedRecipientIsTemporary)
{
    open();
    Sending sending = send();
    greetAndLogIn();
    expectClient("MAIL FROM:<agent@example.com> SIZE=109\r\n");
    serverSays("250 2.1.0 Ok\r\n");
    server()->takeWritten();
    serverSays("451 4.7.1 <customer@example.net>: Recipient address rejected: Greylisted, try again later\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_TRUE(sending.error().isTemporary());
    EXPECT_EQ(sending.error().code, 451);
    EXPECT_TRUE(sending.error().serverText.contains(QStringLiteral("Greylisted")));
}

TEST_F(SmtpClientTest, RefusedContentIsClassifiedByItsCode)
{
    open();
    Sending sending = send();
    greetAndLogIn();
    sendEnvelope();
    server()->takeWritten();
    serverSays("452 4.3.1 Insufficient system storage\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_TRUE(sending.error().isTemporary());
    EXPECT_FALSE(sending.error().mayHaveBeenDelivered);
}

TEST_F(SmtpClientTest, SecondMessageOnTheSameConnectionStartsWithRset)
{
    open();
    Sending first = send();
    greetAndLogIn();
    sendEnvelope();
    server()->takeWritten();
    serverSays("250 2.0.0 Ok: queued as AAA\r\n");
    ASSERT_EQ(first.finished->size(), 1);

    Sending second = send({ QStringLiteral("customer@example.net") }, "Subject: again\r\n\r\nHi\r\n");
    EXPECT_EQ(m_factory.createdCount(), 1);
    expectClient("RSET\r\n");
    serverSays("250 2.0.0 Ok\r\n");
    sendEnvelope("MAIL FROM:<agent@example.com> SIZE=22\r\n");
    expectClient("Subject: again\r\n\r\nHi\r\n.\r\n");
    serverSays("250 2.0.0 Ok: queued as BBB\r\n");
    ASSERT_EQ(second.finished->size(), 1);
    EXPECT_EQ(second.result().queueId, QStringLiteral("BBB"));
}

TEST_F(SmtpClientTest, AfterARefusedRecipientTheNextMessageStillGoesOut)
{
    open();
    Sending first = send({ QStringLiteral("nobody@example.net") });
    greetAndLogIn();
    server()->takeWritten();
    serverSays("250 2.1.0 Ok\r\n550 5.1.1 User unknown\r\n");
    ASSERT_TRUE(first.failedOnce());
    server()->takeWritten();
    Sending second = send();
    expectClient("RSET\r\n");
    serverSays("250 2.0.0 Ok\r\n");
    sendEnvelope();
}

TEST_F(SmtpClientTest, OneSendAtATime)
{
    open();
    Sending first = send();
    Sending second = send();
    ASSERT_TRUE(second.failedOnce());
    EXPECT_TRUE(second.error().isTemporary());
    EXPECT_TRUE(first.task->isRunning());
}

TEST_F(SmtpClientTest, ConnectionDroppedAfterTheContentMayHaveDelivered)
{
    open();
    Sending sending = send();
    greetAndLogIn();
    sendEnvelope();
    server()->serverCloses();
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Transport);
    EXPECT_TRUE(sending.error().isTemporary());
    EXPECT_TRUE(sending.error().mayHaveBeenDelivered);
}

TEST_F(SmtpClientTest, ConnectionDroppedBeforeDataIsTemporary)
{
    open();
    Sending sending = send();
    QSignalSpy lost(m_client.get(), &SmtpClient::connectionLost);
    greetAndLogIn();
    server()->serverCloses();
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_TRUE(sending.error().isTemporary());
    EXPECT_FALSE(sending.error().mayHaveBeenDelivered);
    EXPECT_EQ(lost.size(), 1);
}

TEST_F(SmtpClientTest, ServiceClosingMidTransactionIsTemporary)
{
    open();
    Sending sending = send();
    QSignalSpy lost(m_client.get(), &SmtpClient::connectionLost);
    greetAndLogIn();
    serverSays("421 4.4.2 smtp.example.com Error: timeout exceeded\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_TRUE(sending.error().isTemporary());
    EXPECT_EQ(sending.error().code, 421);
    EXPECT_EQ(lost.size(), 1);
    EXPECT_FALSE(m_client->isConnected());
}

TEST_F(SmtpClientTest, SilentServerTimesOut)
{
    open();
    Sending sending = send();
    ASSERT_TRUE(sending.failed->wait(2000));
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Timeout);
    EXPECT_TRUE(sending.error().isTemporary());
    EXPECT_EQ(sending.finished->size(), 0);
}

TEST_F(SmtpClientTest, GarbageFromTheServerIsAProtocolError)
{
    open();
    Sending sending = send();
    serverSays("SSH-2.0-OpenSSH_9.2\r\n");
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Protocol);
    EXPECT_FALSE(m_client->isConnected());
}

TEST_F(SmtpClientTest, TransportFailureNamesTheProblem)
{
    open();
    Sending sending = send();
    server()->serverFails(Transport::Failure::TlsHandshake, QStringLiteral("certificate is not trusted"));
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Tls);
    EXPECT_TRUE(sending.error().isPermanent());
    EXPECT_EQ(sending.error().message, QStringLiteral("certificate is not trusted"));
}

TEST_F(SmtpClientTest, AbortDropsTheConnection)
{
    open();
    Sending sending = send();
    greetAndLogIn();
    sending.task->abort();
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::Aborted);
    EXPECT_FALSE(m_client->isConnected());
}

TEST_F(SmtpClientTest, AddressesThatWouldInjectCommandsAreRefusedBeforeConnecting)
{
    open();
    Sending sending = send({ QStringLiteral("a@example.net>\r\nRCPT TO:<b@example.net") });
    ASSERT_TRUE(sending.failedOnce());
    EXPECT_EQ(sending.error().kind, SmtpError::Kind::InvalidMessage);
    EXPECT_TRUE(sending.error().isPermanent());
    EXPECT_EQ(m_factory.createdCount(), 0);

    Sending none = send({});
    ASSERT_TRUE(none.failedOnce());
    EXPECT_EQ(none.error().kind, SmtpError::Kind::InvalidMessage);
}

TEST_F(SmtpClientTest, ConnectTaskAloneTestsTheAccount)
{
    open();
    SmtpConnectTask connectTask(*m_client);
    QSignalSpy finished(&connectTask, &SmtpConnectTask::finished);
    connectTask.start();
    greetAndLogIn();
    EXPECT_EQ(finished.size(), 1);
    EXPECT_TRUE(m_client->isReady());
    EXPECT_TRUE(m_client->capabilities().eightBitMime);
}

} // namespace
