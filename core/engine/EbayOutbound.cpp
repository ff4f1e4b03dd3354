// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayOutbound.h"

#include "OutboxOutcome.h"
#include "channels/marketplace/ebay/EbayTradingCall.h"
#include "channels/marketplace/ebay/EbayTradingClient.h"
#include "channels/marketplace/ebay/EbayTradingRequest.h"
#include "commerce/HttpJsonError.h"
#include "storage/ConversationRepository.h"
#include "storage/EbayMessageRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/StorageError.h"

#include <QLoggingCategory>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcEbayOutbound, "waybill.ebay.outbound")

using channels::marketplace::EbayTradingCall;
using channels::marketplace::EbayTradingRequest;

} // namespace

EbayOutbound::EbayOutbound(const storage::Database &database, channels::marketplace::EbayTradingClient &client,
    domain::EbayAccount account, Clock now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
    , m_account(std::move(account))
    , m_now(std::move(now))
    , m_loop(database, m_account.id, m_now, [this] { sendNext(); })
{
}

EbayOutbound::~EbayOutbound()
{
    stop();
}

void EbayOutbound::start(int pollMs)
{
    if (const QString problem = m_loop.start(pollMs); !problem.isEmpty()) {
        failing(problem);
    }
}

void EbayOutbound::stop()
{
    m_loop.stop();
    if (m_sending) {
        m_sending->abort(); // now, while the client it uses still exists
    }
    m_sending.reset();
}

void EbayOutbound::poke()
{
    m_loop.poke();
}

bool EbayOutbound::isIdle() const
{
    return !m_sending && !m_loop.hasDue();
}

void EbayOutbound::failing(const QString &reason)
{
    const QString message = QStringLiteral("%1: %2").arg(m_account.label(), reason);
    qCInfo(lcEbayOutbound) << message;
    m_health = { channels::ChannelHealth::State::Failing, message };
    Q_EMIT problem(message);
}

void EbayOutbound::sendNext()
{
    if (!m_loop.isRunning() || m_sending) {
        return;
    }
    std::optional<OutboxLoop::Claimed> claimed;
    try {
        claimed = m_loop.claimNext();
        if (!claimed) {
            return;
        }
        const storage::OutboxItem &item = claimed->item;
        const domain::Message *message = &claimed->message;
        const qint64 conversationId = message->conversationId;
        const auto buyerMessage
            = storage::EbayMessageRepository(m_database).newestInConversation(conversationId, m_account.id);
        if (!buyerMessage || buyerMessage->itemId.isEmpty()) {
            refuse(item.id, item.messageId, conversationId,
                tr("There is no eBay message from the buyer in this conversation to answer through %1.")
                    .arg(m_account.label()));
            return;
        }
        if (const QString problem = EbayTradingRequest::bodyProblem(message->bodyText); !problem.isEmpty()) {
            refuse(item.id, item.messageId, conversationId, problem);
            return;
        }
        // A question is answered once (RTQ); later replies go to the buyer as the listing's trading partner.
        const bool answer = !buyerMessage->answered && !buyerMessage->ebayMessageId.isEmpty();
        QString callName;
        QByteArray body;
        if (answer) {
            callName = QStringLiteral("AddMemberMessageRTQ");
            body = EbayTradingRequest::addMemberMessageRtq(
                buyerMessage->itemId, buyerMessage->ebayMessageId, buyerMessage->senderId, message->bodyText);
        } else {
            const auto conversation = storage::ConversationRepository(m_database).find(conversationId);
            const QString subject = conversation && !conversation->subject.isEmpty()
                ? conversation->subject
                : tr("About %1").arg(buyerMessage->itemTitle);
            callName = QStringLiteral("AddMemberMessageAAQToPartner");
            body = EbayTradingRequest::addMemberMessageAaqToPartner(
                buyerMessage->itemId, buyerMessage->senderId, subject, message->bodyText);
        }
        const qint64 outboxId = item.id;
        const qint64 messageId = item.messageId;
        const qint64 answered = answer ? buyerMessage->messageId : 0;
        const int attempts = item.attempts + 1;
        std::unique_ptr<EbayTradingCall> call = m_client.call(callName, body);
        connect(call.get(), &EbayTradingCall::finished, this,
            [=, this] { onSent(outboxId, messageId, conversationId, answered); });
        connect(call.get(), &EbayTradingCall::failed, this, [=, this](const commerce::HttpJsonError &error) {
            onFailed(outboxId, messageId, conversationId, attempts, error);
        });
        m_sending.reset(call.release());
        m_sending->start();
    } catch (const storage::StorageError &error) {
        failing(error.userMessage());
        if (claimed && !m_sending) {
            // Not left "sending" with nothing sending it: tried again later.
            try {
                const storage::OutboxItem &item = claimed->item;
                OutboxOutcome(m_database)
                    .retryOrFail(item.id, item.messageId, item.attempts + 1, error.userMessage(), m_now());
            } catch (const storage::StorageError &) {
                // The database refuses even that: the row is recovered at the next start.
            }
        }
    }
}

void EbayOutbound::onSent(qint64 outboxId, qint64 messageId, qint64 conversationId, qint64 answeredMessageId)
{
    m_sending.reset(); // deleted later: this runs inside the call's own signal
    m_health = {}; // eBay took it
    try {
        OutboxOutcome(m_database).sent(outboxId, messageId);
        if (answeredMessageId != 0) {
            storage::EbayMessageRepository(m_database).markAnswered(answeredMessageId);
        }
    } catch (const storage::StorageError &error) {
        failing(error.userMessage());
    }
    Q_EMIT conversationsChanged({ conversationId });
    poke();
}

void EbayOutbound::onFailed(
    qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts, const commerce::HttpJsonError &error)
{
    m_sending.reset();
    if (error.kind == commerce::HttpJsonError::Kind::Http) {
        // eBay answered Failure about this reply (its words are in the message): sending it again changes nothing.
        refuse(outboxId, messageId, conversationId, tr("eBay refused the reply: %1").arg(error.message));
        return;
    }
    try {
        OutboxOutcome(m_database).retryOrFail(outboxId, messageId, attempts, error.message, m_now());
    } catch (const storage::StorageError &storageError) {
        failing(storageError.userMessage());
    }
    failing(error.message);
    Q_EMIT conversationsChanged({ conversationId });
}

void EbayOutbound::refuse(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &reason)
{
    try {
        OutboxOutcome(m_database).failed(outboxId, messageId, reason);
    } catch (const storage::StorageError &error) {
        failing(error.userMessage());
    }
    Q_EMIT conversationsChanged({ conversationId });
    poke();
}

} // namespace waybill::engine
