// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatChannel.h"

#include "channels/chat/ChatFrame.h"
#include "channels/chat/ChatGateway.h"
#include "domain/Message.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QLoggingCategory>

#include <algorithm>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcChatChannel, "waybill.chat")

using channels::chat::ChatGateway;
using channels::chat::ChatIncoming;
using channels::chat::ChatStored;
using domain::Message;

/// Replies looked at in one pass.
constexpr int DeliveryBatch = 200;
/// A reply whose visitor is away is looked at again after this long (or when the visitor comes back), so that
/// replies waiting for absent visitors never hold up the others.
constexpr qint64 AwayRecheckSeconds = 60;

} // namespace

ChatChannel::ChatChannel(const storage::Database &database, Ingest &ingest, domain::ChatAccount account,
    std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_account(std::move(account))
    , m_inbound(database, ingest, now)
    , m_now(std::move(now))
{
    ChatGateway::Handlers handlers;
    handlers.store = [this](const ChatIncoming &incoming) { return store(incoming); };
    handlers.joined = [this](const QString &session, qint64 lastSeen, const QString &) { joined(session, lastSeen); };
    handlers.left = [this](const QString &session) {
        try {
            m_inbound.touch(m_account.id, session);
        } catch (const storage::StorageError &error) {
            qCWarning(lcChatChannel) << m_account.name << error.userMessage();
        }
    };
    handlers.seen = [this](const QString &session, qint64 replyId) { seen(session, replyId); };
    handlers.typing = [this](const QString &session, bool typing) {
        try {
            if (const auto known = m_inbound.session(m_account.id, session)) {
                Q_EMIT visitorTyping(known->conversationId, typing);
            }
        } catch (const storage::StorageError &) {
        }
    };
    m_gateway = std::make_unique<ChatGateway>(m_account, std::move(handlers));
    connect(m_gateway.get(), &ChatGateway::refused, this, &ChatChannel::refused);
    connect(&m_poll, &QTimer::timeout, this, &ChatChannel::poke);
}

ChatChannel::~ChatChannel() = default;

bool ChatChannel::start(int pollMs)
{
    QString error;
    if (m_gateway->listen(&error) == 0) {
        m_health = { channels::ChannelHealth::State::Failing, error };
        return false;
    }
    try {
        // A reply cut short by a stop was written to a socket or not: the widget shows it once either way.
        storage::OutboxRepository(m_database).recoverInterrupted(m_account.id);
    } catch (const storage::StorageError &storageError) {
        qCWarning(lcChatChannel) << m_account.name << storageError.userMessage();
    }
    m_health = {};
    m_poll.start(pollMs);
    poke();
    return true;
}

channels::ChannelCapabilities ChatChannel::capabilities() const
{
    channels::ChannelCapabilities capabilities;
    capabilities.maxLength = channels::chat::ChatFrame::MaxTextLength;
    capabilities.typingState = true;
    capabilities.readState = true;
    return capabilities;
}

quint16 ChatChannel::port() const
{
    return m_gateway->port();
}

int ChatChannel::connectionCount() const
{
    return m_gateway->connectionCount();
}

void ChatChannel::poke()
{
    if (m_pokeScheduled) {
        return;
    }
    m_pokeScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_pokeScheduled = false;
        deliverDue();
    });
}

void ChatChannel::setAgentTyping(qint64 conversationId, bool typing)
{
    try {
        const QString session = m_inbound.sessionOf(m_account.id, conversationId);
        if (!session.isEmpty()) {
            m_gateway->sendTyping(session, typing);
        }
    } catch (const storage::StorageError &error) {
        qCWarning(lcChatChannel) << m_account.name << error.userMessage();
    }
}

void ChatChannel::setAgentsOnline(bool online)
{
    m_gateway->setAgentsOnline(online);
}

ChatStored ChatChannel::store(const ChatIncoming &incoming)
{
    try {
        const ChatInbound::Stored stored = m_inbound.store(incoming);
        if (stored.outcome == ChatStored::Stored) {
            Q_EMIT conversationsChanged({ stored.conversationId });
        }
        return stored.outcome;
    } catch (const storage::StorageError &error) {
        qCWarning(lcChatChannel) << m_account.name << "a visitor's message was not stored:" << error.userMessage();
        return ChatStored::Failed;
    }
}

void ChatChannel::joined(const QString &session, qint64 lastSeen)
{
    try {
        const auto known = m_inbound.session(m_account.id, session);
        if (!known) {
            return; // a widget that has not written yet has no conversation
        }
        m_inbound.touch(m_account.id, session);
        resend(session, known->conversationId, lastSeen);
        // Replies that were waiting for this visitor are due now.
        storage::SqlQuery due(m_database,
            QStringLiteral("UPDATE outbox SET next_attempt_at = ? WHERE account = ? AND state = 'pending' AND "
                           "message_id IN (SELECT id FROM messages WHERE conversation_id = ?)"));
        due.bind(m_now()).bind(m_account.id).bind(known->conversationId).exec();
    } catch (const storage::StorageError &error) {
        qCWarning(lcChatChannel) << m_account.name << error.userMessage();
    }
    poke(); // replies that waited for the visitor
}

void ChatChannel::resend(const QString &session, qint64 conversationId, qint64 afterId)
{
    storage::SqlQuery q(m_database,
        QStringLiteral("SELECT m.id, m.body_text, m.author, m.created_at FROM messages m JOIN outbox o ON "
                       "o.message_id = m.id WHERE m.conversation_id = ? AND m.id > ? AND o.account = ? AND "
                       "o.state = 'done' ORDER BY m.id"));
    q.bind(conversationId).bind(afterId).bind(m_account.id).exec();
    while (q.next()) {
        m_gateway->sendReply(session, q.int64(0), q.text(1), q.text(2), q.int64(3));
    }
}

void ChatChannel::seen(const QString &session, qint64 replyId)
{
    try {
        const auto known = m_inbound.session(m_account.id, session);
        if (!known) {
            return;
        }
        storage::SqlQuery q(m_database,
            QStringLiteral("UPDATE messages SET delivery = 'delivered' WHERE conversation_id = ? AND id <= ? AND "
                           "direction = 'out' AND delivery = 'sent' AND id IN (SELECT message_id FROM outbox WHERE "
                           "account = ?)"));
        q.bind(known->conversationId).bind(replyId).bind(m_account.id).exec();
        if (q.rowsAffected() > 0) {
            Q_EMIT conversationsChanged({ known->conversationId });
        }
    } catch (const storage::StorageError &error) {
        qCWarning(lcChatChannel) << m_account.name << error.userMessage();
    }
}

void ChatChannel::deliverDue()
{
    QList<qint64> changed;
    bool movedToEmail = false;
    try {
        const storage::OutboxRepository outbox(m_database);
        const storage::MessageRepository messages(m_database);
        const qint64 now = m_now();
        for (const storage::OutboxItem &item : outbox.dueFor(m_account.id, now, DeliveryBatch)) {
            const auto message = messages.find(item.messageId);
            if (!message) {
                outbox.markFailed(item.id, QStringLiteral("the reply no longer exists"));
                continue;
            }
            const QString session = m_inbound.sessionOf(m_account.id, message->conversationId);
            if (session.isEmpty()) {
                storage::TransactionGuard transaction(m_database);
                const QString why = QStringLiteral("This conversation has no chat visitor to send to.");
                outbox.markFailed(item.id, why);
                messages.setDelivery(item.messageId, Message::Delivery::Failed, why);
                transaction.commit();
                changed.append(message->conversationId);
                continue;
            }
            if (m_gateway->isConnected(session)) {
                storage::TransactionGuard transaction(m_database);
                if (!outbox.claim(item.id, QString())) {
                    continue;
                }
                m_gateway->sendReply(session, item.messageId, message->bodyText, message->author, message->createdAt);
                outbox.markDone(item.id);
                messages.setDelivery(item.messageId, Message::Delivery::Sent, QString());
                transaction.commit();
                changed.append(message->conversationId);
                continue;
            }
            const auto visitor = m_inbound.session(m_account.id, session);
            const bool goneLongEnough = visitor && now - visitor->lastSeenAt >= m_account.fallbackAfterSeconds;
            if (goneLongEnough && !visitor->email.isEmpty() && !m_account.fallbackEmailAccount.isEmpty()) {
                // The visitor left and gave an address: the conversation goes on by e-mail.
                storage::SqlQuery q(m_database,
                    QStringLiteral("UPDATE outbox SET account = ?, channel = 'email', next_attempt_at = ? WHERE id = ? "
                                   "AND state = 'pending'"));
                q.bind(m_account.fallbackEmailAccount).bind(now).bind(item.id).exec();
                changed.append(message->conversationId);
                movedToEmail = true;
                continue;
            }
            // It waits for the visitor to come back (joined() makes it due at once then).
            outbox.retryLater(item.id,
                now + std::min<qint64>(AwayRecheckSeconds, std::max(1, m_account.fallbackAfterSeconds)),
                QStringLiteral("Waiting for the visitor to come back to the chat."));
        }
        m_health = {}; // cleared by a pass that worked
    } catch (const storage::StorageError &error) {
        m_health
            = { channels::ChannelHealth::State::Failing, m_account.name + QStringLiteral(": ") + error.userMessage() };
        qCWarning(lcChatChannel).noquote() << m_health.reason;
    }
    if (!changed.isEmpty()) {
        Q_EMIT conversationsChanged(changed);
    }
    if (movedToEmail) {
        Q_EMIT rerouted();
    }
}

} // namespace waybill::engine
