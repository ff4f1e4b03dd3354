// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// HttpJsonClient verifies the certificates of commerce sources: an HTTPS server on 127.0.0.1 whose certificate is
// signed by an authority made here with openssl is refused, naming the certificate, until that authority is
// trusted; then the same request succeeds.
#include "TestWorkspace.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/HttpJsonTask.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::commerce::HttpJsonClient;
using waybill::commerce::HttpJsonError;
using waybill::commerce::HttpJsonResponse;
using waybill::commerce::HttpJsonTask;

namespace {

bool openssl(const QStringList &arguments, const QString &directory)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

/// HTTPS on 127.0.0.1 answering every request with a small orders page.
class TlsJsonServer final : public QTcpServer {
public:
    TlsJsonServer(QSslCertificate certificate, QSslKey key)
        : m_certificate(std::move(certificate))
        , m_key(std::move(key))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n")) {
                return;
            }
            const QByteArray body = R"({"orders":[]})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

class HttpJsonTlsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty() || !QSslSocket::supportsSsl()) {
            GTEST_SKIP() << "openssl or Qt's TLS backend is missing (scripts/install-deps test)";
        }
        const QString d = certificates.path();
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
                QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1") },
            d));
        ASSERT_TRUE(openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                                QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
                                QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
                                QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                                QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext") },
            d));
        authority = QSslCertificate::fromPath(d + QStringLiteral("/ca.pem")).value(0);
        const QSslCertificate certificate = QSslCertificate::fromPath(d + QStringLiteral("/server.pem")).value(0);
        QFile keyFile(d + QStringLiteral("/server.key"));
        ASSERT_TRUE(keyFile.open(QIODevice::ReadOnly));
        const QSslKey key(&keyFile, QSsl::Rsa);
        ASSERT_FALSE(authority.isNull());
        ASSERT_FALSE(certificate.isNull());
        ASSERT_FALSE(key.isNull());
        server = std::make_unique<TlsJsonServer>(certificate, key);
        ASSERT_TRUE(server->listen(QHostAddress::LocalHost, 0));
        original = QSslConfiguration::defaultConfiguration();
    }

    void TearDown() override
    {
        if (server) {
            QSslConfiguration::setDefaultConfiguration(original);
        }
    }

    /// Runs one GET; returns the error, or an Aborted error with an empty message on success.
    HttpJsonError get()
    {
        QNetworkAccessManager network;
        HttpJsonClient::Config config;
        config.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server->serverPort()));
        config.serviceName = QStringLiteral("Shopify");
        config.backoffMs = 10;
        HttpJsonClient client(network, config);
        const std::unique_ptr<HttpJsonTask> task = client.get(QStringLiteral("/admin/api/2024-01/orders.json"));
        QSignalSpy finished(task.get(), &HttpJsonTask::finished);
        QSignalSpy failed(task.get(), &HttpJsonTask::failed);
        task->start();
        EXPECT_TRUE(waybill::testing::waitUntil([&] { return finished.count() + failed.count() == 1; }, 20000));
        return failed.isEmpty() ? HttpJsonError { HttpJsonError::Kind::Aborted, 200, QString() }
                                : failed.at(0).at(0).value<HttpJsonError>();
    }

    QTemporaryDir certificates;
    QSslCertificate authority;
    QSslConfiguration original;
    std::unique_ptr<TlsJsonServer> server;
};

TEST_F(HttpJsonTlsTest, UntrustedCertificateIsRefusedAndNamed)
{
    const HttpJsonError error = get();
    EXPECT_EQ(error.kind, HttpJsonError::Kind::Tls) << error.message.toStdString();
    EXPECT_TRUE(error.message.contains(QStringLiteral("certificate of 127.0.0.1 could not be verified")))
        << error.message.toStdString();
}

TEST_F(HttpJsonTlsTest, TrustedAuthoritySucceeds)
{
    QSslConfiguration trusting = original;
    trusting.addCaCertificate(authority);
    QSslConfiguration::setDefaultConfiguration(trusting);
    const HttpJsonError error = get();
    EXPECT_TRUE(error.message.isEmpty()) << error.message.toStdString();
}

} // namespace
