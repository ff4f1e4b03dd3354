// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChatIncoming.h"
#include "ChatRateLimiter.h"
#include "domain/ChatAccount.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace waybill::channels::chat {

/// The network side of one chat account: listens on the account's address (with TLS when the account has a
/// certificate and key) for the widget's files (GET
/// /chat/widget.js, and /chat/ for a page to try it) and its WebSocket (/chat/socket). Checks every upgrade's
/// Origin against the account's allowed origins (403 at the handshake otherwise), limits frame and message sizes
/// (a WebSocket message over MaxMessageBytes closes the socket with 1009; a text over ChatFrame::MaxTextLength is
/// refused with an error frame) and each visitor's rate (ChatRateLimiter; a message over the limit is refused with
/// "rate_limited" and the wait, and the widget sends it again later; a visitor who keeps flooding is disconnected
/// with 1008; frames of any kind beyond Limits::framesPerSecond are dropped unread and count as flooding too). A
/// visitor is also limited where they come from, since they could start a new session for each message: an address
/// may open Limits::sessionsPerMinute chats (a hello beyond it closes the socket with 1008). The address is the
/// peer's, or, when the peer is a proxy on this computer, the last one its X-Forwarded-For names; connections from
/// this computer without that header (tests, benchmarks) are not counted. Bad JSON
/// and unknown frames get an error frame; the socket stays open. Upgrades beyond Limits::maxConnections open sockets
/// are answered 503. Nothing is stored here: every message goes to the `store` handler, whose answer decides the
/// acknowledgement. Lives on the engine thread; destroying it closes every socket.
class ChatGateway final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatGateway)

public:
    struct Limits {
        qint64 maxMessageBytes = 64 * 1024; ///< one WebSocket message
        int maxHeaderBytes = 8 * 1024; ///< an HTTP request's head
        double messagesPerSecond = 2.0; ///< each visitor, sustained
        int burst = 10; ///< each visitor, at once
        int refusalsBeforeClose = 30; ///< rate-limited messages in a row before the socket is closed
        int maxConnections = 20000; ///< open visitor sockets; more upgrades are answered 503
        double framesPerSecond = 20.0; ///< every frame of a socket, sustained; more are dropped unread
        int frameBurst = 60; ///< every frame of a socket, at once
        double sessionsPerMinute = 20.0; ///< chats opened from one address, sustained (a visitor is not a session)
        int sessionBurst = 30; ///< chats opened from one address, at once
    };
    struct Handlers {
        /// Stores a visitor's message (called once per message frame that passed every check).
        std::function<ChatStored(const ChatIncoming &)> store;
        /// A visitor's widget said hello for `session` and has shown replies up to `lastSeen`.
        std::function<void(const QString &session, qint64 lastSeen, const QString &page)> joined;
        /// The last socket of a session closed.
        std::function<void(const QString &session)> left;
        /// The widget showed reply `replyId`.
        std::function<void(const QString &session, qint64 replyId)> seen;
        /// The visitor started or stopped typing.
        std::function<void(const QString &session, bool typing)> typing;
    };

    ChatGateway(domain::ChatAccount account, Handlers handlers, Limits limits, QObject *parent = nullptr);
    ChatGateway(domain::ChatAccount account, Handlers handlers, QObject *parent = nullptr);
    ~ChatGateway() override;

    /// Listens on the account's `listen` address ("127.0.0.1:8090"; port 0 picks one); returns the port, or 0
    /// with the reason in `error`.
    quint16 listen(QString *error);
    quint16 port() const;
    const domain::ChatAccount &account() const { return m_account; }
    /// Some socket of the session is open.
    bool isConnected(const QString &session) const;
    int connectionCount() const { return int(m_sockets.size()); }
    /// Sends an agent's reply to every open socket of the session; false when none is open.
    bool sendReply(const QString &session, qint64 replyId, const QString &text, const QString &author, qint64 at);
    /// Shows or hides "typing…" in the session's widget.
    void sendTyping(const QString &session, bool typing);
    /// Tells every widget whether an agent is there to answer now (else the widget says replies come by e-mail).
    void setAgentsOnline(bool online);
    bool agentsOnline() const { return m_agentsOnline; }

    /// Splits "host:port" ("127.0.0.1:8090", "[::1]:8090", ":8090" for every address); false when malformed.

Q_SIGNALS:
    /// A frame or connection was refused; `code` is the wire code ("origin", "rate_limited", …).
    void refused(const QString &code, const QString &message);

private:
    struct Visitor {
        QString session;
        QString origin;
        QString address; ///< where the visitor is (for the per-address limit); empty on loopback without a proxy
        ChatRateLimiter limiter; ///< messages
        ChatRateLimiter frames; ///< every frame (typing, seen, hello, bad ones too)
        int refusalsInARow = 0;
    };

    void onHttpConnection();
    void onHttpData(QTcpSocket *socket);
    void answerHttp(
        QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &type, const QByteArray &body);
    void onWebSocket();
    void onText(QWebSocket *socket, const QString &text);
    void onClosed(QWebSocket *socket);
    void sendJson(QWebSocket *socket, const QJsonObject &object);
    void sendError(QWebSocket *socket, const QString &code, const QString &message, const QJsonObject &extra = {});

    domain::ChatAccount m_account;
    Handlers m_handlers;
    Limits m_limits;
    QTcpServer *m_http = nullptr; ///< owned by this object; a QSslServer with the account's certificate
    QWebSocketServer *m_webSockets = nullptr; ///< owned by this object
    QHash<QWebSocket *, Visitor> m_sockets; ///< every open socket (owned by this object) and its visitor
    QHash<QString, QSet<QWebSocket *>> m_sessions; ///< the open sockets of each session that said hello
    QHash<QString, ChatRateLimiter> m_addresses; ///< chats opened from each address
    bool m_agentsOnline = true;
};

} // namespace waybill::channels::chat
