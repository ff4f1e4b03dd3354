// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonOutbound.h"

#include "OutboxOutcome.h"
#include "channels/marketplace/AmazonMessagingClient.h"
#include "channels/marketplace/SpApiOrderActionTask.h"
#include "domain/Message.h"
#include "security/OAuthTokenSource.h"
#include "storage/OrderRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/StorageError.h"

#include <QLoggingCategory>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcAmazonOutbound, "waybill.amazon.messaging")

using channels::marketplace::AmazonMessagingClient;
using channels::marketplace::SpApiOrderActionTask;

QString defaultMessageType()
{
    return QString::fromLatin1(AmazonOutbound::DefaultMessageType);
}

} // namespace

AmazonOutbound::AmazonOutbound(const storage::Database &database, QNetworkAccessManager &network,
    const commerce::HttpJsonClient::Config &config, std::unique_ptr<security::OAuthTokenSource> tokens,
    domain::AmazonAccount account, Clock now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_tokens(std::move(tokens))
    , m_account(std::move(account))
    , m_now(std::move(now))
    , m_loop(database, m_account.id, m_now, [this] { sendNext(); })
{
    m_client = std::make_unique<AmazonMessagingClient>(network, config, *m_tokens, m_account.marketplaceIds.value(0));
}

AmazonOutbound::~AmazonOutbound()
{
    stop();
}

channels::ChannelCapabilities AmazonOutbound::capabilities() const
{
    channels::ChannelCapabilities capabilities;
    capabilities.maxLength = int(AmazonMessagingClient::maxTextLength(defaultMessageType()));
    capabilities.links = false; // AmazonMessagePolicy holds back messages with links
    return capabilities;
}

void AmazonOutbound::start(int pollMs)
{
    if (const QString problem = m_loop.start(pollMs); !problem.isEmpty()) {
        failing(problem);
    }
}

void AmazonOutbound::stop()
{
    m_loop.stop();
    for (auto &[conversationId, lookup] : m_listing) {
        lookup->abort();
    }
    m_listing.clear();
    if (m_sending) {
        m_sending->abort(); // now, while the client and the token source it uses still exist
    }
    m_sending.reset();
}

void AmazonOutbound::listMessageTypes(qint64 conversationId, const QString &amazonOrderId)
{
    std::unique_ptr<SpApiOrderActionTask> task = m_client->actions(amazonOrderId);
    const auto ended = [this, conversationId](const QStringList &types, const QString &problem) {
        const auto found = m_listing.find(conversationId);
        if (found != m_listing.end()) {
            m_listing.erase(found); // deleted later: this runs inside the task's own signal
        }
        Q_EMIT messageTypesListed(conversationId, types, problem);
    };
    SpApiOrderActionTask *started = task.get();
    connect(started, &SpApiOrderActionTask::finished, this,
        [ended, started](SpApiOrderActionTask::Outcome, const QString &) { ended(started->offered(), QString()); });
    connect(started, &SpApiOrderActionTask::failed, this, [this, ended](const commerce::HttpJsonError &error) {
        ended({}, QStringLiteral("%1: %2").arg(m_account.label(), error.message));
    });
    if (const auto previous = m_listing.find(conversationId); previous != m_listing.end()) {
        previous->second->abort(); // the agent asked again: only the newest answer counts
    }
    m_listing[conversationId].reset(task.release());
    started->start();
}

void AmazonOutbound::poke()
{
    m_loop.poke();
}

bool AmazonOutbound::isIdle() const
{
    return !m_sending && !m_loop.hasDue();
}

void AmazonOutbound::failing(const QString &reason)
{
    const QString message = QStringLiteral("%1: %2").arg(m_account.label(), reason);
    qCInfo(lcAmazonOutbound) << message;
    m_health = { channels::ChannelHealth::State::Failing, message };
    Q_EMIT problem(message);
}

void AmazonOutbound::sendNext()
{
    if (!m_loop.isRunning() || m_sending) {
        return;
    }
    try {
        const std::optional<OutboxLoop::Claimed> claimed = m_loop.claimNext();
        if (!claimed) {
            return;
        }
        const storage::OutboxItem &item = claimed->item;
        const domain::Message *message = &claimed->message;
        // The order the conversation is about, when it is one of this account's.
        const auto order
            = storage::OrderRepository(m_database).linkedStoreOrder(message->conversationId, QStringLiteral("amazon"));
        const QString amazonOrderId = order && order->account == m_account.id ? order->externalId : QString();
        if (amazonOrderId.isEmpty()) {
            refuse(item.id, item.messageId, message->conversationId,
                QStringLiteral("The conversation is not about an order of %1; Amazon's Messaging API writes only "
                               "about an order.")
                    .arg(m_account.label()));
            return;
        }
        const QString type = item.messageType.isEmpty() ? defaultMessageType() : item.messageType;
        QString problem;
        std::unique_ptr<SpApiOrderActionTask> task = m_client->send(amazonOrderId, type, message->bodyText, &problem);
        if (!task) {
            refuse(item.id, item.messageId, message->conversationId, problem);
            return;
        }
        const qint64 outboxId = item.id;
        const qint64 messageId = item.messageId;
        const qint64 conversationId = message->conversationId;
        const int attempts = item.attempts + 1;
        connect(task.get(), &SpApiOrderActionTask::finished, this,
            [=, this](SpApiOrderActionTask::Outcome outcome, const QString &reason) {
                onFinished(outboxId, messageId, conversationId, outcome == SpApiOrderActionTask::Outcome::Done, reason);
            });
        connect(task.get(), &SpApiOrderActionTask::failed, this, [=, this](const commerce::HttpJsonError &error) {
            onFailed(outboxId, messageId, conversationId, attempts, error);
        });
        m_sending.reset(task.release());
        m_sending->start();
    } catch (const storage::StorageError &error) {
        failing(error.userMessage());
    }
}

void AmazonOutbound::onFinished(
    qint64 outboxId, qint64 messageId, qint64 conversationId, bool done, const QString &reason)
{
    m_sending.reset(); // deleted later: this runs inside the task's own signal
    m_health = {}; // Amazon answered for the account
    if (!done) {
        refuse(outboxId, messageId, conversationId, reason); // Amazon did not list the row's type for the order
        return;
    }
    try {
        OutboxOutcome(m_database).sent(outboxId, messageId);
    } catch (const storage::StorageError &error) {
        failing(error.userMessage());
    }
    Q_EMIT conversationsChanged({ conversationId });
    poke();
}

void AmazonOutbound::onFailed(
    qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts, const commerce::HttpJsonError &error)
{
    m_sending.reset();
    using Kind = commerce::HttpJsonError::Kind;
    // A refusal with an HTTP status is Amazon's answer about this message; without one, Login with Amazon gave no
    // access token (unreachable, or the grant refused), which is the account's problem, tried again later.
    const bool amazonRefused = (error.kind == Kind::Refused && error.httpStatus != 0) || error.kind == Kind::Http;
    if (amazonRefused) {
        failing(error.message);
        refuse(
            outboxId, messageId, conversationId, QStringLiteral("Amazon refused the message: %1").arg(error.message));
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

void AmazonOutbound::refuse(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &reason)
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
