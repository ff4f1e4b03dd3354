// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapClient.h"

#include "ImapTask.h"
#include "channels/TransportFactory.h"

namespace waybill::channels::email {

ImapClient::ImapClient(TransportFactory &factory, ImapAccountConfig config, QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_config(std::move(config))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        drop({ ImapError::Kind::Timeout,
            QStringLiteral("%1 did not answer for %2 s").arg(m_config.host).arg(m_config.commandTimeoutMs / 1000), {},
            Transport::Failure::Timeout });
    });
}

ImapClient::~ImapClient()
{
    m_dropping = true; // no signals from a dying client
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
    }
    for (const QPointer<ImapTask> &task : std::as_const(m_tasks)) {
        if (task) {
            task->m_client = nullptr;
        }
    }
}

bool ImapClient::isConnected() const
{
    return m_connected && m_transport;
}

bool ImapClient::isEncrypted() const
{
    return m_transport && m_transport->isEncrypted();
}

bool ImapClient::hasCapability(QByteArrayView name) const
{
    return std::any_of(m_capabilities.cbegin(), m_capabilities.cend(),
        [name](const QByteArray &c) { return QByteArrayView(c).compare(name, Qt::CaseInsensitive) == 0; });
}

void ImapClient::setCapabilities(const QList<ImapValue> &atoms)
{
    m_capabilities.clear();
    for (const ImapValue &atom : atoms) {
        m_capabilities.append(atom.toBytes().toUpper());
    }
    m_capabilitiesKnown = true;
}

void ImapClient::forgetCapabilities()
{
    m_capabilities.clear();
    m_capabilitiesKnown = false;
}

void ImapClient::takeCapabilitiesAfterSignIn(const ImapResponse &ok)
{
    if (ok.code == "CAPABILITY") {
        setCapabilities(ok.codeArgs);
    } else {
        forgetCapabilities();
    }
}

void ImapClient::connectToServer()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
        m_transport->deleteLater();
    }
    m_codec.reset();
    m_tagOwners.clear();
    m_literalSegments.clear();
    m_heldCommands.clear();
    m_continuationOwner = nullptr;
    forgetCapabilities();
    m_connected = false;
    m_quiet = false;
    m_dropping = false;
    m_byeText.clear();

    const Transport::Security security = m_config.security;
    m_transport = m_factory.create(security, this);
    connect(m_transport, &Transport::connected, this, [this]() {
        m_connected = true;
        armTimeout(); // the greeting is due
        Q_EMIT transportReady();
    });
    connect(m_transport, &Transport::encrypted, this, [this]() { Q_EMIT encrypted(); });
    connect(m_transport, &Transport::readyRead, this, &ImapClient::onReadyRead);
    connect(m_transport, &Transport::disconnected, this, [this]() {
        const QString reason = m_byeText.isEmpty()
            ? QStringLiteral("%1 closed the connection").arg(m_config.host)
            : QStringLiteral("%1 closed the connection: %2").arg(m_config.host, m_byeText);
        drop({ ImapError::Kind::Transport, reason, {}, Transport::Failure::RemoteClosed });
    });
    connect(m_transport, &Transport::failed, this, [this](Transport::Failure failure, const QString &message) {
        const auto kind = failure == Transport::Failure::TlsHandshake
            ? ImapError::Kind::Tls
            : (failure == Transport::Failure::Timeout ? ImapError::Kind::Timeout : ImapError::Kind::Transport);
        drop({ kind, message, {}, failure });
    });
    m_timeout.setInterval(m_config.commandTimeoutMs);
    m_transport->connectToHost(m_config.host, m_config.port);
}

void ImapClient::disconnectFromServer()
{
    drop({ ImapError::Kind::Aborted, QStringLiteral("disconnected on request"), {}, Transport::Failure::Other });
}

QByteArray ImapClient::sendCommand(ImapTask *owner, const QList<ImapArgument> &arguments, bool wantsContinuation)
{
    if (!isConnected()) {
        return {};
    }
    const QByteArray tag = QByteArray("A") + QByteArray::number(m_nextTag++);
    m_tagOwners.insert(tag, owner);
    if (wantsContinuation) {
        m_continuationOwner = owner;
    }
    writeSegments(ImapCodec::formatCommand(tag, arguments, hasCapability("LITERAL+")));
    armTimeout();
    return tag;
}

void ImapClient::sendLine(const QByteArray &line)
{
    if (isConnected()) {
        m_transport->write(line);
        armTimeout();
    }
}

void ImapClient::writeSegments(QList<QByteArray> segments)
{
    if (!m_literalSegments.isEmpty()) {
        m_heldCommands.append(std::move(segments));
        return;
    }
    m_transport->write(segments.takeFirst());
    m_literalSegments = std::move(segments);
}

void ImapClient::startTls()
{
    if (!isConnected()) {
        return;
    }
    if (m_codec.bufferedBytes() > 0) {
        drop({ ImapError::Kind::Tls,
            QStringLiteral("%1 sent data after STARTTLS; refusing to continue").arg(m_config.host), {},
            Transport::Failure::TlsHandshake });
        return;
    }
    forgetCapabilities();
    m_transport->startTls();
}

void ImapClient::setQuiet(bool quiet)
{
    m_quiet = quiet;
    armTimeout();
}

void ImapClient::registerTask(ImapTask *task)
{
    if (!m_tasks.contains(task)) {
        m_tasks.append(task);
    }
}

void ImapClient::unregisterTask(ImapTask *task)
{
    m_tasks.removeAll(task);
    m_tasks.removeAll(nullptr);
}

void ImapClient::armTimeout()
{
    const bool waiting = m_connected && !m_quiet && (!m_tagOwners.isEmpty() || !m_capabilitiesKnown);
    if (waiting && m_config.commandTimeoutMs > 0) {
        m_timeout.start();
    } else {
        m_timeout.stop();
    }
}

void ImapClient::onReadyRead()
{
    if (!m_transport) {
        return;
    }
    const QPointer<ImapClient> self(this);
    m_codec.feed(m_transport->read(m_transport->bytesAvailable()));
    for (;;) {
        ImapResponse response;
        const ImapCodec::Status status = m_codec.next(response);
        if (status == ImapCodec::Status::NeedMoreData) {
            break;
        }
        if (status == ImapCodec::Status::Error) {
            drop({ ImapError::Kind::Protocol, m_codec.errorString(), {}, Transport::Failure::Other });
            return;
        }
        dispatch(response);
        if (!self || !m_transport || m_dropping) {
            return;
        }
        if (m_codec.bufferedBytes() == 0) {
            break;
        }
    }
    armTimeout();
}

void ImapClient::dispatch(const ImapResponse &response)
{
    switch (response.kind) {
    case ImapResponse::Kind::Continuation:
        if (!m_literalSegments.isEmpty()) {
            m_transport->write(m_literalSegments.takeFirst());
            while (m_literalSegments.isEmpty() && !m_heldCommands.isEmpty()) {
                writeSegments(m_heldCommands.takeFirst());
            }
        } else if (m_continuationOwner && m_continuationOwner->isRunning()) {
            m_continuationOwner->handleContinuation(response);
        }
        return;
    case ImapResponse::Kind::Tagged: {
        const QPointer<ImapTask> owner = m_tagOwners.take(response.tag);
        if (owner && owner->isRunning()) {
            owner->handleTagged(response);
        }
        return;
    }
    case ImapResponse::Kind::Untagged:
        break;
    }
    if (response.isUntagged("CAPABILITY")) {
        setCapabilities(response.values);
    } else if (response.code == "CAPABILITY" && response.status != ImapResponse::Status::None) {
        setCapabilities(response.codeArgs);
    }
    if (response.status == ImapResponse::Status::Bye) {
        m_byeText = QString::fromUtf8(response.text);
    }
    const QList<QPointer<ImapTask>> tasks = m_tasks;
    for (const QPointer<ImapTask> &task : tasks) {
        if (task && task->isRunning()) {
            task->handleUntagged(response);
        }
        if (m_dropping) {
            return;
        }
    }
    Q_EMIT untaggedReceived(response);
}

void ImapClient::drop(const ImapError &error)
{
    if (m_dropping) {
        return;
    }
    m_dropping = true;
    m_timeout.stop();
    m_connected = false;
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->close();
        m_transport->deleteLater();
        m_transport = nullptr;
    }
    m_tagOwners.clear();
    m_literalSegments.clear();
    m_heldCommands.clear();
    const QPointer<ImapClient> self(this);
    const QList<QPointer<ImapTask>> tasks = m_tasks;
    for (const QPointer<ImapTask> &task : tasks) {
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
