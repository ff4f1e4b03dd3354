// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmailOutbound.h"

#include "ReplyMailBuilder.h"
#include "channels/ServerAddress.h"
#include "channels/email/MimeComposer.h"
#include "channels/email/SmtpClient.h"
#include "channels/email/SmtpError.h"
#include "channels/email/SmtpSendResult.h"
#include "channels/email/SmtpSendTask.h"
#include "channels/email/Threader.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QDateTime>

namespace waybill::engine {

using channels::email::SmtpError;
using channels::email::SmtpSendResult;
using channels::email::SmtpSendTask;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EmailOutbound", text);
}

} // namespace

EmailOutbound::EmailOutbound(const storage::Database &database, channels::TransportFactory &transports,
    domain::EmailAccount account, QString secret, std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_transports(transports)
    , m_account(std::move(account))
    , m_secret(std::move(secret))
    , m_now(std::move(now))
{
    connect(&m_poll, &QTimer::timeout, this, &EmailOutbound::sendNext);
}

EmailOutbound::~EmailOutbound()
{
    stop();
}

qint64 EmailOutbound::retryDelaySeconds(int attempts)
{
    constexpr qint64 Delays[] = { 60, 5 * 60, 15 * 60, 60 * 60 };
    return attempts >= 1 && attempts <= 4 ? Delays[attempts - 1] : 4 * 60 * 60;
}

bool EmailOutbound::start(int pollMs)
{
    QString error;
    const channels::ServerAddress server
        = channels::ServerAddress::parse(m_account.smtpUrl, QStringLiteral("smtp"), &error);
    if (server.host.isEmpty()) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error);
        return false;
    }
    channels::email::SmtpAccountConfig config;
    config.accountId = m_account.id;
    config.host = server.host;
    config.port = server.port;
    config.security = server.security;
    config.username = m_account.username;
    config.secret = m_secret;
    config.authMethod = m_account.auth == domain::EmailAccount::Auth::Password
        ? channels::email::SmtpAccountConfig::AuthMethod::Automatic
        : channels::email::SmtpAccountConfig::AuthMethod::XOAuth2;
    m_client = std::make_unique<channels::email::SmtpClient>(m_transports, config);
    // A previous run stopped mid-send: try those again, with the Message-ID they already have.
    storage::OutboxRepository(m_database).recoverInterrupted(m_account.id);
    m_running = true;
    m_poll.start(pollMs);
    poke();
    return true;
}

void EmailOutbound::stop()
{
    m_running = false;
    m_poll.stop();
    if (m_sending) {
        m_sending->abort();
        m_sending.reset();
    }
    if (m_client) {
        m_client->disconnectFromServer();
    }
}

void EmailOutbound::poke()
{
    QTimer::singleShot(0, this, &EmailOutbound::sendNext);
}

bool EmailOutbound::isIdle() const
{
    return !m_sending && storage::OutboxRepository(m_database).dueFor(m_account.id, m_now(), 1).isEmpty();
}

void EmailOutbound::sendNext()
{
    if (!m_running || m_sending) {
        return;
    }
    const storage::OutboxRepository outbox(m_database);
    try {
        const QList<storage::OutboxItem> due = outbox.dueFor(m_account.id, m_now(), 1);
        if (due.isEmpty()) {
            return;
        }
        storage::OutboxItem item = due.first();
        const QString domain = m_account.address.section(u'@', 1);
        {
            storage::TransactionGuard claim(m_database);
            if (!outbox.claim(item.id, channels::email::MimeComposer::newMessageId(domain))) {
                return;
            }
            claim.commit();
        }
        item = *outbox.find(item.id);
        QString error;
        const auto built = ReplyMailBuilder(m_database).build(item.messageId, m_account, item.emailMessageId, &error);
        if (!built) {
            storage::TransactionGuard transaction(m_database);
            outbox.markFailed(item.id, error);
            storage::MessageRepository(m_database)
                .setDelivery(item.messageId, domain::Message::Delivery::Failed, error);
            transaction.commit();
            return;
        }
        const QByteArray raw = channels::email::MimeComposer::compose(built->mail);
        QStringList recipients;
        for (const auto &mailbox : built->mail.to) {
            recipients << mailbox.address;
        }
        m_sending.reset(new SmtpSendTask(*m_client, m_account.address, recipients, raw));
        const qint64 outboxId = item.id;
        const qint64 messageId = item.messageId;
        const qint64 conversationId = built->conversationId;
        const QString emailMessageId = item.emailMessageId;
        const int attempts = item.attempts;
        connect(m_sending.get(), &SmtpSendTask::finished, this, [=, this](const SmtpSendResult &result) {
            onSent(outboxId, messageId, conversationId, emailMessageId, result);
        });
        connect(m_sending.get(), &SmtpSendTask::failed, this, [=, this](const SmtpError &smtpError) {
            onFailed(outboxId, messageId, conversationId, attempts, smtpError);
        });
        m_sending->start();
    } catch (const storage::StorageError &storageError) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + storageError.userMessage());
    }
}

void EmailOutbound::onSent(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &emailMessageId,
    const SmtpSendResult &result)
{
    Q_UNUSED(result)
    m_sending.release()->deleteLater();
    try {
        storage::TransactionGuard transaction(m_database);
        storage::OutboxRepository(m_database).markDone(outboxId);
        storage::MessageRepository(m_database).setDelivery(messageId, domain::Message::Delivery::Sent, QString());
        // The customer's reply will name this id: it must find the conversation.
        channels::email::Threader(m_database).rememberSent(emailMessageId, conversationId, messageId);
        transaction.commit();
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
    Q_EMIT conversationsChanged({ conversationId });
    poke();
}

void EmailOutbound::onFailed(
    qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts, const SmtpError &error)
{
    m_sending.release()->deleteLater();
    const QString words
        = error.serverText.isEmpty() ? error.message : error.message + QStringLiteral(" — ") + error.serverText;
    try {
        storage::TransactionGuard transaction(m_database);
        const storage::OutboxRepository outbox(m_database);
        const storage::MessageRepository messages(m_database);
        if (error.mayHaveBeenDelivered) {
            // The server had the whole message when the connection dropped: sending again could deliver it twice.
            outbox.markDone(outboxId);
            messages.setDelivery(messageId, domain::Message::Delivery::Sent,
                tr("Probably delivered: the server closed the connection just after receiving it (%1).").arg(words));
        } else if (error.isTemporary() && attempts < MaxAttempts) {
            const qint64 next = m_now() + retryDelaySeconds(attempts);
            outbox.retryLater(outboxId, next, words);
            messages.setDelivery(messageId, domain::Message::Delivery::Queued,
                tr("Not sent yet: %1. Trying again at %2.")
                    .arg(words, QDateTime::fromSecsSinceEpoch(next).toString(QStringLiteral("HH:mm"))));
        } else {
            outbox.markFailed(outboxId, words);
            messages.setDelivery(messageId, domain::Message::Delivery::Failed, words);
        }
        transaction.commit();
    } catch (const storage::StorageError &storageError) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + storageError.userMessage());
    }
    Q_EMIT conversationsChanged({ conversationId });
    poke();
}

} // namespace waybill::engine
