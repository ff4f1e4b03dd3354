// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayInbound.h"

#include "Ingest.h"
#include "channels/email/Threader.h"
#include "channels/marketplace/ebay/EbayMemberMessagesParser.h"
#include "channels/marketplace/ebay/EbayTradingCall.h"
#include "channels/marketplace/ebay/EbayTradingClient.h"
#include "channels/marketplace/ebay/EbayTradingRequest.h"
#include "channels/marketplace/ebay/EbayTradingResponse.h"
#include "commerce/HttpJsonError.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/EbayMessageRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/SyncStateRepository.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimeZone>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcEbayInbound, "waybill.ebay.inbound")

using channels::marketplace::EbayMemberMessage;

const QString CursorKey = QStringLiteral("ebay_messages_until");
const QString CallName = QStringLiteral("GetMemberMessages");

/// The id that keeps one buyer's messages about one listing in one conversation.
QString threadKey(const QString &accountId, const EbayMemberMessage &message)
{
    return QStringLiteral("%1|item:%2|buyer:%3").arg(accountId, message.itemId, message.senderId.toLower());
}

domain::IncomingMessage toIncoming(const EbayMemberMessage &ebay, const QString &accountId)
{
    domain::IncomingMessage message;
    message.account = accountId;
    message.externalId = QStringLiteral("%1|%2").arg(accountId, ebay.messageId); // unique across accounts
    message.channel = domain::Channel::Ebay;
    message.messageId = QStringLiteral("%1|message:%2").arg(accountId, ebay.messageId);
    message.inReplyTo = threadKey(accountId, ebay);
    message.fromAddress = ebay.senderId.toLower(); // no '@': the customer's "ebay" identity
    message.fromName = ebay.senderId;
    message.subject = ebay.subject.isEmpty()
        ? QCoreApplication::translate("EbayInbound", "eBay message about %1").arg(ebay.itemTitle)
        : ebay.subject;
    message.sentAt = ebay.createdAt;
    message.bodyText = ebay.body;
    return message;
}

} // namespace

EbayInbound::EbayInbound(const storage::Database &database, Ingest &ingest,
    channels::marketplace::EbayTradingClient &client, domain::EbayAccount account, Clock now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ingest(ingest)
    , m_client(client)
    , m_account(std::move(account))
    , m_now(std::move(now))
{
    connect(&m_timer, &QTimer::timeout, this, &EbayInbound::pass);
}

EbayInbound::~EbayInbound()
{
    stop();
}

void EbayInbound::start(int pollMs)
{
    m_timer.start(pollMs);
    QTimer::singleShot(0, this, &EbayInbound::pass);
}

void EbayInbound::stop()
{
    m_timer.stop();
    if (m_call) {
        m_call->abort(); // now, while the client it uses still exists
    }
    m_call.reset();
}

void EbayInbound::pass()
{
    if (m_call) {
        return; // the last pass is still reading
    }
    m_changed.clear();
    m_received = 0;
    m_skipped.clear();
    m_passEnd = QDateTime::fromSecsSinceEpoch(m_now(), QTimeZone::utc());
    QString since;
    try {
        since = storage::SyncStateRepository(m_database).value(m_account.id, CursorKey, m_account.syncSince);
    } catch (const storage::StorageError &error) {
        endPass(error.userMessage());
        return;
    }
    m_windowStart = QDateTime::fromString(since, Qt::ISODate).toUTC();
    if (!m_windowStart.isValid() || m_windowStart > m_passEnd) {
        m_windowStart = m_passEnd.addSecs(-WindowSeconds);
    }
    m_windowEnd = std::min(m_windowStart.addSecs(WindowSeconds), m_passEnd);
    m_page = 1;
    requestPage();
}

void EbayInbound::requestPage()
{
    const QByteArray body
        = channels::marketplace::EbayTradingRequest::getMemberMessages(m_windowStart, m_windowEnd, m_page);
    std::unique_ptr<channels::marketplace::EbayTradingCall> call = m_client.call(CallName, body);
    connect(call.get(), &channels::marketplace::EbayTradingCall::finished, this, &EbayInbound::onPage);
    connect(call.get(), &channels::marketplace::EbayTradingCall::failed, this, &EbayInbound::onFailed);
    m_call.reset(call.release());
    m_call->start();
}

void EbayInbound::onPage(const channels::marketplace::EbayTradingResponse &response)
{
    m_call.reset(); // deleted later: this runs inside the call's own signal
    QString problem;
    const auto page = channels::marketplace::EbayMemberMessagesParser::parse(response, &problem);
    if (!page) {
        endPass(QStringLiteral("%1: %2").arg(m_account.label(), problem));
        return;
    }
    try {
        m_skipped += page->skipped; // exchanges eBay sent without what identifies them: said, not dropped silently
        for (const EbayMemberMessage &message : page->messages) {
            if (const qint64 conversationId = store(message)) {
                ++m_received;
                if (!m_changed.contains(conversationId)) {
                    m_changed.append(conversationId);
                }
            }
        }
    } catch (const storage::StorageError &error) {
        endPass(QStringLiteral("%1: %2").arg(m_account.label(), error.userMessage()));
        return;
    }
    if (page->hasMore || m_page < page->totalPages) {
        ++m_page;
        requestPage();
        return;
    }
    // All of this window is stored: the next pass starts near its end, by eBay's clock when this computer's is ahead
    // of it (a message eBay dates before our window's end may not exist yet); a larger gap than a clock's is not a
    // skew (an answer replayed from long ago), and our clock stands.
    QDateTime readUpTo = m_windowEnd;
    if (const QDateTime ebayNow = response.timestamp();
        ebayNow.isValid() && ebayNow < readUpTo && ebayNow.secsTo(readUpTo) < MaxClockSkewSeconds) {
        readUpTo = ebayNow;
    }
    try {
        storage::SyncStateRepository(m_database)
            .setValue(m_account.id, CursorKey, readUpTo.addSecs(-OverlapSeconds).toString(Qt::ISODate));
    } catch (const storage::StorageError &error) {
        endPass(QStringLiteral("%1: %2").arg(m_account.label(), error.userMessage()));
        return;
    }
    if (m_windowEnd < m_passEnd) {
        m_windowStart = m_windowEnd;
        m_windowEnd = std::min(m_windowStart.addSecs(WindowSeconds), m_passEnd);
        m_page = 1;
        requestPage();
        return;
    }
    endPass(m_skipped.isEmpty() ? QString()
                                : QStringLiteral("%1: eBay sent %2 message(s) that could not be stored: %3")
                                      .arg(m_account.label())
                                      .arg(m_skipped.size())
                                      .arg(m_skipped.join(QStringLiteral("; "))));
}

void EbayInbound::onFailed(const commerce::HttpJsonError &error)
{
    m_call.reset();
    endPass(QStringLiteral("%1: %2").arg(m_account.label(), error.message));
}

qint64 EbayInbound::store(const EbayMemberMessage &message)
{
    storage::TransactionGuard transaction(m_database);
    const storage::CustomerRepository customers(m_database);
    const QString buyer = message.senderId.toLower();
    const QString email = message.senderEmail.trimmed().toLower();
    // A buyer known by the e-mail address eBay shows (an order imported with it) is the same customer.
    if (!email.isEmpty() && !customers.findByIdentity(QStringLiteral("ebay"), buyer)) {
        if (const auto owner = customers.findByIdentity(QStringLiteral("email"), email)) {
            customers.addIdentity(owner->customerId, QStringLiteral("ebay"), buyer);
        }
    }
    const Ingest::Result stored = m_ingest.ingest(toIncoming(message, m_account.id));
    if (stored.outcome != Ingest::Outcome::Stored) {
        // Read before: only eBay's word that it was answered (on eBay's site, say) is new.
        if (message.status == QLatin1String("Answered")) {
            storage::EbayMessageRepository(m_database).markAnswered(m_account.id, message.messageId);
            transaction.commit();
        }
        return 0;
    }
    linkListingOrder(stored.conversationId, message.itemId);
    const domain::IncomingMessage incoming = toIncoming(message, m_account.id);
    channels::email::Threader(m_database).rememberSent(incoming.inReplyTo, stored.conversationId, stored.messageId);
    storage::EbayMessageRepository(m_database)
        .record({ stored.messageId, m_account.id, message.messageId, message.itemId, message.itemTitle,
            message.senderId, message.messageType, message.status == QLatin1String("Answered") });
    if (!email.isEmpty()) {
        if (const auto owner = customers.findByIdentity(QStringLiteral("ebay"), buyer);
            owner && !customers.findByIdentity(QStringLiteral("email"), email)) {
            customers.addIdentity(owner->customerId, QStringLiteral("email"), email);
        }
    }
    transaction.commit();
    return stored.conversationId;
}

void EbayInbound::linkListingOrder(qint64 conversationId, const QString &itemId)
{
    const storage::ConversationRepository conversations(m_database);
    const auto conversation = conversations.find(conversationId);
    if (!conversation || !conversation->customerId || itemId.isEmpty()) {
        return;
    }
    // The buyer's newest eBay order with a line from this listing (the eBay orders report names both).
    storage::SqlQuery q(m_database,
        QStringLiteral("SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.source = 'ebay' "
                       "AND o.customer_id = ? AND l.external_id = ? ORDER BY o.placed_at DESC, o.id DESC LIMIT 1"));
    q.bind(conversation->customerId).bind(itemId).exec();
    if (!q.next() || q.int64(0) == conversation->orderId) {
        return;
    }
    conversations.setOrder(conversationId, q.int64(0),
        QCoreApplication::translate("EbayInbound", "the buyer's order of the eBay listing %1").arg(itemId),
        conversation->version);
    conversations.refreshOrderSnapshot(conversationId, m_now());
}

void EbayInbound::endPass(const QString &problemMessage)
{
    ++m_passes;
    if (!problemMessage.isEmpty()) {
        qCInfo(lcEbayInbound) << problemMessage;
        Q_EMIT problem(problemMessage);
    }
    if (!m_changed.isEmpty()) {
        Q_EMIT conversationsChanged(m_changed);
    }
    Q_EMIT passEnded(m_received, problemMessage.isEmpty());
}

} // namespace waybill::engine
