// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationActions.h"

#include "SlaClock.h"
#include "channels/marketplace/AmazonMessagePolicy.h"
#include "channels/marketplace/AmazonMessagingClient.h"
#include "domain/Channel.h"
#include "storage/AgentRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OrderRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SmsOptOutRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TagRepository.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace waybill::engine {

using storage::StorageError;
using storage::TransactionGuard;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ConversationActions", text);
}

} // namespace

ConversationActions::ConversationActions(
    const storage::Database &database, const SlaClock &sla, qint64 agentId, Clock now)
    : m_database(database)
    , m_sla(sla)
    , m_agentId(agentId)
    , m_now(std::move(now))
{
}

void ConversationActions::audit(qint64 conversationId, const QString &action, const QString &detail) const
{
    storage::AuditLogRepository(m_database).record({ 0, m_now(), m_agentId, {}, conversationId, action, detail });
}

int ConversationActions::assign(qint64 conversationId, int version, qint64 agentId, qint64 teamId)
{
    const storage::AgentRepository agents(m_database);
    QString detail = tr("unassigned");
    if (agentId) {
        const auto agent = agents.find(agentId);
        if (!agent) {
            throw StorageError(StorageError::Kind::Invalid, tr("That agent does not exist any more."));
        }
        detail = tr("assigned to %1").arg(agent->name);
    } else if (teamId) {
        for (const domain::Team &team : agents.teams()) {
            if (team.id == teamId) {
                detail = tr("assigned to team %1").arg(team.name);
            }
        }
    }
    TransactionGuard transaction(m_database);
    storage::ConversationRepository(m_database).setAssignee(conversationId, agentId, teamId, version);
    audit(conversationId, QStringLiteral("assign"), detail);
    transaction.commit();
    return version + 1;
}

int ConversationActions::setStatus(
    qint64 conversationId, int version, domain::ConversationStatus status, qint64 snoozedUntil)
{
    const qint64 now = m_now();
    if (status == domain::ConversationStatus::Snoozed && snoozedUntil <= now) {
        throw StorageError(StorageError::Kind::Invalid, tr("Choose a time in the future to snooze until."));
    }
    QString detail = tr("status: %1").arg(domain::statusDisplayName(status));
    if (status == domain::ConversationStatus::Snoozed) {
        detail = tr("snoozed until %1").arg(QDateTime::fromSecsSinceEpoch(snoozedUntil).toString(Qt::ISODate));
    }
    TransactionGuard transaction(m_database);
    storage::ConversationRepository(m_database).setStatus(conversationId, status, snoozedUntil, version);
    audit(conversationId, QStringLiteral("status"), detail);
    transaction.commit();
    return version + 1;
}

void ConversationActions::addTag(qint64 conversationId, const QString &tag)
{
    const QString name = tag.trimmed().toLower();
    if (name.isEmpty()) {
        return;
    }
    TransactionGuard transaction(m_database);
    if (storage::TagRepository(m_database).addTag(conversationId, name)) {
        audit(conversationId, QStringLiteral("tag"), tr("tagged %1").arg(name));
    }
    transaction.commit();
}

void ConversationActions::removeTag(qint64 conversationId, const QString &tag)
{
    TransactionGuard transaction(m_database);
    if (storage::TagRepository(m_database).removeTag(conversationId, tag)) {
        audit(conversationId, QStringLiteral("untag"), tr("removed tag %1").arg(tag));
    }
    transaction.commit();
}

int ConversationActions::linkOrder(qint64 conversationId, int version, qint64 orderId, const QString &reason)
{
    QString detail = tr("order unlinked");
    if (orderId) {
        const auto order = storage::OrderRepository(m_database).find(orderId);
        if (!order) {
            throw StorageError(StorageError::Kind::Invalid, tr("That order does not exist any more."));
        }
        detail = tr("linked order %1 (%2)").arg(order->number, reason);
    }
    TransactionGuard transaction(m_database);
    const storage::ConversationRepository conversations(m_database);
    conversations.setOrder(conversationId, orderId, orderId ? reason : QString(), version);
    conversations.refreshOrderSnapshot(conversationId, m_now());
    audit(conversationId, orderId ? QStringLiteral("link_order") : QStringLiteral("unlink_order"), detail);
    transaction.commit();
    return version + 2;
}

bool ConversationActions::setContactPreferences(
    qint64 conversationId, qint64 customerId, bool smsConsent, const QString &preferredChannel)
{
    const std::optional<domain::Channel> channel = domain::channelFromKey(preferredChannel);
    if (!preferredChannel.isEmpty() && !channel) {
        throw StorageError(StorageError::Kind::Invalid, tr("There is no channel called %1.").arg(preferredChannel));
    }
    TransactionGuard transaction(m_database);
    const auto conversation = storage::ConversationRepository(m_database).find(conversationId);
    if (!conversation || conversation->customerId != customerId) {
        throw StorageError(StorageError::Kind::Invalid, tr("This conversation is not with that customer any more."));
    }
    const storage::CustomerRepository customers(m_database);
    const auto customer = customers.find(customerId);
    if (!customer) {
        throw StorageError(StorageError::Kind::NotFound, tr("That customer does not exist any more."));
    }
    if (customer->smsConsent == smsConsent && customer->preferredChannel == preferredChannel) {
        return false;
    }
    customers.setContactPreferences(customerId, smsConsent, preferredChannel);
    if (customer->smsConsent != smsConsent) {
        audit(conversationId, QStringLiteral("customer_sms_consent"),
            smsConsent ? tr("recorded that %1 agreed to receive SMS").arg(customer->name)
                       : tr("recorded that %1 withdrew SMS consent").arg(customer->name));
    }
    if (customer->preferredChannel != preferredChannel) {
        audit(conversationId, QStringLiteral("customer_channel"),
            channel ? tr("set %1's preferred channel to %2").arg(customer->name, domain::channelDisplayName(*channel))
                    : tr("set %1's preferred channel to the one they last wrote on").arg(customer->name));
    }
    transaction.commit();
    return true;
}

qint64 ConversationActions::writeMessage(
    qint64 conversationId, domain::Message::Direction direction, const QString &text, const QString &account)
{
    domain::Message message;
    message.conversationId = conversationId;
    message.direction = direction;
    message.agentId = m_agentId;
    if (const auto agent = storage::AgentRepository(m_database).find(m_agentId)) {
        message.author = agent->name;
    }
    message.bodyText = text;
    message.account = account;
    message.createdAt = m_now();
    message.delivery = direction == domain::Message::Direction::Outbound ? domain::Message::Delivery::Queued
                                                                         : domain::Message::Delivery::Received;
    return storage::MessageRepository(m_database).insert(message);
}

QString ConversationActions::receivingAccount(qint64 conversationId) const
{
    // Replies leave through the account the customer last wrote to.
    storage::SqlQuery q(m_database,
        QStringLiteral("SELECT account FROM messages WHERE conversation_id = ? AND "
                       "direction = 'in' AND account <> '' ORDER BY created_at DESC, id DESC LIMIT 1"));
    q.bind(conversationId).exec();
    return q.next() ? q.text(0) : QString();
}

qint64 ConversationActions::reply(qint64 conversationId, int version, const QString &text)
{
    if (text.trimmed().isEmpty()) {
        throw StorageError(StorageError::Kind::Invalid, tr("The reply is empty."));
    }
    TransactionGuard transaction(m_database);
    const domain::ConversationSummary conversation
        = atVersion(conversationId, version, tr("your reply is still in the composer."));
    if (conversation.channel == domain::Channel::Sms) {
        // Carriers require it: a number that texted STOP gets nothing from us until it texts START.
        const storage::SmsOptOutRepository optOuts(m_database);
        if (const auto optOut = optOuts.findForCustomer(receivingAccount(conversationId), conversation.customerId)) {
            throw StorageError(StorageError::Kind::Invalid,
                tr("%1 texted \"%2\" on %3 and has opted out of SMS from this number; nothing can be sent until "
                   "they text START.")
                    .arg(optOut->phone, optOut->keyword,
                        QDateTime::fromSecsSinceEpoch(optOut->optedOutAt).toString(Qt::ISODate)));
        }
    }
    const qint64 messageId = queueReply(
        conversation, version, text, domain::channelKey(conversation.channel), receivingAccount(conversationId));
    audit(conversationId, QStringLiteral("reply"),
        tr("replied (queued for %1)").arg(domain::channelDisplayName(conversation.channel)));
    transaction.commit();
    return messageId;
}

qint64 ConversationActions::messageOnAmazon(
    qint64 conversationId, int version, const QString &type, const QString &text)
{
    using channels::marketplace::AmazonMessagePolicy;
    using channels::marketplace::AmazonMessagingClient;
    const qsizetype maxLength = AmazonMessagingClient::maxTextLength(type);
    if (maxLength == 0) {
        throw StorageError(StorageError::Kind::Invalid,
            tr("Amazon's %1 message cannot be written from Waybill; send it from Seller Central.").arg(type));
    }
    if (text.trimmed().isEmpty()) {
        throw StorageError(StorageError::Kind::Invalid, tr("The message is empty."));
    }
    if (text.size() > maxLength) {
        throw StorageError(StorageError::Kind::Invalid,
            tr("Amazon accepts at most %1 characters in this message; it has %2.").arg(maxLength).arg(text.size()));
    }
    const QList<AmazonMessagePolicy::Finding> findings = AmazonMessagePolicy::check(text);
    if (AmazonMessagePolicy::blocksSending(findings)) {
        throw StorageError(StorageError::Kind::Invalid, AmazonMessagePolicy::messages(findings).join(QLatin1Char(' ')));
    }
    TransactionGuard transaction(m_database);
    const domain::ConversationSummary current = atVersion(conversationId, version, tr("write your message again."));
    const auto order = storage::OrderRepository(m_database).linkedStoreOrder(conversationId, QStringLiteral("amazon"));
    if (!order) {
        throw StorageError(StorageError::Kind::Invalid,
            tr("This conversation is not linked to an order synchronised from Amazon, so Amazon cannot deliver "
               "the message."));
    }
    const QString number = order->number;
    const QString account = order->account;
    const qint64 messageId = queueReply(current, version, text, QStringLiteral("amazon"), account, type);
    audit(conversationId, QStringLiteral("amazon_message"),
        tr("wrote to the buyer of Amazon order %1 as %2 (queued)").arg(number, type));
    transaction.commit();
    return messageId;
}

domain::ConversationSummary ConversationActions::atVersion(
    qint64 conversationId, int version, const QString &kept) const
{
    const auto conversation = storage::ConversationRepository(m_database).find(conversationId);
    if (!conversation) {
        throw StorageError(StorageError::Kind::NotFound, tr("This conversation no longer exists."));
    }
    if (conversation->version != version) {
        throw StorageError(StorageError::Kind::Conflict,
            tr("Someone else changed this conversation a moment ago. It has been reloaded; %1").arg(kept));
    }
    return *conversation;
}

qint64 ConversationActions::queueReply(const domain::ConversationSummary &conversation, int version,
    const QString &text, const QString &channel, const QString &account, const QString &type)
{
    // A message of a type of its own goes out through the order's account, which the message records; a plain
    // reply's account is the one the customer wrote to, found again from the outbox row.
    const qint64 messageId = writeMessage(
        conversation.id, domain::Message::Direction::Outbound, text, type.isEmpty() ? QString() : account);
    storage::OutboxRepository(m_database).enqueue(messageId, channel, account, m_now(), type);
    const storage::ConversationRepository conversations(m_database);
    conversations.recordActivity(conversation.id, m_now(), text.simplified(), 0, 0);
    if (conversation.status == domain::ConversationStatus::Open) {
        conversations.setStatus(conversation.id, domain::ConversationStatus::Waiting, 0, version + 1);
    }
    return messageId;
}

qint64 ConversationActions::addNote(qint64 conversationId, const QString &text)
{
    if (text.trimmed().isEmpty()) {
        throw StorageError(StorageError::Kind::Invalid, tr("The note is empty."));
    }
    TransactionGuard transaction(m_database);
    const qint64 messageId = writeMessage(conversationId, domain::Message::Direction::Note, text);
    audit(conversationId, QStringLiteral("note"), tr("added an internal note"));
    transaction.commit();
    return messageId;
}

void ConversationActions::markRead(qint64 conversationId)
{
    storage::ConversationRepository(m_database).setUnread(conversationId, false);
}

void ConversationActions::touch(qint64 conversationId, int version) const
{
    storage::SqlQuery q(
        m_database, QStringLiteral("UPDATE conversations SET version = version + 1 WHERE id = ? AND version = ?"));
    q.bind(conversationId).bind(version).exec();
    if (q.rowsAffected() == 0) {
        const bool exists = storage::ConversationRepository(m_database).find(conversationId).has_value();
        throw StorageError(exists ? StorageError::Kind::Conflict : StorageError::Kind::NotFound,
            exists ? tr("Someone else changed this conversation a moment ago. It has been reloaded; please try again.")
                   : tr("This conversation no longer exists."));
    }
}

qint64 ConversationActions::splitMessage(qint64 conversationId, int version, qint64 messageId)
{
    const storage::ConversationRepository conversations(m_database);
    TransactionGuard transaction(m_database);
    const auto source = conversations.find(conversationId);
    const auto message = storage::MessageRepository(m_database).find(messageId);
    if (!source) {
        throw StorageError(StorageError::Kind::NotFound, tr("This conversation no longer exists."));
    }
    if (!message || message->conversationId != conversationId) {
        throw StorageError(StorageError::Kind::NotFound, tr("That message is not in this conversation any more."));
    }
    storage::SqlQuery count(m_database, QStringLiteral("SELECT count(*) FROM messages WHERE conversation_id = ?"));
    count.bind(conversationId).exec();
    if (count.next() && count.int64(0) < 2) {
        throw StorageError(StorageError::Kind::Invalid,
            tr("This is the only message of the conversation; there is nothing to split."));
    }
    touch(conversationId, version);

    domain::ConversationSummary split;
    split.channel = source->channel;
    split.subject = source->subject;
    split.preview = message->bodyText.simplified().left(200);
    split.customerId = source->customerId;
    split.customerName = source->customerName;
    split.orderId = source->orderId;
    split.orderNumber = source->orderNumber;
    split.linkReason = source->linkReason;
    split.createdAt = message->createdAt;
    split.lastActivity = message->createdAt;
    if (message->direction == domain::Message::Direction::Inbound) {
        split.marketDueAt = m_sla.marketDeadline(split.channel, message->createdAt);
        split.slaDueAt = m_sla.slaDeadline(message->createdAt);
    }
    const qint64 splitId = conversations.insert(split);
    if (split.orderId != 0) {
        conversations.refreshOrderSnapshot(splitId, m_now());
    }
    storage::SqlQuery subject(m_database,
        QStringLiteral("UPDATE conversations SET thread_subject = "
                       "(SELECT thread_subject FROM conversations WHERE id = ?) WHERE id = ?"));
    subject.bind(conversationId).bind(splitId).exec();
    storage::SqlQuery move(m_database, QStringLiteral("UPDATE messages SET conversation_id = ? WHERE id = ?"));
    move.bind(splitId).bind(messageId).exec();
    // Replies to the split message follow it into its new conversation.
    storage::SqlQuery ids(
        m_database, QStringLiteral("UPDATE message_ids SET conversation_id = ? WHERE message_row = ?"));
    ids.bind(splitId).bind(messageId).exec();
    audit(conversationId, QStringLiteral("split"), tr("moved a message to conversation #%1").arg(splitId));
    audit(splitId, QStringLiteral("split"), tr("split from conversation #%1").arg(conversationId));
    transaction.commit();
    return splitId;
}

int ConversationActions::merge(qint64 targetId, int targetVersion, qint64 sourceId, int sourceVersion)
{
    if (targetId == sourceId) {
        throw StorageError(StorageError::Kind::Invalid, tr("A conversation cannot be merged into itself."));
    }
    const storage::ConversationRepository conversations(m_database);
    TransactionGuard transaction(m_database);
    const auto target = conversations.find(targetId);
    const auto source = conversations.find(sourceId);
    if (!target || !source) {
        throw StorageError(StorageError::Kind::NotFound, tr("This conversation no longer exists."));
    }
    touch(targetId, targetVersion);
    int version = targetVersion + 1;

    const auto run = [this](const QString &sql, qint64 first, qint64 second) {
        storage::SqlQuery q(m_database, sql);
        q.bind(first).bind(second).exec();
    };
    run(QStringLiteral("UPDATE messages SET conversation_id = ? WHERE conversation_id = ?"), targetId, sourceId);
    // Later replies to anything of the source find the target: its Message-IDs and Thread-Indexes move along.
    run(QStringLiteral("INSERT INTO message_ids (message_id, conversation_id, message_row) "
                       "SELECT message_id, ?, message_row FROM message_ids WHERE conversation_id = ? "
                       "ON CONFLICT DO NOTHING"),
        targetId, sourceId);
    storage::SqlQuery forget(m_database, QStringLiteral("DELETE FROM message_ids WHERE conversation_id = ?"));
    forget.bind(sourceId).exec();
    run(QStringLiteral("UPDATE thread_indexes SET conversation_id = ? WHERE conversation_id = ?"), targetId, sourceId);
    run(QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) "
                       "SELECT ?, tag_id FROM conversation_tags WHERE conversation_id = ? ON CONFLICT DO NOTHING"),
        targetId, sourceId);
    if (target->orderId == 0 && source->orderId != 0) {
        conversations.setOrder(targetId, source->orderId, source->linkReason, version);
        conversations.refreshOrderSnapshot(targetId, m_now());
        ++version;
    }
    if (source->lastActivity > target->lastActivity) {
        const auto earlier = [](qint64 a, qint64 b) { return a == 0 ? b : (b == 0 ? a : std::min(a, b)); };
        conversations.recordActivity(targetId, source->lastActivity, source->preview,
            earlier(target->marketDueAt, source->marketDueAt), earlier(target->slaDueAt, source->slaDueAt));
        ++version;
    }
    if (source->unread && !target->unread) {
        conversations.setUnread(targetId, true);
    }

    // The source stays as a closed pointer to the target; subject threading must not pick it again.
    if (source->status != domain::ConversationStatus::Closed) {
        conversations.setStatus(sourceId, domain::ConversationStatus::Closed, 0, sourceVersion);
    } else {
        touch(sourceId, sourceVersion);
    }
    conversations.setThreadSubject(sourceId, QString());
    storage::TagRepository(m_database).addTag(sourceId, QStringLiteral("merged"));
    audit(sourceId, QStringLiteral("merge"), tr("merged into conversation #%1").arg(targetId));
    audit(targetId, QStringLiteral("merge"), tr("merged conversation #%1 into this one").arg(sourceId));
    transaction.commit();
    return version;
}

} // namespace waybill::engine
