// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapAccountConfig.h"
#include "ImapArgument.h"
#include "ImapCodec.h"
#include "ImapError.h"
#include "ImapResponse.h"

#include <QByteArrayList>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace waybill::channels {
class TransportFactory;
}

namespace waybill::channels::email {

class ImapTask;

/// One IMAP connection: a transport from the injected factory, the codec, tags, and the routing of responses to
/// the ImapTask that sent each command. It knows no operation itself; ImapConnectTask opens it (greeting,
/// STARTTLS, login) and the other tasks run over it.
///
/// Thread: the thread it lives on (the engine thread); everything is asynchronous. Owner: the caller (usually
/// ImapMailboxSync), which must outlive every task it runs on this client. `connectionLost()` ends the connection
/// for good: every running task fails with the same error first; open a new client (or call connectToServer()
/// again) to retry.
class ImapClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapClient)

public:
    ImapClient(TransportFactory &factory, ImapAccountConfig config, QObject *parent = nullptr);
    ~ImapClient() override;

    const ImapAccountConfig &config() const { return m_config; }
    bool isConnected() const;
    bool isEncrypted() const;
    QByteArrayList capabilities() const { return m_capabilities; }
    bool hasCapability(QByteArrayView name) const;
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }
    void setCapabilities(const QList<ImapValue> &atoms);
    void forgetCapabilities();
    /// After signing in: the capabilities the tagged OK names in its [CAPABILITY …] code, or unknown (servers may
    /// offer more once authenticated) so that they are asked for again.
    void takeCapabilitiesAfterSignIn(const ImapResponse &ok);

    /// Opens the transport; `transportReady()` or `connectionLost()` follows. Used by ImapConnectTask.
    void connectToServer();
    /// Closes the connection; running tasks fail with Aborted and `connectionLost()` is emitted.
    void disconnectFromServer();

    // For tasks.
    /// Sends `TAG arguments…\r\n` for `owner` and returns the tag; responses tagged with it go to `owner`.
    /// With `wantsContinuation`, `+` responses go to `owner` too (IDLE, AUTHENTICATE).
    QByteArray sendCommand(ImapTask *owner, const QList<ImapArgument> &arguments, bool wantsContinuation = false);
    /// Writes a line as is (`DONE\r\n`, a SASL response).
    void sendLine(const QByteArray &line);
    /// Upgrades to TLS after STARTTLS's OK; `encrypted()` or `connectionLost()` follows. Refuses (and drops)
    /// when the server sent anything after its OK (a STARTTLS injection).
    void startTls();
    /// While true (IDLE accepted), a silent server is not a timeout.
    void setQuiet(bool quiet);
    void registerTask(ImapTask *task);
    void unregisterTask(ImapTask *task);

Q_SIGNALS:
    void transportReady();
    void encrypted();
    void connectionLost(const waybill::channels::email::ImapError &error);
    /// Every untagged response, after the tasks have seen it.
    void untaggedReceived(const waybill::channels::email::ImapResponse &response);

private:
    void onReadyRead();
    void dispatch(const ImapResponse &response);
    void writeSegments(QList<QByteArray> segments);
    void drop(const ImapError &error);
    void armTimeout();

    TransportFactory &m_factory;
    ImapAccountConfig m_config;
    QPointer<Transport> m_transport;
    ImapCodec m_codec;
    quint32 m_nextTag = 1;
    QHash<QByteArray, QPointer<ImapTask>> m_tagOwners;
    QList<QPointer<ImapTask>> m_tasks;
    QPointer<ImapTask> m_continuationOwner;
    QList<QByteArray> m_literalSegments; ///< the rest of a command waiting for `+` (synchronising literal)
    QList<QList<QByteArray>> m_heldCommands; ///< commands queued behind that literal
    QByteArrayList m_capabilities;
    bool m_capabilitiesKnown = false;
    bool m_connected = false;
    bool m_quiet = false;
    bool m_dropping = false;
    QString m_byeText;
    QTimer m_timeout;
};

} // namespace waybill::channels::email
