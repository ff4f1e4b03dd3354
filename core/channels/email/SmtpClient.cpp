// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpClient.h"

#include "SmtpTask.h"
#include "channels/TransportFactory.h"

namespace waybill::channels::email {

namespace {

SmtpError transportError(SmtpError::Kind kind, const QString &message, Transport::Failure failure)
{
    SmtpError error;
    error.kind = kind;
    error.message = message;
    error.transportFailure = failure;
    return error;
}

} // namespace

SmtpClient::SmtpClient(TransportFactory &factory, SmtpAccountConfig config, QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_config(std::move(config))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        if (m_quitting) {
            finishQuit();
            return;
        }
        drop(transportError(SmtpError::Kind::Timeout,
            QStringLiteral("%1 did not answer for %2 s").arg(m_config.host).arg(m_config.commandTimeoutMs / 1000),
            Transport::Failure::Timeout));
    });
}

SmtpClient::~SmtpClient()
{
    m_dropping = true; // no signals from a dying client
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
    }
    for (const QPointer<SmtpTask> &task : std::as_const(m_tasks)) {
        if (task) {
            task->m_client = nullptr;
        }
    }
}

bool SmtpClient::isConnected() const
{
    return m_connected && m_transport;
}

bool SmtpClient::isEncrypted() const
{
    return m_transport && m_transport->isEncrypted();
}

void SmtpClient::connectToServer()
{
    releaseTransport();
    m_codec.reset();
    m_capabilities = {};
    m_replyOwners.clear();
    m_connected = false;
    m_ready = false;
    m_transactionUsed = false;
    m_quitting = false;
    m_dropping = false;

    m_transport = m_factory.create(m_config.security, this);
    connect(m_transport, &Transport::connected, this, [this]() {
        m_connected = true;
        armTimeout(); // the greeting is due
        Q_EMIT transportReady();
    });
    connect(m_transport, &Transport::encrypted, this, [this]() { Q_EMIT encrypted(); });
    connect(m_transport, &Transport::readyRead, this, &SmtpClient::onReadyRead);
    connect(m_transport, &Transport::disconnected, this, [this]() {
        if (m_quitting) {
            finishQuit();
            return;
        }
        drop(transportError(SmtpError::Kind::Transport, QStringLiteral("%1 closed the connection").arg(m_config.host),
            Transport::Failure::RemoteClosed));
    });
    connect(m_transport, &Transport::failed, this, [this](Transport::Failure failure, const QString &message) {
        if (m_quitting) {
            finishQuit();
            return;
        }
        const auto kind = failure == Transport::Failure::TlsHandshake
            ? SmtpError::Kind::Tls
            : (failure == Transport::Failure::Timeout ? SmtpError::Kind::Timeout : SmtpError::Kind::Transport);
        drop(transportError(kind, message, failure));
    });
    m_timeout.setInterval(m_config.commandTimeoutMs);
    m_transport->connectToHost(m_config.host, m_config.port);
}

void SmtpClient::disconnectFromServer()
{
    drop(
        transportError(SmtpError::Kind::Aborted, QStringLiteral("disconnected on request"), Transport::Failure::Other));
}

void SmtpClient::quit()
{
    if (!isConnected() || m_quitting) {
        return;
    }
    m_quitting = true;
    m_ready = false;
    m_replyOwners.clear();
    const SmtpError aborted = transportError(
        SmtpError::Kind::Aborted, QStringLiteral("the connection is closing"), Transport::Failure::Other);
    const QPointer<SmtpClient> self(this);
    const QList<QPointer<SmtpTask>> tasks = m_tasks;
    for (const QPointer<SmtpTask> &task : tasks) {
        if (task && task->isRunning()) {
            task->handleConnectionLost(aborted);
        }
        if (!self) {
            return;
        }
    }
    if (!m_transport) {
        return;
    }
    m_transport->write(SmtpCodec::command("QUIT"));
    armTimeout();
}

void SmtpClient::finishQuit()
{
    m_timeout.stop();
    m_quitting = false;
    m_connected = false;
    releaseTransport();
    Q_EMIT closed();
}

void SmtpClient::releaseTransport()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
        m_transport->deleteLater();
        m_transport = nullptr;
    }
}

bool SmtpClient::send(SmtpTask *owner, const QByteArray &bytes)
{
    if (!isConnected() || m_quitting) {
        return false;
    }
    m_replyOwners.append(owner);
    m_transport->write(bytes);
    armTimeout();
    return true;
}

void SmtpClient::expectReply(SmtpTask *owner)
{
    m_replyOwners.append(owner);
    armTimeout();
}

void SmtpClient::startTls()
{
    if (!isConnected()) {
        return;
    }
    if (m_codec.bufferedBytes() > 0) {
        drop(transportError(SmtpError::Kind::Tls,
            QStringLiteral("%1 sent data after STARTTLS; refusing to continue").arg(m_config.host),
            Transport::Failure::TlsHandshake));
        return;
    }
    m_capabilities = {};
    m_transport->startTls();
}

void SmtpClient::setCapabilities(const SmtpCapabilities &capabilities)
{
    m_capabilities = capabilities;
}

void SmtpClient::setReady(bool ready)
{
    m_ready = ready;
}

bool SmtpClient::claim(SmtpTask *task)
{
    if (m_holder && m_holder != task && m_holder->isRunning()) {
        return false;
    }
    m_holder = task;
    return true;
}

void SmtpClient::registerTask(SmtpTask *task)
{
    if (!m_tasks.contains(task)) {
        m_tasks.append(task);
    }
}

void SmtpClient::unregisterTask(SmtpTask *task)
{
    m_tasks.removeAll(task);
    m_tasks.removeAll(nullptr);
}

void SmtpClient::armTimeout()
{
    const bool waiting = m_connected && (!m_replyOwners.isEmpty() || m_quitting);
    if (waiting && m_config.commandTimeoutMs > 0) {
        m_timeout.start();
    } else {
        m_timeout.stop();
    }
}

void SmtpClient::onReadyRead()
{
    if (!m_transport) {
        return;
    }
    const QPointer<SmtpClient> self(this);
    m_codec.feed(m_transport->read(m_transport->bytesAvailable()));
    for (;;) {
        SmtpReply reply;
        const SmtpCodec::Status status = m_codec.next(reply);
        if (status == SmtpCodec::Status::NeedMoreData) {
            break;
        }
        if (status == SmtpCodec::Status::Error) {
            if (m_quitting) {
                finishQuit();
                return;
            }
            drop(transportError(SmtpError::Kind::Protocol,
                QStringLiteral("%1 sent garbage: %2").arg(m_config.host, m_codec.errorString()),
                Transport::Failure::Other));
            return;
        }
        dispatch(reply);
        if (!self || !m_transport || m_dropping) {
            return;
        }
    }
    armTimeout();
}

void SmtpClient::dispatch(const SmtpReply &reply)
{
    if (m_quitting) {
        finishQuit(); // 221, or whatever the server said last: the connection ends either way
        return;
    }
    if (m_replyOwners.isEmpty()) {
        // Only 421 may come unasked (RFC 5321 §3.8): the server is shutting the connection.
        drop(reply.code == 421 ? SmtpError::fromReply(
                 SmtpError::Kind::Rejected, reply, QStringLiteral("%1 closed the connection").arg(m_config.host))
                               : transportError(SmtpError::Kind::Protocol,
                                   QStringLiteral("%1 sent a reply nobody asked for: %2 %3")
                                       .arg(m_config.host)
                                       .arg(reply.code)
                                       .arg(reply.text()),
                                   Transport::Failure::Other));
        return;
    }
    const QPointer<SmtpClient> self(this);
    const QPointer<SmtpTask> owner = m_replyOwners.takeFirst();
    if (owner && owner->isRunning()) {
        owner->handleReply(reply);
    }
    if (self && reply.code == 421) {
        drop(SmtpError::fromReply(
            SmtpError::Kind::Rejected, reply, QStringLiteral("%1 closed the connection").arg(m_config.host)));
    }
}

void SmtpClient::drop(const SmtpError &error)
{
    if (m_dropping) {
        return;
    }
    m_dropping = true;
    m_timeout.stop();
    m_connected = false;
    m_ready = false;
    m_quitting = false;
    releaseTransport();
    m_replyOwners.clear();
    m_capabilities = {};
    const QPointer<SmtpClient> self(this);
    const QList<QPointer<SmtpTask>> tasks = m_tasks;
    for (const QPointer<SmtpTask> &task : tasks) {
        if (task && task->isRunning()) {
            task->handleConnectionLost(error);
        }
        if (!self) {
            return;
        }
    }
    Q_EMIT connectionLost(error);
}

} // namespace waybill::channels::email
