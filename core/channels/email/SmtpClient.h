// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpAccountConfig.h"
#include "SmtpCapabilities.h"
#include "SmtpCodec.h"
#include "SmtpError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace waybill::channels {
class TransportFactory;
}

namespace waybill::channels::email {

class SmtpTask;

/// One SMTP connection: a transport from the injected factory, the codec, and the routing of each reply to the
/// SmtpTask whose command it answers (SMTP replies come in command order). It knows no operation itself:
/// SmtpConnectTask opens it (greeting, EHLO, STARTTLS, AUTH) and SmtpSendTask sends one message over it; several
/// sends may follow one another on one connection, one at a time.
///
/// Thread: the thread it lives on (the engine thread); everything is asynchronous. Owner: the caller (the outbox),
/// which must outlive every task it runs on this client. `connectionLost()` ends the connection for good: every
/// running task fails with the same error first; open a new client (or run SmtpConnectTask again) to retry.
/// `quit()` ends it politely and emits `closed()` instead.
class SmtpClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmtpClient)

public:
    SmtpClient(TransportFactory &factory, SmtpAccountConfig config, QObject *parent = nullptr);
    ~SmtpClient() override;

    const SmtpAccountConfig &config() const { return m_config; }
    bool isConnected() const;
    bool isEncrypted() const;
    /// Greeted, EHLO done, TLS as configured and logged in: a send can start with MAIL FROM.
    bool isReady() const { return m_ready && isConnected(); }
    const SmtpCapabilities &capabilities() const { return m_capabilities; }

    /// Opens the transport; `transportReady()` or `connectionLost()` follows. Used by SmtpConnectTask.
    void connectToServer();
    /// Drops the connection at once; running tasks fail with Kind::Aborted and `connectionLost()` is emitted.
    void disconnectFromServer();
    /// Says QUIT and closes once the server answers, closes the connection or the command timeout passes; then
    /// `closed()`. Running tasks fail with Kind::Aborted first. Does nothing without a connection.
    void quit();

    // For tasks.
    /// Writes `bytes` (a command line, a SASL response or the message content) for `owner`; the next reply not yet
    /// claimed goes to `owner`. Returns false when not connected.
    bool send(SmtpTask *owner, const QByteArray &bytes);
    /// Routes the next reply not yet claimed to `owner` without writing anything (the greeting).
    void expectReply(SmtpTask *owner);
    /// Upgrades to TLS after STARTTLS's 220; `encrypted()` or `connectionLost()` follows. Refuses (and drops) when
    /// the server sent anything after its 220 (a STARTTLS injection). Capabilities are forgotten until the next EHLO.
    void startTls();
    void setCapabilities(const SmtpCapabilities &capabilities);
    void setReady(bool ready);
    /// Lets one send hold the connection; false while another send is running on it.
    bool claim(SmtpTask *task);
    /// True once a MAIL FROM went out on this connection: the next transaction starts with RSET.
    bool hasUsedTransaction() const { return m_transactionUsed; }
    void markTransactionUsed() { m_transactionUsed = true; }
    void registerTask(SmtpTask *task);
    void unregisterTask(SmtpTask *task);

Q_SIGNALS:
    void transportReady();
    void encrypted();
    void connectionLost(const waybill::channels::email::SmtpError &error);
    /// The connection ended after quit().
    void closed();

private:
    void onReadyRead();
    void dispatch(const SmtpReply &reply);
    void drop(const SmtpError &error);
    void finishQuit();
    void releaseTransport();
    void armTimeout();

    TransportFactory &m_factory;
    SmtpAccountConfig m_config;
    QPointer<Transport> m_transport;
    SmtpCodec m_codec;
    SmtpCapabilities m_capabilities;
    QList<QPointer<SmtpTask>> m_replyOwners; ///< one entry per command (or greeting) still waiting for its reply
    QList<QPointer<SmtpTask>> m_tasks;
    QPointer<SmtpTask> m_holder;
    bool m_connected = false;
    bool m_ready = false;
    bool m_transactionUsed = false;
    bool m_quitting = false;
    bool m_dropping = false;
    QTimer m_timeout;
};

} // namespace waybill::channels::email
