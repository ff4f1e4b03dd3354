// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// TLS against a real dovecot with a certificate from a test authority made here with openssl: verification is
// on, so an untrusted certificate is refused with its details named; trusting the test authority (the only
// thing a test changes) lets implicit TLS and STARTTLS sign in, encrypted.
#include "DovecotServer.h"
#include "QtPrinters.h"
#include "TestCertificateAuthority.h"
#include "TestWorkspace.h"
#include "channels/SslTransportFactory.h"
#include "channels/email/ImapClient.h"
#include "channels/email/ImapConnectTask.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::DovecotServer;
using waybill::testing::TestCertificateAuthority;

namespace {

class ImapTlsDovecotTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (DovecotServer::dovecotBinary().isEmpty()) {
            GTEST_SKIP() << "dovecot is not installed (scripts/install-deps test)";
        }
        if (const QString whyNot = TestCertificateAuthority::whyUnavailable(); !whyNot.isEmpty()) {
            GTEST_SKIP() << whyNot.toStdString();
        }
        ASSERT_TRUE(authority.create()) << authority.errorString().toStdString();
        server.useTls(authority.certificateFile(), authority.keyFile());
        ASSERT_TRUE(server.start()) << server.errorString().toStdString() << server.log().toStdString();
    }

    ImapAccountConfig account(quint16 port, Transport::Security security) const
    {
        ImapAccountConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = port;
        config.security = security;
        config.username = DovecotServer::userName();
        config.secret = DovecotServer::password();
        config.commandTimeoutMs = 10000;
        return config;
    }

    /// Signs in with the test authority trusted and checks that the connection is encrypted.
    void expectEncryptedSignIn(quint16 port, Transport::Security security)
    {
        SslTransportFactory factory(authority.trustingConfiguration());
        ImapClient client(factory, account(port, security));
        ImapConnectTask connect(client);
        QSignalSpy finished(&connect, &ImapTask::finished);
        QSignalSpy failed(&connect, &ImapTask::failed);
        connect.start();
        ASSERT_TRUE(finished.wait(15000))
            << (failed.isEmpty() ? std::string() : failed.first().first().value<ImapError>().message.toStdString())
            << server.log().toStdString();
        EXPECT_TRUE(client.isEncrypted());
    }

    TestCertificateAuthority authority;
    DovecotServer server;
};

TEST_F(ImapTlsDovecotTest, UntrustedCertificateIsRefusedAndNamed)
{
    SslTransportFactory factory; // the system's trust only: verification is on
    ImapClient client(factory, account(server.tlsPort(), Transport::Security::ImplicitTls));
    ImapConnectTask connect(client);
    QSignalSpy failed(&connect, &ImapTask::failed);
    connect.start();
    ASSERT_TRUE(failed.wait(15000));
    const auto error = failed.first().first().value<ImapError>();
    EXPECT_TRUE(error.message.contains(TestCertificateAuthority::serverName())) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(TestCertificateAuthority::authorityName())) << error.message.toStdString();
    EXPECT_FALSE(client.isEncrypted());
}

TEST_F(ImapTlsDovecotTest, ImplicitTlsSignsInWhenTheAuthorityIsTrusted)
{
    expectEncryptedSignIn(server.tlsPort(), Transport::Security::ImplicitTls);
}

TEST_F(ImapTlsDovecotTest, StartTlsUpgradesBeforeSigningIn)
{
    expectEncryptedSignIn(server.port(), Transport::Security::StartTls);
}

} // namespace
