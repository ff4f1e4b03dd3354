// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestCertificateAuthority.h"

#include "ServerProcessSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QStandardPaths>

namespace waybill::testing {

QString TestCertificateAuthority::whyUnavailable()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()
        ? QStringLiteral("openssl is not installed (apt-get install openssl)")
        : QString();
}

TestCertificateAuthority::TestCertificateAuthority()
    : m_dir(QDir::tempPath() + QStringLiteral("/waybill-ca-XXXXXX"))
{
}

bool TestCertificateAuthority::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool TestCertificateAuthority::create()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString d = m_dir.path();
    // A server that drops privileges (dovecot as nobody) must still read the certificate and the key.
    QFile::setPermissions(d,
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::ExeOther);
    if (const QString error
        = writeFile(d + QStringLiteral("/server.ext"), "subjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n");
        !error.isEmpty()) {
        m_error = error;
        return false;
    }
    const QString days = QStringLiteral("2");
    const bool made
        = openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
              QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"),
              QStringLiteral("-out"), QStringLiteral("ca.pem"), QStringLiteral("-days"), days, QStringLiteral("-subj"),
              QStringLiteral("/CN=") + authorityName() })
        && openssl({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
            QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=") + serverName() })
        && openssl(
            { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
                QStringLiteral("-days"), days, QStringLiteral("-extfile"), QStringLiteral("server.ext") });
    if (!made) {
        return false;
    }
    for (const QString &file : { certificateFile(), keyFile(), authorityFile() }) {
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return true;
}

QString TestCertificateAuthority::certificateFile() const
{
    return m_dir.filePath(QStringLiteral("server.pem"));
}

QString TestCertificateAuthority::keyFile() const
{
    return m_dir.filePath(QStringLiteral("server.key"));
}

QString TestCertificateAuthority::authorityFile() const
{
    return m_dir.filePath(QStringLiteral("ca.pem"));
}

QSslConfiguration TestCertificateAuthority::trustingConfiguration() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(QSslCertificate::fromPath(authorityFile()));
    return tls;
}

} // namespace waybill::testing
