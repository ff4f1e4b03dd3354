// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatInbound.h"

#include "Ingest.h"
#include "channels/email/Threader.h"
#include "channels/sms/PhoneNumber.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QDateTime>

namespace waybill::engine {

using channels::chat::ChatIncoming;
using channels::chat::ChatStored;

namespace {

/// The Message-ID-like key every message of a session refers to, so that they thread into one conversation.
QString threadKey(const QString &account, const QString &session)
{
    return QStringLiteral("chat/") + account + u'/' + session;
}

} // namespace

ChatInbound::ChatInbound(const storage::Database &database, Ingest &ingest, std::function<qint64()> now)
    : m_database(database)
    , m_ingest(ingest)
    , m_now(std::move(now))
{
}

QString ChatInbound::identityFor(const QString &account, const QString &session)
{
    return account + u'/' + session;
}

std::optional<ChatInbound::Session> ChatInbound::session(const QString &account, const QString &session) const
{
    storage::SqlQuery &q = m_database.prepared(QStringLiteral(
        "SELECT conversation_id, email, last_seen_at FROM chat_sessions WHERE account = ? AND session = ?"));
    q.bind(account).bind(session).exec();
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    Session result { q.int64(0), q.text(1), q.int64(2) };
    q.finish();
    return result;
}

QString ChatInbound::sessionOf(const QString &account, qint64 conversationId) const
{
    storage::SqlQuery &q
        = m_database.prepared(QStringLiteral("SELECT session FROM chat_sessions WHERE account = ? AND "
                                             "conversation_id = ? ORDER BY last_seen_at DESC LIMIT 1"));
    q.bind(account).bind(conversationId).exec();
    const QString session = q.next() ? q.text(0) : QString();
    q.finish();
    return session;
}

void ChatInbound::touch(const QString &account, const QString &session) const
{
    storage::SqlQuery &q = m_database.prepared(
        QStringLiteral("UPDATE chat_sessions SET last_seen_at = ? WHERE account = ? AND session = ?"));
    q.bind(m_now()).bind(account).bind(session).exec();
}

void ChatInbound::identify(const ChatIncoming &incoming) const
{
    const storage::CustomerRepository customers(m_database);
    const QString chatIdentity = identityFor(incoming.account, incoming.session);
    QList<std::pair<QString, QString>> given; // what the visitor told about themselves, as identities
    if (!incoming.email.isEmpty()) {
        given.append({ QStringLiteral("email"), incoming.email });
    }
    if (const auto e164 = channels::sms::PhoneNumber::toE164(incoming.phone); !incoming.phone.isEmpty() && e164) {
        given.append({ QStringLiteral("phone"), *e164 });
    }
    for (const auto &[kind, value] : given) {
        const auto owner = customers.findByIdentity(kind, value);
        if (!owner) {
            continue;
        }
        const auto visitor = customers.findByIdentity(QStringLiteral("chat"), chatIdentity);
        if (!visitor) {
            // Someone who wrote by e-mail or SMS before: the chat is theirs.
            customers.addIdentity(owner->customerId, QStringLiteral("chat"), chatIdentity);
            return;
        }
        if (visitor->customerId != owner->customerId && isChatOnly(visitor->customerId)) {
            // The visitor wrote before saying who they are: the chat's customer was made for this chat only, and
            // joins the one they turn out to be.
            adopt(visitor->customerId, owner->customerId, owner->name);
            return;
        }
    }
}

bool ChatInbound::isChatOnly(qint64 customerId) const
{
    storage::SqlQuery q(m_database,
        QStringLiteral("SELECT (SELECT count(*) FROM identities WHERE customer_id = ? AND kind <> 'chat') + "
                       "(SELECT count(*) FROM orders WHERE customer_id = ?)"));
    q.bind(customerId).bind(customerId).exec();
    return q.next() && q.int64(0) == 0;
}

void ChatInbound::adopt(qint64 chatCustomerId, qint64 ownerId, const QString &ownerName) const
{
    storage::SqlQuery identities(
        m_database, QStringLiteral("UPDATE identities SET customer_id = ? WHERE customer_id = ?"));
    identities.bind(ownerId).bind(chatCustomerId).exec();
    storage::SqlQuery conversations(m_database,
        QStringLiteral("UPDATE conversations SET customer_id = ?, customer_name = ?, version = version + 1 WHERE "
                       "customer_id = ?"));
    conversations.bind(ownerId).bind(ownerName).bind(chatCustomerId).exec();
    storage::SqlQuery customer(m_database, QStringLiteral("DELETE FROM customers WHERE id = ?"));
    customer.bind(chatCustomerId).exec();
}

ChatInbound::Stored ChatInbound::store(const ChatIncoming &incoming)
{
    storage::TransactionGuard transaction(m_database);
    identify(incoming);
    const std::optional<Session> known = session(incoming.account, incoming.session);

    domain::IncomingMessage message;
    message.account = incoming.account;
    message.externalId = incoming.session + u'/' + incoming.clientId;
    message.channel = domain::Channel::Chat;
    message.messageId = threadKey(incoming.account, incoming.session) + u'/' + incoming.clientId;
    message.inReplyTo = threadKey(incoming.account, incoming.session);
    message.fromAddress = identityFor(incoming.account, incoming.session);
    message.fromName = incoming.name.isEmpty()
        ? QCoreApplication::translate("ChatInbound", "Visitor %1").arg(incoming.session.left(6))
        : incoming.name;
    message.sentAt = incoming.receivedAtMs / 1000;
    // A new session's subject names its start, so that two chats of one customer stay two conversations.
    message.subject = QCoreApplication::translate("ChatInbound", "Live chat, %1")
                          .arg(QDateTime::fromMSecsSinceEpoch(incoming.receivedAtMs)
                                   .toUTC()
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    message.bodyText = incoming.text;
    if (!incoming.orderNumber.isEmpty()) {
        // The order linker reads the subject: the number the visitor typed links the order.
        message.subject += QCoreApplication::translate("ChatInbound", " (order %1)").arg(incoming.orderNumber);
    }
    const Ingest::Result result = m_ingest.ingest(message);
    Stored stored { result.outcome == Ingest::Outcome::Duplicate ? ChatStored::Duplicate : ChatStored::Stored,
        result.conversationId, result.messageId };
    const qint64 now = m_now();
    if (!known) {
        channels::email::Threader(m_database)
            .rememberSent(threadKey(incoming.account, incoming.session), result.conversationId, result.messageId);
        storage::SqlQuery &insert = m_database.prepared(QStringLiteral(
            "INSERT INTO chat_sessions (account, session, conversation_id, created_at, last_seen_at) VALUES (?, ?, ?, "
            "?, ?) ON CONFLICT (account, session) DO NOTHING"));
        insert.bind(incoming.account).bind(incoming.session).bind(result.conversationId).bind(now).bind(now).exec();
    }
    storage::SqlQuery &update = m_database.prepared(QStringLiteral(
        "UPDATE chat_sessions SET visitor_name = CASE WHEN ? <> '' THEN ? ELSE visitor_name END, "
        "email = CASE WHEN ? <> '' THEN ? ELSE email END, phone = CASE WHEN ? <> '' THEN ? ELSE phone END, "
        "order_number = CASE WHEN ? <> '' THEN ? ELSE order_number END, last_seen_at = ? "
        "WHERE account = ? AND session = ?"));
    update.bind(incoming.name)
        .bind(incoming.name)
        .bind(incoming.email)
        .bind(incoming.email)
        .bind(incoming.phone)
        .bind(incoming.phone)
        .bind(incoming.orderNumber)
        .bind(incoming.orderNumber)
        .bind(now)
        .bind(incoming.account)
        .bind(incoming.session)
        .exec();
    if (stored.outcome == ChatStored::Stored && (!incoming.email.isEmpty() || !incoming.phone.isEmpty())) {
        storage::SqlQuery &customer
            = m_database.prepared(QStringLiteral("SELECT customer_id FROM conversations WHERE id = ?"));
        customer.bind(result.conversationId).exec();
        const qint64 customerId = customer.next() ? customer.int64(0) : 0;
        customer.finish();
        const storage::CustomerRepository customers(m_database);
        if (customerId != 0 && !incoming.email.isEmpty()) {
            customers.addIdentity(customerId, QStringLiteral("email"), incoming.email);
        }
        if (customerId != 0 && !incoming.phone.isEmpty()) {
            if (const auto e164 = channels::sms::PhoneNumber::toE164(incoming.phone)) {
                customers.addIdentity(customerId, QStringLiteral("phone"), *e164);
            }
        }
    }
    transaction.commit();
    return stored;
}

} // namespace waybill::engine
