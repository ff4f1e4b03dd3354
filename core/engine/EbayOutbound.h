// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutboxLoop.h"
#include "channels/ChannelHealth.h"
#include "channels/TaskPtr.h"
#include "domain/EbayAccount.h"

#include <QList>
#include <QObject>

#include <functional>

namespace waybill::channels::marketplace {
class EbayTradingCall;
class EbayTradingClient;
} // namespace waybill::channels::marketplace
namespace waybill::commerce {
struct HttpJsonError;
}
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Delivers one eBay seller's queued replies (outbox rows whose account is this one) to the buyer through the
/// Trading API, one at a time. A reply answers the newest buyer message of its conversation (EbayMessageRepository):
/// a question not answered yet with AddMemberMessageRTQ (its MessageID as ParentMessageID), anything later with
/// AddMemberMessageAAQToPartner about the same listing. eBay accepting it marks the reply Sent (and the question
/// answered); eBay refusing it (Ack Failure with a RequestError: its words), a body eBay cannot take (empty, over 2,000
/// characters) or a conversation without an eBay message marks it Failed with the reason, never sent again; no answer,
/// a 5xx or eBay's SystemError, eBay's usage limit, a refused sign-in or a database error after the row was claimed
/// retries the row later with the e-mail outbox's delays, up to EmailOutbound::MaxAttempts. The client given should
/// not re-post by itself: eBay has no idempotency key, so a reply whose answer never came (or a row left "sending" by
/// a process that stopped mid-request) is posted again only by the outbox, minutes later. Lives on the engine thread
/// with the write connection; stop() (or destroying it) ends the work; the client must outlive it.
class EbayOutbound final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EbayOutbound)

public:
    using Clock = std::function<qint64()>;

    EbayOutbound(const storage::Database &database, channels::marketplace::EbayTradingClient &client,
        domain::EbayAccount account, Clock now, QObject *parent = nullptr);
    ~EbayOutbound() override;

    /// Starts looking for due replies now and every `pollMs`.
    void start(int pollMs = 5000);
    void stop();
    /// Looks for due replies now.
    void poke();
    /// Nothing is being sent and nothing is due.
    bool isIdle() const;
    channels::ChannelHealth health() const { return m_health; }

Q_SIGNALS:
    /// Conversations whose replies changed state (sent, retrying, failed).
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// A problem it is retrying by itself, or eBay refusing a reply; names the account.
    void problem(const QString &message);

private:
    void sendNext();
    void onSent(qint64 outboxId, qint64 messageId, qint64 conversationId, qint64 answeredMessageId);
    void onFailed(
        qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts, const commerce::HttpJsonError &error);
    /// Fails the reply for good, with `reason` for the agent.
    void refuse(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &reason);
    void failing(const QString &reason);

    const storage::Database &m_database;
    channels::marketplace::EbayTradingClient &m_client;
    domain::EbayAccount m_account;
    Clock m_now;
    channels::TaskPtr<channels::marketplace::EbayTradingCall> m_sending;
    OutboxLoop m_loop;
    channels::ChannelHealth m_health;
};

} // namespace waybill::engine
