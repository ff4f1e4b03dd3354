// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmsOutbound.h"

#include "EmailOutbound.h"
#include "OutboxOutcome.h"
#include "SmsGateway.h"
#include "channels/sms/TwilioErrorCodes.h"
#include "commerce/HttpJsonTask.h"
#include "domain/Message.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/SmsOptOutRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace waybill::engine {

namespace {

using domain::Message;

/// The customer's number for a conversation: their phone identity, oldest first.
QString recipientOf(const storage::Database &database, qint64 conversationId)
{
    storage::SqlQuery q(database,
        QStringLiteral("SELECT i.value FROM conversations c JOIN identities i ON i.customer_id = c.customer_id "
                       "AND i.kind = 'phone' WHERE c.id = ? ORDER BY i.id LIMIT 1"));
    q.bind(conversationId).exec();
    return q.next() ? q.text(0) : QString();
}

/// Twilio's error code in an API error body ({"code": 21211, "message": …}), 0 when there is none.
int twilioCode(const QString &message)
{
    static const QRegularExpression code(QStringLiteral("\"code\"\\s*:\\s*(\\d{5})"));
    const QRegularExpressionMatch match = code.match(message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

SmsOutbound::SmsOutbound(const storage::Database &database, QNetworkAccessManager &network,
    domain::TwilioAccount account, const QString &authToken, std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_account(std::move(account))
    , m_client(network, clientConfig(m_account, authToken))
    , m_now(std::move(now))
    , m_loop(database, m_account.id, m_now, [this] { sendNext(); })
{
    auto failing = [this](const QString &reason) { m_health = { channels::ChannelHealth::State::Failing, reason }; };
    connect(this, &SmsOutbound::failed, this, failing);
    connect(this, &SmsOutbound::problem, this, failing);
}

channels::ChannelCapabilities SmsOutbound::capabilities() const
{
    channels::ChannelCapabilities capabilities;
    capabilities.maxLength = MaxBodyLength;
    return capabilities;
}

SmsOutbound::~SmsOutbound()
{
    stop();
}

commerce::HttpJsonClient::Config SmsOutbound::clientConfig(
    const domain::TwilioAccount &account, const QString &authToken)
{
    commerce::HttpJsonClient::Config config;
    config.baseUrl = account.apiBase();
    config.serviceName = QStringLiteral("Twilio");
    const QByteArray credentials = account.accountSid.toUtf8() + ':' + authToken.toUtf8();
    QByteArray authorization = "Basic ";
    authorization += credentials.toBase64();
    config.headers.append({ QByteArrayLiteral("Authorization"), authorization });
    return config;
}

void SmsOutbound::start(int pollMs)
{
    // A request cut short by a stop may or may not have reached Twilio, which has no idempotency key: send again
    // rather than leave the reply stuck.
    if (const QString problem = m_loop.start(pollMs); !problem.isEmpty()) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + problem);
    }
}

void SmsOutbound::stop()
{
    m_loop.stop();
    m_sending.reset();
}

void SmsOutbound::poke()
{
    m_loop.poke();
}

bool SmsOutbound::isIdle() const
{
    return !m_sending && !m_loop.hasDue();
}

void SmsOutbound::sendNext()
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
        const QString to = recipientOf(m_database, message->conversationId);
        if (to.isEmpty()) {
            refuse(item.id, item.messageId, message->conversationId,
                QStringLiteral("The customer has no phone number to send the SMS to."));
            return;
        }
        if (const auto optOut = storage::SmsOptOutRepository(m_database).find(m_account.id, to)) {
            refuse(item.id, item.messageId, message->conversationId,
                QStringLiteral("%1 texted \"%2\" on %3 and has opted out of SMS from %4; not sent.")
                    .arg(to, optOut->keyword, QDateTime::fromSecsSinceEpoch(optOut->optedOutAt).toString(Qt::ISODate),
                        m_account.fromNumber));
            return;
        }
        const QByteArray form = "To=" + QUrl::toPercentEncoding(to) + "&From="
            + QUrl::toPercentEncoding(m_account.fromNumber) + "&Body=" + QUrl::toPercentEncoding(message->bodyText);
        m_sending = m_client.postForm(
            QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_account.accountSid), form);
        const qint64 outboxId = item.id;
        const qint64 messageId = item.messageId;
        const qint64 conversationId = message->conversationId;
        const int attempts = item.attempts + 1;
        connect(m_sending.get(), &commerce::HttpJsonTask::finished, this,
            [=, this](const commerce::HttpJsonResponse &response) {
                onAccepted(outboxId, messageId, conversationId, response);
            });
        connect(
            m_sending.get(), &commerce::HttpJsonTask::failed, this, [=, this](const commerce::HttpJsonError &error) {
                onFailed(outboxId, messageId, conversationId, attempts, error);
            });
        connect(m_sending.get(), &commerce::HttpJsonTask::retrying, this,
            [this](const QString &reason, int) { Q_EMIT problem(m_account.name + QStringLiteral(": ") + reason); });
        m_sending->start();
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void SmsOutbound::onAccepted(
    qint64 outboxId, qint64 messageId, qint64 conversationId, const commerce::HttpJsonResponse &response)
{
    m_sending.release()->deleteLater();
    m_health = {};
    const QJsonObject json = response.json.object();
    const QString sid = json.value(QStringLiteral("sid")).toString();
    const QString status = json.value(QStringLiteral("status")).toString();
    try {
        storage::TransactionGuard transaction(m_database);
        storage::OutboxRepository(m_database).markDone(outboxId);
        storage::SqlQuery q(m_database, QStringLiteral("UPDATE messages SET external_id = ? WHERE id = ?"));
        q.bind(sid.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                             : QVariant(SmsGateway::externalIdFor(m_account.id, sid)))
            .bind(messageId)
            .exec();
        if (status == QLatin1String("failed") || status == QLatin1String("undelivered")) {
            const int code = json.value(QStringLiteral("error_code")).toInt();
            storage::MessageRepository(m_database)
                .setDelivery(messageId, Message::Delivery::Failed,
                    code != 0 ? channels::sms::TwilioErrorCodes::explain(code)
                              : QStringLiteral("Twilio reports the message %1").arg(status));
        } else {
            // Handed to Twilio (queued); status reports take it on to delivered or failed.
            storage::MessageRepository(m_database).setDelivery(messageId, Message::Delivery::Sent, QString());
        }
        transaction.commit();
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
    Q_EMIT conversationsChanged({ conversationId });
    poke();
}

void SmsOutbound::onFailed(
    qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts, const commerce::HttpJsonError &error)
{
    m_sending.release()->deleteLater();
    using Kind = commerce::HttpJsonError::Kind;
    if (error.kind == Kind::Refused) {
        const QString why = QStringLiteral("Twilio %1 (%2) refused the account SID and auth token; add the account "
                                           "again with the right ones (waybillctl account add twilio)")
                                .arg(m_account.fromNumber, m_account.accountSid);
        Q_EMIT failed(why);
        try {
            storage::OutboxRepository(m_database)
                .retryLater(outboxId, m_now() + EmailOutbound::retryDelaySeconds(attempts), why);
        } catch (const storage::StorageError &) {
        }
        return;
    }
    if (error.kind == Kind::Http || error.kind == Kind::Malformed || error.kind == Kind::Tls) {
        const int code = twilioCode(error.message);
        refuse(outboxId, messageId, conversationId,
            code != 0 ? channels::sms::TwilioErrorCodes::explain(code) : error.message);
        return;
    }
    // Unreachable, overloaded, rate limited: tried again later, up to the same limit as e-mail.
    try {
        OutboxOutcome(m_database).retryOrFail(outboxId, messageId, attempts, error.message, m_now());
    } catch (const storage::StorageError &storageError) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + storageError.userMessage());
    }
    Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.message);
    Q_EMIT conversationsChanged({ conversationId });
}

void SmsOutbound::refuse(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &reason)
{
    try {
        OutboxOutcome(m_database).failed(outboxId, messageId, reason);
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
    Q_EMIT conversationsChanged({ conversationId });
    poke();
}

} // namespace waybill::engine
