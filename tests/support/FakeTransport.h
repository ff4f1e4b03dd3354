// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/Transport.h"

#include <QByteArray>
#include <QString>

namespace waybill::testing {

/// A scripted Transport: records what the client writes and lets a test inject the server's bytes
/// (`serverSays()`), close the connection or make it fail. Signals are emitted synchronously, so after
/// `serverSays()` returns the client has already reacted. Connecting succeeds at once unless `holdConnect` is set.
class FakeTransport final : public channels::Transport {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeTransport)

public:
    explicit FakeTransport(Security security, QObject *parent = nullptr);
    ~FakeTransport() override = default;

    void connectToHost(const QString &host, quint16 port) override;
    void write(const QByteArray &bytes) override;
    QByteArray readLine() override;
    QByteArray read(qint64 size) override;
    qint64 bytesAvailable() const override;
    void startTls() override;
    bool isEncrypted() const override { return m_encrypted; }
    void close() override;

    // Test side.
    void serverSays(const QByteArray &bytes);
    void serverCloses();
    void serverFails(Failure failure, const QString &message);
    /// Everything written since the last call.
    QByteArray takeWritten();
    Security security() const { return m_security; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    bool isOpen() const { return m_open; }
    bool tlsStarted() const { return m_tlsStarted; }

private:
    Security m_security;
    QByteArray m_inbound;
    QByteArray m_written;
    QString m_host;
    quint16 m_port = 0;
    bool m_open = false;
    bool m_encrypted = false;
    bool m_tlsStarted = false;
};

} // namespace waybill::testing
