// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmsGateway.h"

#include "Ingest.h"
#include "SmsMediaFetcher.h"
#include "channels/sms/TwilioErrorCodes.h"
#include "channels/sms/TwilioWebhook.h"
#include "domain/Message.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SmsOptOutRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TransactionGuard.h"

#include <algorithm>

namespace waybill::engine {

namespace {

using channels::sms::SmsKeyword;
using domain::Message;

/// How far along a reply is; a report never moves it back.
int rank(Message::Delivery delivery)
{
    switch (delivery) {
    case Message::Delivery::Received:
    case Message::Delivery::Queued:
        return 0;
    case Message::Delivery::Sent:
        return 1;
    case Message::Delivery::Delivered:
    case Message::Delivery::Failed:
        return 2;
    }
    return 0;
}

} // namespace

SmsGateway::SmsGateway(const storage::Database &database, Ingest &ingest, std::function<qint64()> now)
    : m_database(database)
    , m_ingest(ingest)
    , m_now(std::move(now))
{
}

void SmsGateway::addAccount(const domain::TwilioAccount &account, const QByteArray &authToken)
{
    m_accounts.removeIf([&](const Entry &e) { return e.account.id == account.id; });
    m_accounts.append({ account, authToken });
}

void SmsGateway::clear()
{
    m_accounts.clear();
}

QList<domain::TwilioAccount> SmsGateway::accounts() const
{
    QList<domain::TwilioAccount> result;
    for (const Entry &entry : m_accounts) {
        result.append(entry.account);
    }
    return result;
}

std::optional<domain::TwilioAccount> SmsGateway::accountFor(const QString &accountSid, const QString &to) const
{
    std::optional<domain::TwilioAccount> only;
    int count = 0;
    for (const Entry &entry : m_accounts) {
        if (entry.account.accountSid != accountSid) {
            continue;
        }
        if (entry.account.fromNumber == to) {
            return entry.account;
        }
        only = entry.account;
        ++count;
    }
    return count == 1 ? only : std::nullopt;
}

bool SmsGateway::verify(const QString &accountId, const QString &url,
    const channels::sms::TwilioSignature::Params &params, const QByteArray &signature) const
{
    for (const Entry &entry : m_accounts) {
        if (entry.account.id == accountId) {
            return channels::sms::TwilioSignature::verify(url, params, entry.authToken, signature);
        }
    }
    return false;
}

SmsGateway::Received SmsGateway::receive(const channels::sms::TwilioInboundSms &sms, const QString &accountId)
{
    storage::TransactionGuard transaction(m_database);
    const Ingest::Result stored = m_ingest.ingest(channels::sms::TwilioWebhook::toIncoming(sms, accountId));
    Received received { stored.conversationId, stored.messageId, stored.outcome == Ingest::Outcome::Duplicate,
        channels::sms::smsKeyword(sms.body) };
    const auto entry = std::find_if(
        m_accounts.cbegin(), m_accounts.cend(), [&accountId](const Entry &e) { return e.account.id == accountId; });
    if (!received.duplicate) {
        // Its pictures and files are fetched after the answer (SmsMediaFetcher); recorded now so none is lost.
        for (const channels::sms::TwilioMedia &media : sms.media) {
            storage::SqlQuery q(m_database,
                QStringLiteral("INSERT INTO sms_media (message_id, account, url, content_type) VALUES (?, ?, ?, ?)"));
            q.bind(received.messageId).bind(accountId).bind(media.url.toString()).bind(media.contentType).exec();
        }
        if (!sms.mediaListUri.isEmpty() && entry != m_accounts.cend()) {
            // A polled MMS names only its media list; the fetcher reads it, then the media it lists.
            storage::SqlQuery q(m_database,
                QStringLiteral("INSERT INTO sms_media (message_id, account, url, content_type) VALUES (?, ?, ?, ?)"));
            q.bind(received.messageId)
                .bind(accountId)
                .bind(entry->account.apiBase().resolved(QUrl(sms.mediaListUri)).toString())
                .bind(QString::fromLatin1(SmsMediaFetcher::MediaListType))
                .exec();
        }
    }
    const storage::SmsOptOutRepository optOuts(m_database);
    const QString ourNumber = entry != m_accounts.cend() ? entry->account.fromNumber : accountId;
    if (received.duplicate) {
        // Applied when it first came.
    } else if (received.keyword == SmsKeyword::OptOut) {
        optOuts.optOut({ accountId, sms.from, sms.body.trimmed(), m_now() });
        recordConsent(stored.conversationId, false, sms.body.trimmed(), ourNumber);
    } else if (received.keyword == SmsKeyword::OptIn) {
        optOuts.optIn(accountId, sms.from);
        recordConsent(stored.conversationId, true, sms.body.trimmed(), ourNumber);
    } else if (received.keyword == SmsKeyword::Help && entry != m_accounts.cend()
        && !entry->account.helpReply.trimmed().isEmpty() && !optOuts.find(accountId, sms.from)) {
        queueReply(stored.conversationId, accountId, entry->account.name, entry->account.helpReply.trimmed());
        received.replyQueued = true;
    }
    transaction.commit();
    return received;
}

void SmsGateway::recordConsent(qint64 conversationId, bool consent, const QString &keyword, const QString &fromNumber)
{
    const auto conversation = storage::ConversationRepository(m_database).find(conversationId);
    if (!conversation || !conversation->customerId) {
        return;
    }
    const storage::CustomerRepository customers(m_database);
    const auto customer = customers.find(conversation->customerId);
    if (!customer) {
        return;
    }
    if (customer->smsConsent != consent) {
        customers.setContactPreferences(customer->id, consent, customer->preferredChannel);
    }
    const QString detail = consent
        ? QStringLiteral("%1 texted \"%2\" to %3: opted back in to SMS, consent recorded")
              .arg(customer->name, keyword, fromNumber)
        : QStringLiteral("%1 texted \"%2\" to %3: opted out of SMS, consent withdrawn; no SMS is sent to them")
              .arg(customer->name, keyword, fromNumber);
    storage::AuditLogRepository(m_database)
        .record({ 0, m_now(), 0, {}, conversationId, QStringLiteral("customer_sms_consent"), detail });
}

void SmsGateway::queueReply(qint64 conversationId, const QString &accountId, const QString &author, const QString &text)
{
    storage::OutboxRepository(m_database)
        .queueText(conversationId, QStringLiteral("sms"), accountId, author, text, m_now());
}

qint64 SmsGateway::applyStatus(const channels::sms::TwilioStatusUpdate &update, const QString &accountId)
{
    storage::TransactionGuard transaction(m_database);
    storage::SqlQuery q(
        m_database, QStringLiteral("SELECT id, conversation_id, delivery FROM messages WHERE external_id = ?"));
    q.bind(externalIdFor(accountId, update.messageSid)).exec();
    if (!q.next()) {
        return 0;
    }
    const qint64 messageId = q.int64(0);
    const qint64 conversationId = q.int64(1);
    const Message::Delivery current = Message::deliveryFromKey(q.text(2));
    std::optional<Message::Delivery> next;
    QString error;
    if (update.status == QLatin1String("sent")) {
        next = Message::Delivery::Sent;
    } else if (update.status == QLatin1String("delivered") || update.status == QLatin1String("read")) {
        next = Message::Delivery::Delivered;
    } else if (update.status == QLatin1String("failed") || update.status == QLatin1String("undelivered")
        || update.status == QLatin1String("canceled")) {
        next = Message::Delivery::Failed;
        error = update.errorCode != 0 ? channels::sms::TwilioErrorCodes::explain(update.errorCode)
                                      : QStringLiteral("Twilio reports the message %1").arg(update.status);
    }
    if (!next || rank(*next) <= rank(current)) {
        return conversationId; // queued/sending, or a report that arrived late
    }
    storage::MessageRepository(m_database).setDelivery(messageId, *next, error);
    transaction.commit();
    return conversationId;
}

QString SmsGateway::externalIdFor(const QString &accountId, const QString &messageSid)
{
    return accountId + u'|' + messageSid;
}

} // namespace waybill::engine
