// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QWebSocket>

namespace waybill::testing {

/// A chat visitor's side of the WebSocket for tests, speaking the widget's protocol: keeps every frame the
/// gateway sent (parsed) and how the socket closed. Owned by the test; lives on the test's thread.
class ChatTestClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTestClient)

public:
    explicit ChatTestClient(const QString &origin, QObject *parent = nullptr);

    /// Connects with wss:// from now on, trusting `authorityFile` (PEM) and accepting that the server's
    /// certificate (in `certificateFile`) names another host than 127.0.0.1, and nothing else.
    void useTls(const QString &authorityFile, const QString &certificateFile);
    /// Sends X-Forwarded-For: `address` with the upgrade, as a proxy in front of the gateway does.
    void setForwardedFor(const QString &address) { m_forwardedFor = address; }
    /// Opens ws://127.0.0.1:PORT/chat/socket (wss:// after useTls()); waits until connected or refused (false).
    bool open(quint16 port, int timeoutMs = 5000);
    /// open() and hello with the session; waits for the welcome.
    bool join(quint16 port, const QString &session, qint64 lastSeen = 0);
    void sendJson(const QJsonObject &frame);
    void sendRaw(const QString &text);
    /// Sends a message frame with these details.
    void say(const QString &id, const QString &text, const QJsonObject &details = {});
    /// Waits until a frame of `type` (and with `id` when given) arrived; returns it, or an empty object.
    QJsonObject waitFor(const QString &type, const QJsonValue &id = QJsonValue(), int timeoutMs = 5000);
    QList<QJsonObject> framesOf(const QString &type) const;
    void close() { m_socket.close(); }
    void abort() { m_socket.abort(); }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool closed() const { return m_closed; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QString closeReason() const { return m_socket.closeReason(); }
    /// The socket's last error and TLS errors, for assertion messages.
    QString problems() const { return m_socket.errorString() + m_sslErrors; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    bool m_closed = false;
    bool m_tls = false;
    QString m_forwardedFor;
    QString m_sslErrors;
};

} // namespace waybill::testing
