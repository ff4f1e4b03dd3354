// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutboxLoop.h"
#include "channels/Channel.h"
#include "channels/TaskPtr.h"
#include "commerce/HttpJsonClient.h"
#include "commerce/HttpJsonError.h"
#include "domain/AmazonAccount.h"

#include <QList>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace waybill::channels::marketplace {
class AmazonMessagingClient;
class SpApiOrderActionTask;
} // namespace waybill::channels::marketplace
namespace waybill::security {
class OAuthTokenSource;
}
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Delivers one Amazon account's queued messages (outbox rows of channel "amazon" whose account is this one: the
/// rules' messages, RuleExecutor, and the agents' "Message through Amazon…", ConversationActions::messageOnAmazon)
/// to the buyer through the Selling Partner API Messaging, one at a time, each as the message type its row carries
/// (OutboxItem::messageType; a row without one is sent as DefaultMessageType, the rules' unexpectedProblem). The
/// Amazon order id is the external id of the order the message's conversation is about. AmazonMessagingClient asks
/// Amazon for the message types it allows for the order first and posts only when the row's type is among them,
/// never guessing:
/// - accepted (201): the message is Sent;
/// - not listed, refused (401/403 after a fresh token) or rejected (another 4xx), or a type or text Amazon cannot
///   take as text (not a text type, empty, too long for the type), or no Amazon order for the conversation: the
///   message is Failed with the reason (the types Amazon listed, or its error) and never sent again;
/// - no answer, a 5xx or a 429 left after the client's retries, no access token from Login with Amazon, or an answer
///   that is not what the API documents: the row is tried again later with the same growing delays as e-mail, up to
///   EmailOutbound::MaxAttempts, then Failed.
/// Amazon offers no idempotency key, so a row left "sending" by a process that stopped mid-request is sent again.
/// listMessageTypes() asks, for an agent about to write, which types Amazon allows for an order now.
/// Lives on the engine thread with the write connection; owned by the engine (one per Amazon account); stop() (or
/// destroying it) ends the work, lookups included. As a channels::Channel: plain text up to the model's 2,000
/// characters, no links (Amazon's policy), no attachments, no typing or read state; failing, with the reason naming
/// the account, while Amazon cannot be reached, refuses the account's access or a request.
class AmazonOutbound final : public QObject, public channels::Channel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AmazonOutbound)

public:
    using Clock = std::function<qint64()>;

    /// The Messaging API type of a row that names none (the rules' messages, rows queued before types were kept).
    static constexpr const char *DefaultMessageType = "unexpectedProblem";

    /// `tokens` reads the LWA refresh token under the account id; `network` must outlive this object.
    AmazonOutbound(const storage::Database &database, QNetworkAccessManager &network,
        const commerce::HttpJsonClient::Config &config, std::unique_ptr<security::OAuthTokenSource> tokens,
        domain::AmazonAccount account, Clock now, QObject *parent = nullptr);
    ~AmazonOutbound() override;

    /// Starts looking for due messages now and every `pollMs`.
    void start(int pollMs = 5000);
    void stop();
    void poke() override;
    bool isIdle() const override;
    QString accountId() const override { return m_account.id; }
    channels::ChannelCapabilities capabilities() const override;
    channels::ChannelHealth health() const override { return m_health; }

    /// Asks Amazon which message types it allows for the order now (getMessagingActionsForOrder); ends with exactly
    /// one messageTypesListed() for `conversationId`, unless a newer lookup for the same conversation replaces it or
    /// stop() ends it first.
    void listMessageTypes(qint64 conversationId, const QString &amazonOrderId);

Q_SIGNALS:
    /// Conversations whose messages changed state (sent, retrying, failed).
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// A problem it is retrying by itself, or Amazon refusing the account or a message; names the account.
    void problem(const QString &message);
    /// The answer to listMessageTypes(): the types Amazon listed in its order, or `problem` (for people, naming the
    /// account) when Amazon could not be asked or refused.
    void messageTypesListed(qint64 conversationId, const QStringList &types, const QString &problem);

private:
    void sendNext();
    void onFinished(qint64 outboxId, qint64 messageId, qint64 conversationId, bool done, const QString &reason);
    void onFailed(
        qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts, const commerce::HttpJsonError &error);
    /// Fails the message for good, with `reason` for the agent.
    void refuse(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &reason);
    /// The account is failing with `reason` (prefixed with the account's label), announced through problem().
    void failing(const QString &reason);

    const storage::Database &m_database;
    std::unique_ptr<security::OAuthTokenSource> m_tokens;
    std::unique_ptr<channels::marketplace::AmazonMessagingClient> m_client;
    domain::AmazonAccount m_account;
    Clock m_now;
    channels::TaskPtr<channels::marketplace::SpApiOrderActionTask> m_sending;
    /// Lookups of listMessageTypes(), by conversation.
    std::map<qint64, channels::TaskPtr<channels::marketplace::SpApiOrderActionTask>> m_listing;
    OutboxLoop m_loop;
    channels::ChannelHealth m_health;
};

} // namespace waybill::engine
