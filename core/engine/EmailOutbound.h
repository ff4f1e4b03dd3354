// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/TaskPtr.h"
#include "domain/EmailAccount.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace waybill::channels {
class TransportFactory;
}
namespace waybill::channels::email {
class SmtpClient;
class SmtpSendTask;
struct SmtpError;
struct SmtpSendResult;
} // namespace waybill::channels::email
namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Delivers one e-mail account's queued replies from the outbox over SMTP, one at a time on one connection.
/// Each row is claimed (pending → sending) and given its Message-ID before the server sees it, so a retry never
/// changes the id; a temporary failure (4xx, a dropped connection) is retried with growing delays, a permanent one
/// (5xx) marks the reply failed with the server's words for the agent. Rows left "sending" by a process that
/// stopped mid-send are retried with the same Message-ID. Lives on the engine thread with the write connection;
/// stop() ends the work.
class EmailOutbound final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmailOutbound)

public:
    EmailOutbound(const storage::Database &database, channels::TransportFactory &transports,
        domain::EmailAccount account, QString secret, std::function<qint64()> now, QObject *parent = nullptr);
    ~EmailOutbound() override;

    /// Starts looking for due replies now and every `pollMs`; returns false (after failed()) when misconfigured.
    bool start(int pollMs = 5000);
    void stop();
    /// Looks for due replies now (e.g. right after an agent pressed Send).
    void poke();
    /// Nothing is being sent and nothing is due.
    bool isIdle() const;

    /// The delay before attempt `attempts + 1` after a temporary failure: 1 min, 5 min, 15 min, 1 h, then 4 h.
    static qint64 retryDelaySeconds(int attempts);
    /// After this many temporary failures the reply is marked failed.
    static constexpr int MaxAttempts = 8;

Q_SIGNALS:
    /// Conversations whose replies changed state (sent, retrying, failed).
    void conversationsChanged(const QList<qint64> &conversationIds);
    void failed(const QString &message);

private:
    void sendNext();
    void onSent(qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &emailMessageId,
        const channels::email::SmtpSendResult &result);
    void onFailed(qint64 outboxId, qint64 messageId, qint64 conversationId, int attempts,
        const channels::email::SmtpError &error);

    const storage::Database &m_database;
    channels::TransportFactory &m_transports;
    domain::EmailAccount m_account;
    QString m_secret;
    std::function<qint64()> m_now;
    std::unique_ptr<channels::email::SmtpClient> m_client;
    channels::TaskPtr<channels::email::SmtpSendTask> m_sending;
    QTimer m_poll;
    bool m_running = false;
};

} // namespace waybill::engine
