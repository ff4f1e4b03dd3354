// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

class QSslSocket;

namespace waybill::channels {

/// Transport over QSslSocket: implicit TLS, STARTTLS or plain (loopback tests). The peer certificate is always
/// verified against the configuration's CA certificates and the host name; a failure names the certificate
/// (subject, issuer, expiry) and why it was refused. Thread: the creator's. Owner: the client that asked the
/// factory. Ends with `disconnected()` or `failed()`, never both.
class SslTransport final : public Transport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SslTransport)

public:
    SslTransport(Security security, const QSslConfiguration &tls, int connectTimeoutMs, QObject *parent = nullptr);
    ~SslTransport() override;

    void connectToHost(const QString &host, quint16 port) override;
    void write(const QByteArray &bytes) override;
    QByteArray readLine() override;
    QByteArray read(qint64 size) override;
    qint64 bytesAvailable() const override;
    void startTls() override;
    bool isEncrypted() const override;
    void close() override;

    /// "certificate for mail.example.com (issued by X, valid until Y) is not trusted: reason; reason".
    static QString describeSslErrors(const QString &host, const QList<QSslError> &errors);

private:
    void fail(Failure failure, const QString &message);

    QSslSocket *m_socket;
    Security m_security;
    QTimer m_connectTimer;
    QString m_host;
    QList<QSslError> m_sslErrors;
    bool m_open = false;
    bool m_ended = false;
};

} // namespace waybill::channels
