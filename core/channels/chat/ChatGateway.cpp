// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatGateway.h"

#include "ChatFrame.h"
#include "channels/ListenAddress.h"
#include "channels/ServerTlsFiles.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

namespace waybill::channels::chat {

namespace {

Q_LOGGING_CATEGORY(lcChat, "waybill.chat")

/// A request head must arrive within this long.
constexpr int HeaderTimeoutMs = 10000;
/// How long a visitor over the limit is asked to wait at least.
constexpr qint64 MinRetryMs = 250;
/// Addresses whose opened chats are counted at once.
constexpr qsizetype MaxAddressesKept = 50000;

qint64 monotonicMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid()) {
        clock.start();
    }
    return clock.elapsed();
}

} // namespace

ChatGateway::ChatGateway(domain::ChatAccount account, Handlers handlers, QObject *parent)
    : ChatGateway(std::move(account), std::move(handlers), Limits {}, parent)
{
}

ChatGateway::ChatGateway(domain::ChatAccount account, Handlers handlers, Limits limits, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_handlers(std::move(handlers))
    , m_limits(limits)
    , m_webSockets(new QWebSocketServer(QStringLiteral("Waybill chat"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_webSockets, &QWebSocketServer::originAuthenticationRequired, this,
        [this](QWebSocketCorsAuthenticator *authenticator) {
            const bool allowed = m_account.allowsOrigin(authenticator->origin());
            authenticator->setAllowed(allowed);
            if (!allowed) {
                const QString why
                    = QStringLiteral("%1: a page from %2 tried to open a chat; only %3 may")
                          .arg(m_account.name,
                              authenticator->origin().isEmpty() ? QStringLiteral("no origin") : authenticator->origin(),
                              m_account.allowedOrigins.join(QStringLiteral(", ")));
                qCWarning(lcChat).noquote() << why;
                Q_EMIT refused(QStringLiteral("origin"), why);
            }
        });
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &ChatGateway::onWebSocket);
}

ChatGateway::~ChatGateway()
{
    const QList<QWebSocket *> sockets = m_sockets.keys();
    m_sockets.clear();
    m_sessions.clear();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

quint16 ChatGateway::listen(QString *error)
{
    QHostAddress address;
    quint16 port = 0;
    if (!ListenAddress::parse(m_account.listen, &address, &port)) {
        *error = QStringLiteral("%1: \"%2\" is not an address to listen on (like 127.0.0.1:8090)")
                     .arg(m_account.name, m_account.listen);
        return 0;
    }
    if (!m_account.certificateFile.isEmpty() || !m_account.keyFile.isEmpty()) {
        QString problem;
        const auto tls = ServerTlsFiles::load(m_account.certificateFile, m_account.keyFile, &problem);
        if (!tls) {
            *error = m_account.name + QStringLiteral(": ") + problem;
            return 0;
        }
        // Each connection's TLS handshake ends before it is read: the rest is the same as in plain HTTP.
        auto *secure = new QSslServer(this);
        secure->setSslConfiguration(*tls);
        m_http = secure;
    } else {
        m_http = new QTcpServer(this);
    }
    // A QSslServer queues a connection only once its handshake is done, after newConnection.
    connect(m_http, &QTcpServer::pendingConnectionAvailable, this, &ChatGateway::onHttpConnection);
    if (!m_http->listen(address, port)) {
        *error = QStringLiteral("%1: cannot listen on %2: %3")
                     .arg(m_account.name, m_account.listen, m_http->errorString());
        return 0;
    }
    return m_http->serverPort();
}

quint16 ChatGateway::port() const
{
    return m_http ? m_http->serverPort() : 0;
}

bool ChatGateway::isConnected(const QString &session) const
{
    return !m_sessions.value(session).isEmpty();
}

void ChatGateway::onHttpConnection()
{
    while (QTcpSocket *socket = m_http->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onHttpData(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0) {
            // Over TLS the request may have come with the end of the handshake, before readyRead was connected.
            QTimer::singleShot(0, socket, [this, socket] { onHttpData(socket); });
        }
        // A client that never finishes its request head is dropped.
        QTimer::singleShot(HeaderTimeoutMs, socket, [socket] {
            if (socket->property("waybillUpgraded").toBool()) {
                return;
            }
            socket->abort();
        });
    }
}

void ChatGateway::onHttpData(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(m_limits.maxHeaderBytes + 4);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > m_limits.maxHeaderBytes) {
            answerHttp(socket, 431, "Request Header Fields Too Large", "text/plain; charset=utf-8",
                "The request head is too large.\n");
        }
        return;
    }
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray method = requestLine.value(0);
    const QByteArray path = requestLine.value(1).split('?').value(0);
    bool upgrade = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed().toLower();
        if (line.startsWith("upgrade:") && line.contains("websocket")) {
            upgrade = true;
        }
    }
    if (upgrade) {
        if (path != "/chat/socket") {
            answerHttp(socket, 404, "Not Found", "text/plain; charset=utf-8", "The chat socket is /chat/socket.\n");
            return;
        }
        if (m_sockets.size() >= m_limits.maxConnections) {
            Q_EMIT refused(QStringLiteral("busy"),
                QStringLiteral("%1: %2 visitors are connected, the most this gateway takes")
                    .arg(m_account.name)
                    .arg(m_sockets.size()));
            answerHttp(socket, 503, "Service Unavailable", "text/plain; charset=utf-8",
                "Too many chats are open; try again in a minute.\n");
            return;
        }
        // The WebSocket server reads the handshake itself: hand the socket over untouched (and its lifetime: the
        // QWebSocket made from it owns it from now on).
        disconnect(socket, nullptr, this, nullptr);
        disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->setProperty("waybillUpgraded", true);
        m_webSockets->handleConnection(socket);
        return;
    }
    socket->read(end + 4);
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    if (method != "GET" && method != "HEAD") {
        answerHttp(socket, 405, "Method Not Allowed", "text/plain; charset=utf-8", "Only GET is served here.\n");
        return;
    }
    QString resource;
    QByteArray type;
    if (path == "/chat/widget.js") {
        resource = QStringLiteral(":/chat/widget.js");
        type = "text/javascript; charset=utf-8";
    } else if (path == "/chat/" || path == "/chat/index.html") {
        resource = QStringLiteral(":/chat/index.html");
        type = "text/html; charset=utf-8";
    }
    QFile file(resource);
    if (resource.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        answerHttp(socket, 404, "Not Found", "text/plain; charset=utf-8", "Not found.\n");
        return;
    }
    answerHttp(socket, 200, "OK", type, method == "HEAD" ? QByteArray() : file.readAll());
}

void ChatGateway::answerHttp(
    QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &type, const QByteArray &body)
{
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n" + body;
    socket->write(response);
    socket->disconnectFromHost();
}

void ChatGateway::onWebSocket()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxMessageBytes));
        socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxMessageBytes));
        QString address;
        if (!socket->peerAddress().isLoopback()) {
            address = socket->peerAddress().toString();
        } else if (const QByteArray forwarded = socket->request().rawHeader("X-Forwarded-For"); !forwarded.isEmpty()) {
            address = QString::fromLatin1(forwarded.split(',').constLast().trimmed());
        }
        m_sockets.insert(socket,
            Visitor { QString(), socket->origin(), address, ChatRateLimiter(m_limits.messagesPerSecond, m_limits.burst),
                ChatRateLimiter(m_limits.framesPerSecond, m_limits.frameBurst), 0 });
        connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &text) { onText(socket, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray &) {
            sendError(socket, QStringLiteral("bad_frame"), QStringLiteral("Frames are JSON text, not binary."));
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { onClosed(socket); });
    }
}

void ChatGateway::onText(QWebSocket *socket, const QString &text)
{
    auto visitor = m_sockets.find(socket);
    if (visitor == m_sockets.end()) {
        return;
    }
    if (!visitor->frames.take(monotonicMs())) {
        // Not even read: a socket sending this fast is flooding whatever it sends.
        if (++visitor->refusalsInARow > m_limits.refusalsBeforeClose) {
            Q_EMIT refused(QStringLiteral("flooding"),
                QStringLiteral("%1: a socket from %2 kept flooding and was disconnected")
                    .arg(m_account.name, visitor->origin));
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                QStringLiteral("Too many messages; wait a moment before writing again."));
        }
        return;
    }
    const ChatFrame frame = ChatFrame::parse(text.toUtf8());
    if (frame.type == ChatFrame::Type::Invalid) {
        Q_EMIT refused(ChatFrame::errorCode(frame.error), frame.errorMessage);
        sendError(socket, ChatFrame::errorCode(frame.error), frame.errorMessage,
            frame.clientId.isEmpty() ? QJsonObject() : QJsonObject { { QStringLiteral("id"), frame.clientId } });
        return;
    }
    if (frame.type == ChatFrame::Type::Hello) {
        if (!visitor->session.isEmpty() && visitor->session != frame.session) {
            sendError(socket, QStringLiteral("bad_frame"), QStringLiteral("This socket already has a session."));
            return;
        }
        if (visitor->session.isEmpty() && !visitor->address.isEmpty() && !m_sessions.contains(frame.session)) {
            if (m_addresses.size() > MaxAddressesKept) {
                m_addresses.clear(); // a bound on memory; the limits start again
            }
            auto bucket = m_addresses.find(visitor->address);
            if (bucket == m_addresses.end()) {
                bucket = m_addresses.insert(
                    visitor->address, ChatRateLimiter(m_limits.sessionsPerMinute / 60.0, m_limits.sessionBurst));
            }
            if (!bucket->take(monotonicMs())) {
                Q_EMIT refused(QStringLiteral("sessions"),
                    QStringLiteral("%1: %2 opened too many chats").arg(m_account.name, visitor->address));
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                    QStringLiteral("Too many chats from your network; try again in a minute."));
                return;
            }
        }
        visitor->session = frame.session;
        m_sessions[frame.session].insert(socket);
        sendJson(socket,
            QJsonObject { { QStringLiteral("type"), QStringLiteral("welcome") },
                { QStringLiteral("agentsOnline"), m_agentsOnline }, { QStringLiteral("shop"), m_account.name } });
        if (m_handlers.joined) {
            m_handlers.joined(frame.session, frame.lastSeen, frame.page);
        }
        return;
    }
    if (visitor->session.isEmpty()) {
        sendError(socket, QStringLiteral("no_session"), QStringLiteral("Say hello with a session id first."));
        return;
    }
    const QString session = visitor->session;
    switch (frame.type) {
    case ChatFrame::Type::Message: {
        const qint64 now = monotonicMs();
        if (!visitor->limiter.take(now)) {
            const qint64 wait = std::max(MinRetryMs, visitor->limiter.waitMs(now));
            if (++visitor->refusalsInARow > m_limits.refusalsBeforeClose) {
                Q_EMIT refused(QStringLiteral("flooding"),
                    QStringLiteral("%1: session %2 kept flooding and was "
                                   "disconnected")
                        .arg(m_account.name, session));
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                    QStringLiteral("Too many messages; wait a moment before writing again."));
                return;
            }
            Q_EMIT refused(QStringLiteral("rate_limited"),
                QStringLiteral("%1: session %2 is over its message rate").arg(m_account.name, session));
            sendError(socket, QStringLiteral("rate_limited"),
                QStringLiteral("You are writing faster than we can read; your message will be sent in a moment."),
                QJsonObject { { QStringLiteral("id"), frame.clientId }, { QStringLiteral("retryAfterMs"), wait } });
            return;
        }
        visitor->refusalsInARow = 0;
        ChatIncoming incoming;
        incoming.account = m_account.id;
        incoming.session = session;
        incoming.clientId = frame.clientId;
        incoming.text = frame.text;
        incoming.name = frame.name;
        incoming.email = frame.email;
        incoming.phone = frame.phone;
        incoming.orderNumber = frame.orderNumber;
        incoming.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
        const ChatStored stored = m_handlers.store ? m_handlers.store(incoming) : ChatStored::Failed;
        if (stored == ChatStored::Failed) {
            sendError(socket, QStringLiteral("unavailable"),
                QStringLiteral("Your message could not be saved just now; it will be sent again."),
                QJsonObject { { QStringLiteral("id"), frame.clientId }, { QStringLiteral("retryAfterMs"), 2000 } });
            return;
        }
        // The socket may have closed while the message was stored.
        if (m_sockets.contains(socket)) {
            sendJson(socket,
                QJsonObject {
                    { QStringLiteral("type"), QStringLiteral("ack") }, { QStringLiteral("id"), frame.clientId } });
        }
        return;
    }
    case ChatFrame::Type::Typing:
        if (m_handlers.typing) {
            m_handlers.typing(session, frame.typing);
        }
        return;
    case ChatFrame::Type::Seen:
        if (m_handlers.seen) {
            m_handlers.seen(session, frame.lastSeen);
        }
        return;
    case ChatFrame::Type::Hello:
    case ChatFrame::Type::Invalid:
        return;
    }
}

void ChatGateway::onClosed(QWebSocket *socket)
{
    const auto visitor = m_sockets.find(socket);
    if (visitor == m_sockets.end()) {
        return;
    }
    const QString session = visitor->session;
    m_sockets.erase(visitor);
    socket->deleteLater();
    if (session.isEmpty()) {
        return;
    }
    auto open = m_sessions.find(session);
    if (open != m_sessions.end()) {
        open->remove(socket);
        if (open->isEmpty()) {
            m_sessions.erase(open);
            if (m_handlers.left) {
                m_handlers.left(session);
            }
        }
    }
}

bool ChatGateway::sendReply(
    const QString &session, qint64 replyId, const QString &text, const QString &author, qint64 at)
{
    const QSet<QWebSocket *> sockets = m_sessions.value(session);
    const QJsonObject reply { { QStringLiteral("type"), QStringLiteral("reply") }, { QStringLiteral("id"), replyId },
        { QStringLiteral("text"), text }, { QStringLiteral("author"), author }, { QStringLiteral("at"), at } };
    for (QWebSocket *socket : sockets) {
        sendJson(socket, reply);
    }
    return !sockets.isEmpty();
}

void ChatGateway::sendTyping(const QString &session, bool typing)
{
    for (QWebSocket *socket : m_sessions.value(session)) {
        sendJson(socket,
            QJsonObject { { QStringLiteral("type"), QStringLiteral("typing") }, { QStringLiteral("on"), typing } });
    }
}

void ChatGateway::setAgentsOnline(bool online)
{
    if (m_agentsOnline == online) {
        return;
    }
    m_agentsOnline = online;
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (!it->session.isEmpty()) {
            sendJson(it.key(),
                QJsonObject { { QStringLiteral("type"), QStringLiteral("presence") },
                    { QStringLiteral("agentsOnline"), online } });
        }
    }
}

void ChatGateway::sendJson(QWebSocket *socket, const QJsonObject &object)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void ChatGateway::sendError(QWebSocket *socket, const QString &code, const QString &message, const QJsonObject &extra)
{
    QJsonObject error = extra;
    error.insert(QStringLiteral("type"), QStringLiteral("error"));
    error.insert(QStringLiteral("code"), code);
    error.insert(QStringLiteral("message"), message);
    sendJson(socket, error);
}

} // namespace waybill::channels::chat
