// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OutboxLoop.h"
#include "channels/Channel.h"
#include "commerce/HttpJsonClient.h"
#include "domain/TwilioAccount.h"

#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace waybill::commerce {
class HttpJsonTask;
struct HttpJsonError;
struct HttpJsonResponse;
} // namespace waybill::commerce
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Delivers one Twilio number's queued SMS replies from the outbox through Twilio's Messages API (POST
/// /2010-04-01/Accounts/{Sid}/Messages.json, form-encoded, Basic auth with the account SID and auth token), one at
/// a time. The recipient is the conversation customer's phone identity (E.164). A number that texted STOP is never
/// sent to: the row fails with the reason before any request. 429 and 5xx answers are retried by the HTTP task;
/// when they persist (or the network is down) the row is tried again later with growing delays. Twilio's refusals
/// (4xx with its error code) fail the reply with the code explained (TwilioErrorCodes). A reply Twilio accepted
/// keeps Twilio's MessageSid as its external id, so that status reports (SmsGateway::applyStatus) find it.
/// Twilio offers no idempotency key, so a row left "sending" by a process that stopped mid-request is sent again.
/// Lives on the engine thread with the write connection; stop() (or destroying it) ends the work. As a
/// channels::Channel: plain text up to 1,600 characters (Twilio's limit, ten concatenated segments), links, no
/// attachments from agents yet, no typing or read state; failing while Twilio refuses the credentials or cannot be
/// reached, with the reason naming the number and account SID.
class SmsOutbound final : public QObject, public channels::Channel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmsOutbound)

public:
    SmsOutbound(const storage::Database &database, QNetworkAccessManager &network, domain::TwilioAccount account,
        const QString &authToken, std::function<qint64()> now, QObject *parent = nullptr);
    ~SmsOutbound() override;

    /// Starts looking for due replies now and every `pollMs`.
    void start(int pollMs = 5000);
    void stop();
    /// Looks for due replies now.
    void poke() override;
    /// Nothing is being sent and nothing is due.
    bool isIdle() const override;
    QString accountId() const override { return m_account.id; }
    channels::ChannelCapabilities capabilities() const override;
    channels::ChannelHealth health() const override { return m_health; }
    /// Twilio refuses bodies longer than this.
    static constexpr int MaxBodyLength = 1600;
    /// The client's retry policy (tests shorten the back-off).
    commerce::HttpJsonClient &client() { return m_client; }
    /// The client configuration for an account: Basic auth, Twilio's base URL.
    static commerce::HttpJsonClient::Config clientConfig(
        const domain::TwilioAccount &account, const QString &authToken);

Q_SIGNALS:
    /// Conversations whose replies changed state (sent, retrying, failed).
    void conversationsChanged(const QList<qint64> &conversationIds);
    /// The account cannot send (its credentials were refused); the message names the account.
    void failed(const QString &message);
    /// A problem it is retrying by itself (Twilio unreachable, overloaded).
    void problem(const QString &message);

private:
    void sendNext();
    void onAccepted(
        qint64 outboxId, qint64 messageId, qint64 conversationId, const commerce::HttpJsonResponse &response);
    void onFailed(
        qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts, const commerce::HttpJsonError &error);
    /// Fails the reply for good, with `reason` for the agent.
    void refuse(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &reason);

    const storage::Database &m_database;
    domain::TwilioAccount m_account;
    commerce::HttpJsonClient m_client;
    std::function<qint64()> m_now;
    std::unique_ptr<commerce::HttpJsonTask> m_sending;
    OutboxLoop m_loop;
    channels::ChannelHealth m_health;
};

} // namespace waybill::engine
