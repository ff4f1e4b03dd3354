// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Ingest.h"

#include "SlaClock.h"
#include "channels/email/Threader.h"
#include "engine/OrderLinker.h"
#include "storage/AttachmentStore.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/MessageRepository.h"
#include "storage/QuarantineRepository.h"
#include "storage/SearchIndex.h"
#include "storage/SqlQuery.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>

#include <optional>

namespace waybill::engine {

using domain::Channel;
using domain::IncomingMessage;

namespace {

/// How the sender is known on the message's channel: by phone (SMS), chat visitor id, eBay user id (a message read
/// through eBay's API names the buyer by user id, a relay e-mail by address), else by e-mail address.
QString identityKind(const IncomingMessage &message)
{
    switch (message.channel) {
    case Channel::Sms:
        return QStringLiteral("phone");
    case Channel::Chat:
        return QStringLiteral("chat");
    case Channel::Ebay:
        return message.fromAddress.contains(u'@') ? QStringLiteral("email") : QStringLiteral("ebay");
    case Channel::Email:
    case Channel::Amazon:
        break;
    }
    return QStringLiteral("email");
}

} // namespace

Ingest::Ingest(const storage::Database &database, const storage::AttachmentStore &attachments, const SlaClock &sla,
    std::function<qint64()> now)
    : m_database(database)
    , m_attachments(attachments)
    , m_sla(sla)
    , m_now(std::move(now))
{
}

void Ingest::beginBulk()
{
    m_bulk = true;
    m_prefetched.reset();
    m_pendingMessages.clear();
    m_pendingCustomers.clear();
}

void Ingest::flushSearchIndex()
{
    const storage::SearchIndex index(m_database);
    for (const auto &[id, text] : std::as_const(m_pendingCustomers)) {
        index.indexCustomer(id, text);
    }
    for (const auto &[id, text] : std::as_const(m_pendingMessages)) {
        index.indexMessageSearchText(id, text);
    }
    m_pendingCustomers.clear();
    m_pendingMessages.clear();
}

void Ingest::prefetchOrders(const QList<const OrderLinker::Candidates *> &all, const QSet<QString> *existing)
{
    if (m_bulk) {
        m_prefetched = OrderLinker(m_database).prefetch(all, existing);
    }
}

void Ingest::endBulk()
{
    m_bulk = false;
    m_prefetched.reset();
    m_pendingMessages.clear();
    m_pendingCustomers.clear();
}

qint64 Ingest::storeMessage(const domain::Message &message, const QByteArray &searchText)
{
    const qint64 id = storage::MessageRepository(m_database).insertUnindexed(message);
    if (m_bulk) {
        m_pendingMessages.append({ id, searchText });
    } else {
        storage::SearchIndex(m_database).indexMessageSearchText(id, searchText);
    }
    return id;
}

Ingest::Customer Ingest::identifyCustomer(const IncomingMessage &message)
{
    const QString kind = identityKind(message);
    const QString value = message.fromAddress.trimmed().toLower();
    if (value.isEmpty()) {
        return {};
    }
    const storage::CustomerRepository customers(m_database);
    if (const auto owner = customers.findByIdentity(kind, value)) {
        return { owner->customerId, owner->name };
    }
    domain::Customer customer;
    customer.name = message.fromName.trimmed().isEmpty() ? value.section(u'@', 0, 0) : message.fromName.trimmed();
    customer.firstName = customer.name.section(u' ', 0, 0);
    customer.createdAt = m_now();
    customer.identities.append({ 0, kind, value });
    if (!m_bulk) {
        return { customers.insert(customer), customer.name, true };
    }
    const qint64 id = customers.insertUnindexed(customer);
    m_pendingCustomers.append({ id, storage::CustomerRepository::searchText(customer) });
    return { id, customer.name, true };
}

Ingest::Result Ingest::recordBounce(const PreparedMessage &prepared)
{
    const IncomingMessage &message = prepared.message;
    storage::SqlQuery &q
        = m_database.prepared(QStringLiteral("SELECT conversation_id, coalesce(message_row, 0) FROM message_ids "
                                             "WHERE message_id = ? ORDER BY conversation_id DESC LIMIT 1"));
    q.bind(message.bouncedMessageId).exec();
    if (!q.next()) {
        q.finish();
        return {};
    }
    const qint64 conversationId = q.int64(0);
    const qint64 bouncedRow = q.int64(1);
    q.finish();
    const storage::MessageRepository messages(m_database);
    if (bouncedRow != 0) {
        const QString why = message.bounceDiagnostic.isEmpty()
            ? QCoreApplication::translate("Ingest", "The recipient's mail server returned this message.")
            : message.bounceDiagnostic;
        messages.setDelivery(bouncedRow, domain::Message::Delivery::Failed, why);
    }
    domain::Message stored;
    stored.conversationId = conversationId;
    stored.direction = domain::Message::Direction::Inbound;
    stored.author = message.fromName.isEmpty() ? message.fromAddress : message.fromName;
    stored.bodyText = message.bodyText;
    stored.createdAt = message.sentAt > 0 ? message.sentAt : m_now();
    stored.account = message.account;
    stored.externalId = prepared.externalId;
    stored.emailMessageId = message.messageId;
    stored.threadReason = QCoreApplication::translate("Ingest", "delivery report for our reply");
    stored.isAutoReply = true;
    Result result;
    result.outcome = Outcome::BounceRecorded;
    result.conversationId = conversationId;
    result.messageId = storeMessage(stored, prepared.searchText);
    result.threadReason = stored.threadReason;
    return result;
}

Ingest::Result Ingest::ingest(const IncomingMessage &message)
{
    return ingest(prepare(message));
}

PreparedMessage Ingest::prepare(domain::IncomingMessage message) const
{
    return PreparedMessage::prepare(std::move(message), m_attachments);
}

Ingest::Result Ingest::ingest(const PreparedMessage &prepared)
{
    if (prepared.failure) {
        throw *prepared.failure;
    }
    const IncomingMessage &message = prepared.message;
    const qint64 now = m_now();
    const QString &externalId = prepared.externalId;

    // In bulk mode the importer's batch transaction stands in for this one: a failure rolls the batch back.
    std::optional<storage::TransactionGuard> transaction;
    if (!m_bulk) {
        transaction.emplace(m_database);
    }
    if (!prepared.knownNew) {
        storage::SqlQuery &seen
            = m_database.prepared(QStringLiteral("SELECT conversation_id, id FROM messages WHERE external_id = ?"));
        seen.bind(externalId).exec();
        if (seen.next()) {
            const Result duplicate { Outcome::Duplicate, seen.int64(0), seen.int64(1), false, {}, {} };
            seen.finish();
            return duplicate;
        }
        seen.finish();
    }
    const Customer customer = identifyCustomer(message);
    const qint64 customerId = customer.id;
    if (message.isBounce && !message.bouncedMessageId.isEmpty()) {
        Result bounce = recordBounce(prepared);
        if (bounce.conversationId != 0) {
            if (transaction) {
                transaction->commit();
            }
            return bounce;
        }
    }

    OrderLinker::Link link
        = OrderLinker(m_database)
              .link(prepared.numbers, customerId, now, customer.isNew, m_prefetched ? &*m_prefetched : nullptr);
    if (link.confidence < OrderLinker::AutoLinkConfidence) {
        link = {}; // a guess is for the agent to make, not for incoming mail
    }
    const channels::email::Threader threader(m_database);
    const channels::email::Threader::Match match
        = threader.find(message, prepared.threadSubject, customerId, link.orderId, now, customer.isNew);
    const storage::ConversationRepository conversations(m_database);
    const qint64 at = message.sentAt > 0 && message.sentAt <= now ? message.sentAt : now;
    const bool startsClock = !message.isAutoReply && !message.isBounce;

    Result result;
    result.threadReason = match.reason;
    result.conversationId = match.conversationId;
    if (result.conversationId == 0) {
        domain::ConversationSummary c;
        c.channel = message.channel;
        c.subject = message.subject;
        c.preview = prepared.preview;
        c.customerId = customerId;
        c.customerName = customer.name;
        c.orderId = link.orderId;
        c.linkReason = link.reason;
        c.status = domain::ConversationStatus::Open;
        c.unread = true;
        c.createdAt = at;
        c.lastActivity = at;
        if (startsClock) {
            c.marketDueAt = m_sla.marketDeadline(message.channel, at);
            c.slaDueAt = m_sla.slaDeadline(at);
        }
        result.conversationId = conversations.insert(c, prepared.threadSubject);
        result.newConversation = true;
        result.linkReason = link.reason;
        if (link.orderId) {
            conversations.refreshOrderSnapshot(result.conversationId, now);
        }
    } else {
        const auto existing = conversations.inboundState(result.conversationId);
        // An earlier unanswered message keeps its (earlier) deadlines.
        const qint64 market = !startsClock ? existing->marketDueAt
            : existing->marketDueAt        ? existing->marketDueAt
                                           : m_sla.marketDeadline(message.channel, at);
        const qint64 sla = !startsClock ? existing->slaDueAt
            : existing->slaDueAt        ? existing->slaDueAt
                                        : m_sla.slaDeadline(at);
        conversations.recordInbound(result.conversationId, at, prepared.preview, market, sla);
        if (startsClock && existing->status != domain::ConversationStatus::Open) {
            conversations.setStatus(result.conversationId, domain::ConversationStatus::Open, 0, existing->version + 1);
        }
        if (existing->orderId == 0 && link.orderId != 0) {
            const auto fresh = conversations.inboundState(result.conversationId);
            conversations.setOrder(result.conversationId, link.orderId, link.reason, fresh->version);
            conversations.refreshOrderSnapshot(result.conversationId, now);
            result.linkReason = link.reason;
        }
    }

    domain::Message stored;
    stored.conversationId = result.conversationId;
    stored.direction = domain::Message::Direction::Inbound;
    stored.author = message.fromName.isEmpty() ? message.fromAddress : message.fromName;
    stored.bodyText = message.bodyText;
    stored.bodyHtml = message.bodyHtml;
    stored.createdAt = at;
    stored.attachments = prepared.attachments;
    stored.account = message.account;
    stored.externalId = externalId;
    stored.emailMessageId = message.messageId;
    stored.threadReason = match.reason;
    stored.isAutoReply = message.isAutoReply;
    result.messageId = storeMessage(stored, prepared.searchText);
    threader.remember(message, result.conversationId, result.messageId);
    if (transaction) {
        transaction->commit();
    }
    return result;
}

qint64 Ingest::quarantine(const QString &account, const QByteArray &raw, const QString &reason)
{
    storage::QuarantinedMessage entry;
    entry.account = account;
    entry.receivedAt = m_now();
    entry.reason = reason;
    entry.rawSha256 = m_attachments.put(raw);
    entry.sizeBytes = raw.size();
    return storage::QuarantineRepository(m_database).insert(entry);
}

} // namespace waybill::engine
