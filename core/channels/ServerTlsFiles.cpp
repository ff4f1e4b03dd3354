// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerTlsFiles.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace waybill::channels {

std::optional<QSslConfiguration> ServerTlsFiles::load(
    const QString &certificateFile, const QString &keyFile, QString *error)
{
    QFile cert(certificateFile);
    QFile key(keyFile);
    if (!cert.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate %1: %2").arg(certificateFile, cert.errorString());
        return std::nullopt;
    }
    if (!key.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the key %1: %2").arg(keyFile, key.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    const QByteArray keyBytes = key.readAll();
    QSslKey privateKey(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (privateKey.isNull()) {
        privateKey = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    }
    if (chain.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certificateFile);
        return std::nullopt;
    }
    if (privateKey.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyFile);
        return std::nullopt;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(chain.constFirst());
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(privateKey);
    return tls;
}

} // namespace waybill::channels
