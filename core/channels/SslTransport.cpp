// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SslTransport.h"

#include <QSslCertificate>
#include <QSslSocket>

namespace waybill::channels {

SslTransport::SslTransport(Security security, const QSslConfiguration &tls, int connectTimeoutMs, QObject *parent)
    : Transport(parent)
    , m_socket(new QSslSocket(this))
    , m_security(security)
{
    m_socket->setSslConfiguration(tls);
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(connectTimeoutMs);
    connect(&m_connectTimer, &QTimer::timeout, this, [this]() {
        fail(Failure::Timeout,
            QStringLiteral("%1 did not answer within %2 s").arg(m_host).arg(m_connectTimer.interval() / 1000));
    });
    connect(m_socket, &QSslSocket::connected, this, [this]() {
        if (m_security != Security::ImplicitTls) {
            m_connectTimer.stop();
            m_open = true;
            Q_EMIT connected();
        }
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this]() {
        m_connectTimer.stop();
        if (!m_open) {
            m_open = true;
            Q_EMIT connected();
        } else {
            Q_EMIT encrypted();
        }
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_socket, &QSslSocket::readyRead, this, [this]() {
        if (!m_ended) {
            Q_EMIT readyRead();
        }
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this]() {
        m_connectTimer.stop();
        if (!m_ended) {
            m_ended = true;
            Q_EMIT disconnected();
        }
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        switch (error) {
        case QAbstractSocket::HostNotFoundError:
            fail(Failure::HostNotFound, QStringLiteral("host %1 not found").arg(m_host));
            return;
        case QAbstractSocket::ConnectionRefusedError:
            fail(Failure::ConnectionRefused, QStringLiteral("%1 refused the connection").arg(m_host));
            return;
        case QAbstractSocket::SocketTimeoutError:
            fail(Failure::Timeout, QStringLiteral("%1 timed out").arg(m_host));
            return;
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError:
            fail(Failure::TlsHandshake,
                m_sslErrors.isEmpty() ? QStringLiteral("TLS with %1 failed: %2").arg(m_host, m_socket->errorString())
                                      : describeSslErrors(m_host, m_sslErrors));
            return;
        case QAbstractSocket::RemoteHostClosedError:
            if (m_open && m_socket->state() != QAbstractSocket::UnconnectedState) {
                return; // disconnected() follows
            }
            fail(Failure::RemoteClosed, QStringLiteral("%1 closed the connection").arg(m_host));
            return;
        default:
            fail(Failure::Other, QStringLiteral("%1: %2").arg(m_host, m_socket->errorString()));
            return;
        }
    });
}

SslTransport::~SslTransport()
{
    m_ended = true;
    m_socket->disconnect(this);
    m_socket->abort();
}

void SslTransport::connectToHost(const QString &host, quint16 port)
{
    m_host = host;
    m_connectTimer.start();
    if (m_security == Security::ImplicitTls) {
        m_socket->connectToHostEncrypted(host, port);
    } else {
        m_socket->connectToHost(host, port);
    }
}

void SslTransport::write(const QByteArray &bytes)
{
    if (!m_ended) {
        m_socket->write(bytes);
    }
}

QByteArray SslTransport::readLine()
{
    return m_socket->canReadLine() ? m_socket->readLine() : QByteArray();
}

QByteArray SslTransport::read(qint64 size)
{
    return m_socket->bytesAvailable() >= size ? m_socket->read(size) : QByteArray();
}

qint64 SslTransport::bytesAvailable() const
{
    return m_socket->bytesAvailable();
}

void SslTransport::startTls()
{
    m_sslErrors.clear();
    m_connectTimer.start();
    m_socket->startClientEncryption();
}

bool SslTransport::isEncrypted() const
{
    return m_socket->isEncrypted();
}

void SslTransport::close()
{
    m_connectTimer.stop();
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        return;
    }
    m_socket->disconnectFromHost();
}

void SslTransport::fail(Failure failure, const QString &message)
{
    m_connectTimer.stop();
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_socket->abort();
    Q_EMIT failed(failure, message);
}

QString SslTransport::describeSslErrors(const QString &host, const QList<QSslError> &errors)
{
    QStringList reasons;
    QSslCertificate certificate;
    for (const QSslError &error : errors) {
        reasons.append(error.errorString());
        if (certificate.isNull() && !error.certificate().isNull()) {
            certificate = error.certificate();
        }
    }
    QString subject = host;
    if (!certificate.isNull()) {
        subject = QStringLiteral("%1 (subject %2, issued by %3, valid until %4)")
                      .arg(host, certificate.subjectDisplayName(), certificate.issuerDisplayName(),
                          certificate.expiryDate().toString(Qt::ISODate));
    }
    return QStringLiteral("certificate for %1 is not trusted: %2").arg(subject, reasons.join(QStringLiteral("; ")));
}

} // namespace waybill::channels
