// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChatInbound.h"
#include "channels/Channel.h"
#include "domain/ChatAccount.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace waybill::channels::chat {
class ChatGateway;
}
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

class Ingest;

/// One live chat account on the engine's side: hosts its ChatGateway, stores what visitors write (ChatInbound;
/// each message is acknowledged to the widget only once committed) and delivers the account's replies from the
/// outbox to the visitor's open widgets. A reply whose visitor is not connected waits; when the visitor has been
/// gone for the account's fallbackAfterSeconds, gave an e-mail address and the account names a fallback e-mail
/// account, the reply moves to that account's outbox and goes out as an e-mail (rerouted()). When a widget comes
/// back it gets the replies after the last one it showed, so none is lost with a dropped socket. Replies are
/// "sent" once written to a socket and "delivered" when the widget reports it showed them. Lives on the engine
/// thread with the write connection; destroying it closes the gateway. As a channels::Channel: plain text up to
/// ChatFrame::MaxTextLength characters, links, no attachments, typing and read state; failing while it cannot
/// listen, with the reason naming the account.
class ChatChannel final : public QObject, public channels::Channel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatChannel)

public:
    ChatChannel(const storage::Database &database, Ingest &ingest, domain::ChatAccount account,
        std::function<qint64()> now, QObject *parent = nullptr);
    ~ChatChannel() override;

    /// Starts listening and looking at the outbox every `pollMs`; false (and failing health) when it cannot listen.
    bool start(int pollMs = 5000);
    QString accountId() const override { return m_account.id; }
    channels::ChannelCapabilities capabilities() const override;
    void poke() override;
    bool isIdle() const override { return !m_pokeScheduled; }
    channels::ChannelHealth health() const override { return m_health; }
    /// The port the gateway listens on (0 before start() or when it failed).
    quint16 port() const;
    /// Open visitor sockets.
    int connectionCount() const;
    /// Shows the conversation's visitor that an agent is typing (or stopped).
    void setAgentTyping(qint64 conversationId, bool typing);
    /// Tells the visitors whether an agent is there to answer now.
    void setAgentsOnline(bool online);

Q_SIGNALS:
    /// Conversations that changed (a visitor wrote, a reply was sent or shown).
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// The visitor of a conversation started or stopped typing.
    void visitorTyping(qint64 conversationId, bool typing);
    /// Replies moved to the fallback e-mail account's outbox: its outbound should look now.
    void rerouted();
    /// The gateway refused a frame or a connection (for the log).
    void refused(const QString &code, const QString &message);

private:
    channels::chat::ChatStored store(const channels::chat::ChatIncoming &incoming);
    void joined(const QString &session, qint64 lastSeen);
    void seen(const QString &session, qint64 replyId);
    /// Sends every due reply whose visitor is connected; reroutes those whose visitor left long enough ago.
    void deliverDue();
    /// Sends the conversation's replies after `afterId` that were sent before (the widget missed them).
    void resend(const QString &session, qint64 conversationId, qint64 afterId);

    const storage::Database &m_database;
    domain::ChatAccount m_account;
    ChatInbound m_inbound;
    std::function<qint64()> m_now;
    std::unique_ptr<channels::chat::ChatGateway> m_gateway;
    QTimer m_poll;
    bool m_pokeScheduled = false;
    channels::ChannelHealth m_health;
};

} // namespace waybill::engine
