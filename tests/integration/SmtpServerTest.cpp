// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpClient against a real aiosmtpd on loopback: AUTH PLAIN and LOGIN, a wrong password, dot-stuffing and UTF-8
// arriving intact, 451 and 550 for a recipient, a connection dropped in the middle of DATA, and two messages over one
// connection.
#include "QtPrinters.h"
#include "SmtpServer.h"
#include "TestWorkspace.h"
#include "channels/SslTransportFactory.h"
#include "channels/email/SmtpClient.h"
#include "channels/email/SmtpSendTask.h"

#include <QSignalSpy>

#include <gtest/gtest.h>
#include <memory>
#include <variant>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::SmtpServer;
using waybill::testing::waitUntil;

namespace {

const QString Customer = QStringLiteral("customer@example.net");

QByteArray reply(const QByteArray &subject, const QByteArray &body)
{
    return "From: Agent <agent@example.com>\r\nTo: <customer@example.net>\r\nSubject: " + subject
        + "\r\nMessage-ID: <r1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
          "Content-Transfer-Encoding: 8bit\r\n\r\n"
        + body;
}

class SmtpServerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QString whyNot;
        if (SmtpServer::python(&whyNot).isEmpty()) {
            GTEST_SKIP() << whyNot.toStdString();
        }
        ASSERT_TRUE(m_server.start()) << m_server.errorString().toStdString();
    }
    void open(SmtpAccountConfig::AuthMethod method = SmtpAccountConfig::AuthMethod::Automatic,
        const QString &password = SmtpServer::password())
    {
        SmtpAccountConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = m_server.port();
        config.security = Transport::Security::None; // loopback only; TLS is covered by the transcript tests
        config.authMethod = method;
        config.username = SmtpServer::userName();
        config.secret = password;
        config.commandTimeoutMs = 10000;
        m_client = std::make_unique<SmtpClient>(m_factory, config);
    }
    /// Sends over the open client and waits for the one ending signal.
    std::variant<SmtpSendResult, SmtpError> send(
        const QByteArray &message, const QStringList &recipients = { Customer })
    {
        SmtpSendTask task(*m_client, SmtpServer::userName(), recipients, message);
        QSignalSpy finished(&task, &SmtpSendTask::finished);
        QSignalSpy failed(&task, &SmtpTask::failed);
        task.start();
        EXPECT_TRUE(waitUntil([&]() { return !finished.isEmpty() || !failed.isEmpty(); }, 15000))
            << m_server.log().toStdString();
        EXPECT_EQ(finished.size() + failed.size(), 1);
        if (!finished.isEmpty()) {
            return finished.first().first().value<SmtpSendResult>();
        }
        if (!failed.isEmpty()) {
            return failed.first().first().value<SmtpError>();
        }
        return SmtpError {};
    }
    static SmtpSendResult sent(const std::variant<SmtpSendResult, SmtpError> &outcome)
    {
        if (const auto *error = std::get_if<SmtpError>(&outcome)) {
            ADD_FAILURE() << "not sent: " << error->message.toStdString();
            return {};
        }
        return std::get<SmtpSendResult>(outcome);
    }
    static SmtpError refused(const std::variant<SmtpSendResult, SmtpError> &outcome)
    {
        if (!std::holds_alternative<SmtpError>(outcome)) {
            ADD_FAILURE() << "sent, but it should have failed";
            return {};
        }
        return std::get<SmtpError>(outcome);
    }

    SmtpServer m_server;
    SslTransportFactory m_factory;
    std::unique_ptr<SmtpClient> m_client;
};

TEST_F(SmtpServerTest, AuthPlainSendsAMessage)
{
    open(SmtpAccountConfig::AuthMethod::Plain);
    const QByteArray message = reply("Your order #1001", "It left our warehouse today.\r\n");
    const SmtpSendResult result = sent(send(message));
    EXPECT_EQ(result.code, 250);
    EXPECT_EQ(result.queueId, QStringLiteral("Q000001"));
    const QList<SmtpServer::Envelope> received = m_server.received();
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received[0].from, SmtpServer::userName());
    EXPECT_EQ(received[0].recipients, QStringList { Customer });
    EXPECT_EQ(received[0].content, message);
}

TEST_F(SmtpServerTest, AuthLoginSendsAMessage)
{
    open(SmtpAccountConfig::AuthMethod::Login);
    sent(send(reply("Login", "Hello\r\n")));
    EXPECT_EQ(m_server.received().size(), 1);
}

TEST_F(SmtpServerTest, WrongPasswordIsAPermanentAuthenticationFailureWithTheServersWords)
{
    open(SmtpAccountConfig::AuthMethod::Plain, QStringLiteral("wrong"));
    const SmtpError error = refused(send(reply("Never", "sent\r\n")));
    EXPECT_EQ(error.kind, SmtpError::Kind::Authentication);
    EXPECT_TRUE(error.isPermanent());
    EXPECT_EQ(error.code, 535);
    EXPECT_EQ(error.enhancedStatus, "5.7.8");
    EXPECT_EQ(error.serverText, QStringLiteral("Authentication credentials invalid"));
    EXPECT_TRUE(m_server.received().isEmpty());
}

TEST_F(SmtpServerTest, LinesStartingWithADotArriveIntact)
{
    open();
    const QByteArray message = reply("Dots", ".\r\n..\r\n.hidden line\r\nmiddle . dot\r\n.\r\nend\r\n");
    sent(send(message));
    const QList<SmtpServer::Envelope> received = m_server.received();
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received[0].content, message);
}

TEST_F(SmtpServerTest, Utf8SubjectAndBodyArriveIntact)
{
    open();
    const QByteArray message = reply("\xe3\x81\x94\xe6\xb3\xa8\xe6\x96\x87 #1001 \xe2\x80\x94 caf\xc3\xa9",
        "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf\xe3\x80\x82\r\n\xe4\xbd\xa0\xe5\xa5\xbd\r\n");
    sent(send(message));
    const QList<SmtpServer::Envelope> received = m_server.received();
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received[0].content, message);
    EXPECT_TRUE(received[0].mailOptions.contains(QStringLiteral("BODY=8BITMIME")))
        << received[0].mailOptions.join(u' ').toStdString();
    EXPECT_TRUE(received[0].mailOptions.contains(QStringLiteral("SMTPUTF8")));
}

TEST_F(SmtpServerTest, TemporaryRecipientFailure)
{
    m_server.setRecipientReply(Customer, QStringLiteral("451 4.3.0 Mailbox temporarily unavailable, try later"));
    open();
    const SmtpError error = refused(send(reply("Later", "x\r\n")));
    EXPECT_EQ(error.kind, SmtpError::Kind::Rejected);
    EXPECT_TRUE(error.isTemporary());
    EXPECT_EQ(error.code, 451);
    EXPECT_EQ(error.enhancedStatus, "4.3.0");
    EXPECT_EQ(error.serverText, QStringLiteral("Mailbox temporarily unavailable, try later"));
    EXPECT_EQ(error.recipient, Customer);

    m_server.setRecipientReply(Customer, {}); // the retry on the same connection goes through
    sent(send(reply("Later", "x\r\n")));
    EXPECT_EQ(m_server.received().size(), 1);
}

TEST_F(SmtpServerTest, PermanentRecipientFailure)
{
    m_server.setRecipientReply(
        QStringLiteral("gone@example.net"), QStringLiteral("550 5.1.1 <gone@example.net>: User unknown"));
    open();
    const SmtpError error = refused(send(reply("Gone", "x\r\n"), { Customer, QStringLiteral("gone@example.net") }));
    EXPECT_TRUE(error.isPermanent());
    EXPECT_EQ(error.code, 550);
    EXPECT_EQ(error.enhancedStatus, "5.1.1");
    EXPECT_EQ(error.serverText, QStringLiteral("<gone@example.net>: User unknown"));
    EXPECT_EQ(error.recipient, QStringLiteral("gone@example.net"));
    EXPECT_TRUE(m_server.received().isEmpty());
}

TEST_F(SmtpServerTest, ConnectionDroppedInTheMiddleOfDataIsTemporary)
{
    m_server.dropDuringData(Customer);
    open();
    const SmtpError error = refused(send(reply("Dropped", "x\r\n")));
    EXPECT_TRUE(error.isTemporary()) << error.message.toStdString();
    EXPECT_EQ(error.kind, SmtpError::Kind::Transport) << error.message.toStdString();
    EXPECT_TRUE(m_server.received().isEmpty());
    EXPECT_FALSE(m_client->isConnected());
}

TEST_F(SmtpServerTest, SeveralMessagesOverOneConnectionThenQuit)
{
    open();
    sent(send(reply("First", "1\r\n")));
    sent(send(reply("Second", "2\r\n"), { Customer, QStringLiteral("other@example.net") }));
    const QList<SmtpServer::Envelope> received = m_server.received();
    ASSERT_EQ(received.size(), 2);
    EXPECT_EQ(received[1].recipients.size(), 2);
    QSignalSpy closed(m_client.get(), &SmtpClient::closed);
    m_client->quit();
    ASSERT_TRUE(closed.wait(5000));
    EXPECT_FALSE(m_client->isConnected());
}

} // namespace
