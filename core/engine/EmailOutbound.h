// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "channels/Channel.h"
#include "channels/TaskPtr.h"
#include "domain/EmailAccount.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>

namespace waybill::channels {
class TransportFactory;
}
namespace waybill::channels::email {
class ImapSentFolder;
class SmtpClient;
struct ImapError;
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
/// (5xx) marks the reply failed with the server's words for the agent.
///
/// When the account saves to Sent, the exact bytes that went out are appended to its Sent folder over IMAP
/// (ImapSentFolder) after the server accepted them. The copy is recorded in mail_actions in the transaction that
/// marks the reply sent and deleted once the folder has it, so it survives a restart: start() appends every copy
/// still waiting. A failure there never changes the reply's state: it is reported through problem(), counted on
/// the recorded copy and tried again after a growing delay (setSentFolderRetryInterval(), doubling up to an hour). Rows
/// left "sending" by a process that stopped mid-send are first looked up in the Sent folder by their Message-ID: found
/// → the reply is marked sent ("confirmed in Sent"), not found → sent again with the same Message-ID. Without a Sent
/// copy they are sent again at once. Lives on the engine thread with the write connection; stop() ends the work.
/// As a channels::Channel: rich text with attachments and links, no length limit, no typing or read state; failing
/// while the server refuses or cannot be reached (the reason names the account), connected again after a send.
class EmailOutbound final : public QObject, public channels::Channel {
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
    void poke() override;
    /// Nothing is being sent, checked or saved to Sent, and nothing is due.
    bool isIdle() const override;
    QString accountId() const override { return m_account.id; }
    channels::ChannelCapabilities capabilities() const override;
    channels::ChannelHealth health() const override { return m_health; }
    /// The first delay before a failed Sent-folder operation is tried again; it doubles up to an hour.
    void setSentFolderRetryInterval(int ms) { m_sentRetryInitialMs = ms; }

    /// The delay before attempt `attempts + 1` after a temporary failure: 1 min, 5 min, 15 min, 1 h, then 4 h.
    static qint64 retryDelaySeconds(int attempts);
    /// After this many temporary failures the reply is marked failed.
    static constexpr int MaxAttempts = 8;

Q_SIGNALS:
    /// Conversations whose replies changed state (sent, retrying, failed).
    void conversationsChanged(const QList<qint64> &conversationIds);
    void failed(const QString &message);
    /// A problem it is retrying by itself (the Sent folder could not be reached).
    void problem(const QString &message);

private:
    void sendNext();
    void onSent(
        qint64 outboxId, qint64 messageId, qint64 conversationId, const QString &emailMessageId, const QByteArray &raw);
    void startSentFolder();
    void checkInterrupted();
    void onFoundInSent(qint64 outboxId, bool present);
    void onSentFolderFailed(qint64 outboxId, const channels::email::ImapError &error);
    void onAppended(qint64 outboxId);
    void resumeSentCopies();
    void appendCopy(qint64 outboxId);
    void retrySentFolder();
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
    std::unique_ptr<channels::email::ImapSentFolder> m_sentFolder;
    QSet<qint64> m_appending; ///< outbox ids whose Sent copy (recorded in mail_actions) is being appended
    QHash<qint64, QString> m_checking; ///< interrupted outbox id → its Message-ID, waiting for the Sent lookup
    QSet<qint64> m_retry; ///< Sent-folder operations that failed and wait for m_sentRetry
    QTimer m_sentRetry;
    int m_sentRetryInitialMs = 60 * 1000;
    int m_sentRetryMs = 60 * 1000;
    channels::ChannelHealth m_health;
};

} // namespace waybill::engine
