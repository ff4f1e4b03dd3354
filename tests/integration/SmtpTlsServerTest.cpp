// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// SmtpClient over TLS against a real aiosmtpd with a certificate from a test authority made here with openssl.
// Verification is on: trusting the test authority (the only thing a test changes) lets STARTTLS on a
// submission-like port and implicit TLS log in and deliver; an untrusted certificate is refused with its details
// named and nothing is sent; a server that does not offer STARTTLS gets neither the password nor the message.
#include "QtPrinters.h"
#include "SmtpServer.h"
#include "TestCertificateAuthority.h"
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
using waybill::testing::TestCertificateAuthority;
using waybill::testing::waitUntil;

namespace {

const QByteArray Message = "From: Agent <agent@example.com>\r\nTo: <customer@example.net>\r\n"
                           "Subject: Your order #1001\r\nMessage-ID: <tls1@example.com>\r\nMIME-Version: 1.0\r\n"
                           "Content-Type: text/plain; charset=utf-8\r\n\r\nIt left our warehouse today.\r\n";

class SmtpTlsServerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        QString whyNot;
        if (SmtpServer::python(&whyNot).isEmpty()) {
            GTEST_SKIP() << whyNot.toStdString();
        }
        if (whyNot = TestCertificateAuthority::whyUnavailable(); !whyNot.isEmpty()) {
            GTEST_SKIP() << whyNot.toStdString();
        }
        ASSERT_TRUE(m_authority.create()) << m_authority.errorString().toStdString();
    }

    void startServer(SmtpServer::Tls mode)
    {
        m_server.useTls(mode, m_authority.certificateFile(), m_authority.keyFile());
        ASSERT_TRUE(m_server.start()) << m_server.errorString().toStdString();
    }

    /// Sends `Message` as agent@example.com with AUTH PLAIN over a new client; waits for the one ending signal.
    std::variant<SmtpSendResult, SmtpError> send(Transport::Security security, TransportFactory &factory)
    {
        SmtpAccountConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = m_server.port();
        config.security = security;
        config.authMethod = SmtpAccountConfig::AuthMethod::Plain;
        config.username = SmtpServer::userName();
        config.secret = SmtpServer::password();
        config.commandTimeoutMs = 10000;
        m_client = std::make_unique<SmtpClient>(factory, config);
        SmtpSendTask task(*m_client, SmtpServer::userName(), { QStringLiteral("customer@example.net") }, Message);
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

    /// Sends with the test authority trusted and checks that the message arrived, encrypted and logged in.
    void expectDeliveredOverTls(Transport::Security security)
    {
        SslTransportFactory trusting(m_authority.trustingConfiguration());
        const auto outcome = send(security, trusting);
        if (const auto *error = std::get_if<SmtpError>(&outcome)) {
            FAIL() << "not sent: " << error->message.toStdString() << "\n" << m_server.log().toStdString();
        }
        EXPECT_EQ(std::get<SmtpSendResult>(outcome).code, 250);
        EXPECT_TRUE(m_client->isEncrypted());
        const QList<SmtpServer::Envelope> received = m_server.received();
        ASSERT_EQ(received.size(), 1);
        EXPECT_TRUE(received[0].encrypted);
        EXPECT_TRUE(received[0].authenticated);
        EXPECT_EQ(received[0].from, SmtpServer::userName());
        EXPECT_EQ(received[0].recipients, QStringList { QStringLiteral("customer@example.net") });
        EXPECT_EQ(received[0].content, Message);
    }

    /// Sends with only the system's trust and checks that the certificate was refused, named, and nothing sent.
    void expectUntrustedCertificateRefused(Transport::Security security)
    {
        SslTransportFactory systemTrust;
        const auto outcome = send(security, systemTrust);
        ASSERT_TRUE(std::holds_alternative<SmtpError>(outcome)) << "sent over an untrusted certificate";
        const SmtpError error = std::get<SmtpError>(outcome);
        EXPECT_EQ(error.kind, SmtpError::Kind::Tls);
        EXPECT_EQ(error.transportFailure, Transport::Failure::TlsHandshake);
        EXPECT_TRUE(error.isPermanent());
        EXPECT_TRUE(error.message.contains(QStringLiteral("not trusted"))) << error.message.toStdString();
        EXPECT_TRUE(error.message.contains(TestCertificateAuthority::serverName())) << error.message.toStdString();
        EXPECT_TRUE(error.message.contains(TestCertificateAuthority::authorityName())) << error.message.toStdString();
        EXPECT_FALSE(m_client->isEncrypted());
        EXPECT_TRUE(m_server.received().isEmpty());
        for (const QString &command : m_server.commands()) {
            EXPECT_FALSE(command.startsWith(QStringLiteral("AUTH"), Qt::CaseInsensitive)) << command.toStdString();
            EXPECT_FALSE(command.startsWith(QStringLiteral("MAIL"), Qt::CaseInsensitive)) << command.toStdString();
        }
    }

    TestCertificateAuthority m_authority;
    SmtpServer m_server;
    std::unique_ptr<SmtpClient> m_client;
};

TEST_F(SmtpTlsServerTest, StartTlsOnASubmissionPortLogsInAndDelivers)
{
    startServer(SmtpServer::Tls::StartTlsRequired);
    expectDeliveredOverTls(Transport::Security::StartTls);
    const QStringList commands = m_server.commands();
    ASSERT_GE(commands.size(), 3) << commands.join(u'|').toStdString();
    EXPECT_TRUE(commands[0].startsWith(QStringLiteral("EHLO")));
    EXPECT_EQ(commands[1], QStringLiteral("STARTTLS"));
    EXPECT_TRUE(commands[2].startsWith(QStringLiteral("EHLO"))); // capabilities asked again inside TLS
}

TEST_F(SmtpTlsServerTest, ImplicitTlsLogsInAndDelivers)
{
    startServer(SmtpServer::Tls::Implicit);
    expectDeliveredOverTls(Transport::Security::ImplicitTls);
}

TEST_F(SmtpTlsServerTest, UntrustedCertificateIsRefusedAndNamedWithImplicitTls)
{
    startServer(SmtpServer::Tls::Implicit);
    expectUntrustedCertificateRefused(Transport::Security::ImplicitTls);
}

TEST_F(SmtpTlsServerTest, UntrustedCertificateIsRefusedAndNamedAfterStartTls)
{
    startServer(SmtpServer::Tls::StartTlsOffered);
    expectUntrustedCertificateRefused(Transport::Security::StartTls);
}

TEST_F(SmtpTlsServerTest, ServerWithoutStartTlsGetsNeitherThePasswordNorTheMessage)
{
    startServer(SmtpServer::Tls::None); // a plain server, or STARTTLS stripped on the way
    SslTransportFactory trusting(m_authority.trustingConfiguration());
    const auto outcome = send(Transport::Security::StartTls, trusting);
    ASSERT_TRUE(std::holds_alternative<SmtpError>(outcome)) << "sent in clear";
    const SmtpError error = std::get<SmtpError>(outcome);
    EXPECT_EQ(error.kind, SmtpError::Kind::Tls);
    EXPECT_TRUE(error.isPermanent());
    EXPECT_TRUE(error.message.contains(QStringLiteral("does not offer STARTTLS"))) << error.message.toStdString();
    EXPECT_TRUE(m_server.received().isEmpty());
    const QStringList commands = m_server.commands();
    ASSERT_FALSE(commands.isEmpty());
    for (const QString &command : commands) {
        EXPECT_TRUE(command.startsWith(QStringLiteral("EHLO")) || command == QStringLiteral("QUIT"))
            << command.toStdString();
    }
}

TEST_F(SmtpTlsServerTest, ServerOfferingStartTlsStillGetsItWhenPlainTextWouldBeAccepted)
{
    // The server would take AUTH and mail in clear after its EHLO; the account says STARTTLS, so it is used.
    startServer(SmtpServer::Tls::StartTlsOffered);
    expectDeliveredOverTls(Transport::Security::StartTls);
}

} // namespace
