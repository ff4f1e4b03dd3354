// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmailOutbound.h"

#include "ReplyMailBuilder.h"
#include "channels/email/EmailAccountServers.h"
#include "channels/email/ImapAccountConfig.h"
#include "channels/email/ImapError.h"
#include "channels/email/ImapSentFolder.h"
#include "channels/email/MimeComposer.h"
#include "channels/email/SmtpClient.h"
#include "channels/email/SmtpError.h"
#include "channels/email/SmtpSendResult.h"
#include "channels/email/SmtpSendTask.h"
#include "channels/email/Threader.h"
#include "storage/MailActionRepository.h"
#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QDateTime>

#include <algorithm>
#include <utility>

namespace waybill::engine {

using channels::email::ImapError;
using channels::email::ImapSentFolder;
using channels::email::SmtpError;
using channels::email::SmtpSendResult;
using channels::email::SmtpSendTask;

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
    m_sentRetry.setSingleShot(true);
    connect(&m_sentRetry, &QTimer::timeout, this, &EmailOutbound::retrySentFolder);
    // Every reported failure or problem is the channel's health until the next reply goes out.
    auto failing = [this](const QString &reason) { m_health = { channels::ChannelHealth::State::Failing, reason }; };
    connect(this, &EmailOutbound::failed, this, failing);
    connect(this, &EmailOutbound::problem, this, failing);
}

channels::ChannelCapabilities EmailOutbound::capabilities() const
{
    channels::ChannelCapabilities capabilities;
    capabilities.richText = true;
    capabilities.attachments = true;
    return capabilities;
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
    const auto config = channels::email::EmailAccountServers::smtp(m_account, m_secret, &error);
    if (!config) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error);
        return false;
    }
    m_client = std::make_unique<channels::email::SmtpClient>(m_transports, *config);
    startSentFolder();
    m_running = true;
    m_sentRetryMs = m_sentRetryInitialMs;
    resumeSentCopies();
    checkInterrupted();
    m_poll.start(pollMs);
    poke();
    return true;
}

void EmailOutbound::startSentFolder()
{
    m_sentFolder.reset();
    if (!m_account.saveToSent || m_account.sentFolder.isEmpty()) {
        return;
    }
    QString error;
    const auto config = channels::email::EmailAccountServers::imap(m_account, m_secret, &error);
    if (!config) {
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + tr("no copy in Sent: %1").arg(error));
        return;
    }
    m_sentFolder = std::make_unique<ImapSentFolder>(m_transports, *config, m_account.sentFolder);
    connect(m_sentFolder.get(), &ImapSentFolder::appended, this, &EmailOutbound::onAppended);
    connect(m_sentFolder.get(), &ImapSentFolder::found, this, &EmailOutbound::onFoundInSent);
    connect(m_sentFolder.get(), &ImapSentFolder::failed, this, &EmailOutbound::onSentFolderFailed);
}

void EmailOutbound::resumeSentCopies()
{
    const storage::MailActionRepository actions(m_database);
    try {
        if (!m_account.saveToSent || m_account.sentFolder.isEmpty()) {
            // The account no longer keeps copies: those an earlier run could not save are not wanted either.
            actions.removeAll(m_account.id, storage::MailAction::Kind::SentCopy);
            return;
        }
        if (!m_sentFolder) {
            return; // misconfigured IMAP (reported); the copies wait for a working configuration
        }
        for (const storage::MailAction &action : actions.pending(m_account.id, storage::MailAction::Kind::SentCopy)) {
            m_appending.insert(action.outboxId);
            m_sentFolder->append(action.outboxId, action.content);
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void EmailOutbound::appendCopy(qint64 outboxId)
{
    try {
        const auto action = storage::MailActionRepository(m_database).sentCopy(outboxId);
        if (!action) {
            return; // done meanwhile, or its reply was deleted
        }
        m_appending.insert(outboxId);
        m_sentFolder->append(outboxId, action->content);
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void EmailOutbound::onAppended(qint64 outboxId)
{
    m_appending.remove(outboxId);
    m_sentRetryMs = m_sentRetryInitialMs;
    try {
        storage::MailActionRepository(m_database).removeSentCopy(outboxId);
    } catch (const storage::StorageError &error) {
        // Still recorded: the next start appends the copy again (a duplicate in Sent, never a lost one).
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void EmailOutbound::checkInterrupted()
{
    const storage::OutboxRepository outbox(m_database);
    try {
        if (!m_sentFolder) {
            // A previous run stopped mid-send: try those again, with the Message-ID they already have.
            outbox.recoverInterrupted(m_account.id);
            return;
        }
        // The server may have taken the message before the process stopped: look in Sent before sending again.
        for (const storage::OutboxItem &item : outbox.interrupted(m_account.id)) {
            if (item.emailMessageId.isEmpty()) {
                outbox.requeue(item.id);
                continue;
            }
            m_checking.insert(item.id, item.emailMessageId);
            m_sentFolder->find(item.id, item.emailMessageId);
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void EmailOutbound::onFoundInSent(qint64 outboxId, bool present)
{
    if (!m_checking.contains(outboxId)) {
        return;
    }
    const QString emailMessageId = m_checking.take(outboxId);
    m_sentRetryMs = m_sentRetryInitialMs;
    const storage::OutboxRepository outbox(m_database);
    qint64 conversationId = 0;
    try {
        storage::TransactionGuard transaction(m_database);
        if (!present) {
            outbox.requeue(outboxId);
        } else if (const auto item = outbox.find(outboxId)) {
            const storage::MessageRepository messages(m_database);
            const auto message = messages.find(item->messageId);
            conversationId = message ? message->conversationId : 0;
            outbox.markDone(outboxId);
            messages.setDelivery(item->messageId, domain::Message::Delivery::Sent,
                tr("Confirmed in the Sent folder after an interrupted send."));
            if (conversationId != 0) {
                channels::email::Threader(m_database).rememberSent(emailMessageId, conversationId, item->messageId);
            }
        }
        transaction.commit();
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
        return;
    }
    if (conversationId != 0) {
        Q_EMIT conversationsChanged({ conversationId });
    }
    poke();
}

void EmailOutbound::onSentFolderFailed(qint64 outboxId, const ImapError &error)
{
    const bool checking = m_checking.contains(outboxId);
    const bool appending = m_appending.remove(outboxId);
    if (!checking && !appending) {
        return;
    }
    const bool waiting = m_sentRetry.isActive();
    const int delayMs = waiting ? m_sentRetry.remainingTime() : m_sentRetryMs;
    if (appending) {
        try {
            storage::MailActionRepository(m_database)
                .retryLater(outboxId, m_now() + std::max(1, (delayMs + 999) / 1000), error.message);
        } catch (const storage::StorageError &storageError) {
            Q_EMIT failed(m_account.name + QStringLiteral(": ") + storageError.userMessage());
        }
    }
    Q_EMIT problem(m_account.name + QStringLiteral(": ")
        + (checking ? tr("could not look in %1 for a reply interrupted while sending (%2); trying again later")
                    : tr("could not save a copy of a sent reply in %1 (%2); trying again later"))
              .arg(m_account.sentFolder, error.message));
    m_retry.insert(outboxId);
    if (!waiting) {
        m_sentRetry.start(m_sentRetryMs);
        m_sentRetryMs = std::min(m_sentRetryMs * 2, 60 * 60 * 1000);
    }
}

void EmailOutbound::retrySentFolder()
{
    if (!m_running || !m_sentFolder) {
        return;
    }
    const QSet<qint64> retry = std::exchange(m_retry, {});
    for (const qint64 outboxId : retry) {
        if (const auto check = m_checking.constFind(outboxId); check != m_checking.cend()) {
            m_sentFolder->find(outboxId, *check);
        } else {
            appendCopy(outboxId);
        }
    }
}

void EmailOutbound::stop()
{
    m_running = false;
    m_poll.stop();
    m_sentRetry.stop();
    m_sentFolder.reset();
    m_checking.clear();
    m_appending.clear();
    m_retry.clear();
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
    return !m_sending && m_checking.isEmpty() && (!m_sentFolder || !m_sentFolder->isBusy())
        && storage::OutboxRepository(m_database).dueFor(m_account.id, m_now(), 1).isEmpty();
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
        connect(m_sending.get(), &SmtpSendTask::finished, this,
            [=, this](const SmtpSendResult &) { onSent(outboxId, messageId, conversationId, emailMessageId, raw); });
        connect(m_sending.get(), &SmtpSendTask::failed, this, [=, this](const SmtpError &smtpError) {
            onFailed(outboxId, messageId, conversationId, attempts, smtpError);
        });
        m_sending->start();
    } catch (const storage::StorageError &storageError) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + storageError.userMessage());
    }
}

void EmailOutbound::onSent(
    qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &emailMessageId, const QByteArray &raw)
{
    m_sending.release()->deleteLater();
    m_health = {};
    try {
        storage::TransactionGuard transaction(m_database);
        storage::OutboxRepository(m_database).markDone(outboxId);
        storage::MessageRepository(m_database).setDelivery(messageId, domain::Message::Delivery::Sent, QString());
        // The customer's reply will name this id: it must find the conversation.
        channels::email::Threader(m_database).rememberSent(emailMessageId, conversationId, messageId);
        if (m_account.saveToSent && !m_account.sentFolder.isEmpty()) {
            // The exact bytes that went out, kept until the copy is in Sent (across a restart too, or until the
            // IMAP settings work).
            storage::MailActionRepository(m_database)
                .addSentCopy(m_account.id, outboxId, m_account.sentFolder, raw, m_now());
        }
        transaction.commit();
    } catch (const storage::StorageError &error) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
    if (m_sentFolder) {
        m_appending.insert(outboxId);
        m_sentFolder->append(outboxId, raw);
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
            m_health = { channels::ChannelHealth::State::Failing, m_account.name + QStringLiteral(": ") + words };
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
