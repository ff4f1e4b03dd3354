// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// TLS against a real dovecot with a certificate from a test authority made here with openssl: verification is
// on, so an untrusted certificate is refused with its details named; trusting the test authority (the only
// thing a test changes) lets implicit TLS and STARTTLS sign in, encrypted.
#include "DovecotServer.h"
#include "QtPrinters.h"
#include "TestWorkspace.h"
#include "channels/SslTransportFactory.h"
#include "channels/email/ImapClient.h"
#include "channels/email/ImapConnectTask.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace waybill::channels;
using namespace waybill::channels::email;
using waybill::testing::DovecotServer;

namespace {

bool openssl(const QStringList &arguments, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

class ImapTlsDovecotTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (DovecotServer::dovecotBinary().isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
            GTEST_SKIP() << "dovecot or openssl is missing (scripts/install-deps test)";
        }
        const QString d = certificates.path();
        QFile::setPermissions(d,
            QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                | QFile::ReadOther | QFile::ExeOther);
        QFile ext(d + QStringLiteral("/server.ext"));
        ASSERT_TRUE(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n");
        ext.close();
        ASSERT_TRUE(openssl(
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=Waybill Test Authority") },
            d));
        ASSERT_TRUE(openssl(
            { QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=mail.waybill.test") },
            d));
        ASSERT_TRUE(openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                                QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                                QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                                QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                                QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext") },
            d));
        for (const char *name : { "server.pem", "server.key", "ca.pem" }) {
            QFile::setPermissions(d + u'/' + QString::fromLatin1(name),
                QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        }
        server.useTls(d + QStringLiteral("/server.pem"), d + QStringLiteral("/server.key"));
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

    /// The system's trust plus the test authority: what a company adding its own CA would do.
    QSslConfiguration trustingTestAuthority() const
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromPath(certificates.filePath(QStringLiteral("ca.pem"))));
        return tls;
    }

    /// Signs in with the test authority trusted and checks that the connection is encrypted.
    void expectEncryptedSignIn(quint16 port, Transport::Security security)
    {
        SslTransportFactory factory(trustingTestAuthority());
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

    QTemporaryDir certificates;
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
    EXPECT_TRUE(error.message.contains(QStringLiteral("mail.waybill.test"))) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("Waybill Test Authority"))) << error.message.toStdString();
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
