// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace waybill::channels {

/// A byte stream to a mail server (or a script of one in tests). Asynchronous only: no call blocks.
/// Lives on the thread of the client that owns it. After `disconnected()` or `failed()` it is dead; a client that
/// wants to retry asks its TransportFactory for a new one.
class Transport : public QObject {
    Q_OBJECT

public:
    /// How TLS is used: from the first byte (IMAPS 993, SMTPS 465), after STARTTLS (143, 587), or not at all
    /// (loopback tests only).
    enum class Security {
        ImplicitTls,
        StartTls,
        None,
    };
    /// Why a transport stopped, for messages that name the problem.
    enum class Failure {
        HostNotFound,
        ConnectionRefused,
        Timeout,
        TlsHandshake, ///< certificate not trusted, wrong host name, protocol mismatch
        RemoteClosed,
        Other,
    };
    Q_ENUM(Failure)

    using QObject::QObject;
    ~Transport() override = default;

    /// Starts connecting; `connected()` (after the TLS handshake for ImplicitTls) or `failed()` follows.
    virtual void connectToHost(const QString &host, quint16 port) = 0;
    virtual void write(const QByteArray &bytes) = 0;
    /// Takes one complete line (with its CRLF) if one is buffered; otherwise returns an empty array.
    virtual QByteArray readLine() = 0;
    /// Takes exactly `size` bytes if that many are buffered (IMAP literals); otherwise returns an empty array.
    virtual QByteArray read(qint64 size) = 0;
    virtual qint64 bytesAvailable() const = 0;
    /// Upgrades the connection to TLS (STARTTLS); `encrypted()` or `failed()` follows.
    virtual void startTls() = 0;
    virtual bool isEncrypted() const = 0;
    /// Closes the connection; `disconnected()` follows unless it was already closed.
    virtual void close() = 0;

Q_SIGNALS:
    void connected();
    void encrypted();
    void readyRead();
    void disconnected();
    /// `message` names the problem for people ("certificate for mail.example is not trusted: self-signed").
    void failed(waybill::channels::Transport::Failure failure, const QString &message);
};

} // namespace waybill::channels
