// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EmailInbound.h"

#include "Ingest.h"
#include "SeenSync.h"
#include "channels/email/EmailAccountServers.h"
#include "channels/email/ImapMailboxSync.h"
#include "channels/email/MarketplaceRelay.h"
#include "channels/email/MimeParser.h"
#include "storage/OutboxRepository.h"
#include "storage/StorageError.h"
#include "storage/SyncStateRepository.h"
#include "storage/TransactionGuard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace waybill::engine {

namespace {
/// After a storage failure (disk full, …) a folder waits this long before it tries again.
constexpr int RetryAfterStorageErrorMs = 30 * 1000;
} // namespace

using channels::email::ImapFetchedMessage;
using channels::email::ImapMailboxSync;

EmailInbound::EmailInbound(const storage::Database &database, Ingest &ingest, channels::TransportFactory &transports,
    domain::EmailAccount account, QString secret, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_ingest(ingest)
    , m_transports(transports)
    , m_account(std::move(account))
    , m_secret(std::move(secret))
{
}

EmailInbound::~EmailInbound()
{
    stop();
}

QString EmailInbound::stateKey(const QString &mailbox, const QString &what) const
{
    return QStringLiteral("imap:") + mailbox + u':' + what;
}

bool EmailInbound::start()
{
    QString error;
    const auto imap = channels::email::EmailAccountServers::imap(m_account, m_secret, &error);
    if (!imap) {
        Q_EMIT failed(m_account.name + QStringLiteral(": ") + error);
        return false;
    }
    const channels::email::ImapAccountConfig &config = *imap;
    const storage::SyncStateRepository state(m_database);
    for (const QString &mailbox : m_account.folders) {
        channels::email::ImapSyncConfig folder;
        folder.mailbox = mailbox;
        folder.uidValidity = state.value(m_account.id, stateKey(mailbox, QStringLiteral("uidvalidity"))).toUInt();
        folder.lastUid = state.value(m_account.id, stateKey(mailbox, QStringLiteral("lastuid"))).toUInt();
        auto sync = std::make_unique<ImapMailboxSync>(m_transports, config, folder);
        ImapMailboxSync *raw = sync.get();
        const size_t index = m_folders.size();
        connect(
            raw, &ImapMailboxSync::messageFetched, this, [this, raw](const ImapFetchedMessage &m) { store(m, raw); });
        connect(raw, &ImapMailboxSync::flagsChanged, this, &EmailInbound::onFlagsChanged);
        connect(raw, &ImapMailboxSync::uidValidityChanged, this,
            [this](const QString &box, quint32, quint32 newValue) { resetFolder(box, newValue); });
        connect(raw, &ImapMailboxSync::seenStored, this, &EmailInbound::onSeenStored);
        connect(raw, &ImapMailboxSync::synced, this, [this, index] {
            const bool wasSynced = isSynced();
            m_synced[index] = true;
            if (!wasSynced && isSynced()) {
                Q_EMIT synced();
            }
        });
        connect(raw, &ImapMailboxSync::interrupted, this,
            [this, mailbox](const channels::email::ImapError &error, int retryInMs) {
                retrySeenLater(mailbox, error.message, retryInMs);
                Q_EMIT problem(QCoreApplication::translate("EmailInbound", "%1: %2 — retrying in %3 s")
                                   .arg(m_account.name, error.message)
                                   .arg(retryInMs / 1000));
            });
        connect(raw, &ImapMailboxSync::failed, this, [this](const channels::email::ImapError &error) {
            Q_EMIT failed(m_account.name + QStringLiteral(": ") + error.message);
        });
        m_folders.push_back(std::move(sync));
        m_synced.push_back(false);
        m_mailboxes.append(mailbox);
    }
    resumeSeen();
    for (const auto &sync : m_folders) {
        sync->start();
    }
    return true;
}

void EmailInbound::resumeSeen()
{
    // \Seen updates an earlier run recorded but the server never confirmed (the app quit, the server was away).
    try {
        const SeenSync seenSync(m_database);
        for (const storage::MailAction &action : seenSync.pendingFlags(m_account.id)) {
            const qsizetype index = m_mailboxes.indexOf(action.mailbox);
            if (index < 0) {
                seenSync.forgetOutdated(m_account.id, action.mailbox, 0); // a folder no longer synced
                continue;
            }
            if (m_folders[size_t(index)]->uidValidity() != action.uidValidity) {
                seenSync.forgetOutdated(m_account.id, action.mailbox, m_folders[size_t(index)]->uidValidity());
                continue;
            }
            m_folders[size_t(index)]->setSeen(action.uidValidity, action.uid, true);
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void EmailInbound::onSeenStored(const QString &mailbox, quint32 uidValidity, const QList<quint32> &uids, bool seen)
{
    if (!seen) {
        return;
    }
    try {
        SeenSync(m_database).stored(m_account.id, mailbox, uidValidity, uids);
    } catch (const storage::StorageError &error) {
        // Still recorded: the next start stores \Seen again, which changes nothing on the server.
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void EmailInbound::retrySeenLater(const QString &mailbox, const QString &error, int retryInMs)
{
    try {
        SeenSync(m_database)
            .retryLater(
                m_account.id, mailbox, QDateTime::currentSecsSinceEpoch() + std::max(1, retryInMs / 1000), error);
    } catch (const storage::StorageError &storageError) {
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + storageError.userMessage());
    }
}

void EmailInbound::stop()
{
    for (const auto &sync : m_folders) {
        sync->stop();
    }
}

bool EmailInbound::isSynced() const
{
    return !m_synced.empty() && std::all_of(m_synced.cbegin(), m_synced.cend(), [](bool done) { return done; });
}

void EmailInbound::setSeen(const QString &mailbox, quint32 uidValidity, quint32 uid)
{
    const qsizetype index = m_mailboxes.indexOf(mailbox);
    if (index >= 0 && size_t(index) < m_folders.size()) {
        m_folders[size_t(index)]->setSeen(uidValidity, uid, true);
    }
}

void EmailInbound::onFlagsChanged(const QString &mailbox, quint32 uidValidity, quint32 uid, const QStringList &flags)
{
    const bool seen = flags.contains(QStringLiteral("\\Seen"), Qt::CaseInsensitive);
    try {
        if (const auto conversationId
            = SeenSync(m_database).serverFlags(m_account.id, mailbox, uidValidity, uid, seen)) {
            Q_EMIT conversationsChanged({ *conversationId });
        }
    } catch (const storage::StorageError &error) {
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
    }
}

void EmailInbound::resetFolder(const QString &mailbox, quint32 uidValidity)
{
    // The folder was recreated: its messages come again under the new UIDVALIDITY; the ingest pipeline skips the
    // ones already stored (their Message-IDs), so nothing is duplicated.
    storage::TransactionGuard transaction(m_database);
    const storage::SyncStateRepository state(m_database);
    state.setValue(m_account.id, stateKey(mailbox, QStringLiteral("uidvalidity")), QString::number(uidValidity));
    state.setValue(m_account.id, stateKey(mailbox, QStringLiteral("lastuid")), QStringLiteral("0"));
    SeenSync(m_database).forgetOutdated(m_account.id, mailbox, uidValidity);
    transaction.commit();
}

void EmailInbound::store(const ImapFetchedMessage &fetched, ImapMailboxSync *sync)
{
    if (m_paused.contains(sync)) {
        return;
    }
    QList<qint64> changed;
    try {
        storage::TransactionGuard transaction(m_database);
        if (fetched.tooLarge) {
            m_ingest.quarantine(m_account.id, QByteArray(),
                QCoreApplication::translate(
                    "EmailInbound", "%1 (UID %2 in %3) is %4 MB, over the size limit; it was not downloaded")
                    .arg(m_account.name)
                    .arg(fetched.uid)
                    .arg(fetched.mailbox)
                    .arg(double(fetched.size) / 1048576.0, 0, 'f', 1));
        } else {
            const auto parsed = channels::email::MimeParser::parse(fetched.raw);
            if (!parsed.ok()) {
                m_ingest.quarantine(m_account.id, fetched.raw, parsed.failureReason);
            } else {
                domain::IncomingMessage message = *parsed.message;
                message.account = m_account.id;
                if (const auto relay = channels::email::MarketplaceRelay::recognise(message)) {
                    message.channel = relay->channel;
                }
                // Our own reply coming back (sent to our own address, Bcc, a list): it is already in its
                // conversation as the outgoing message.
                if (!storage::OutboxRepository(m_database).hasEmailMessageId(message.messageId)) {
                    const auto result = m_ingest.ingest(message);
                    if (result.outcome != Ingest::Outcome::Duplicate) {
                        changed << result.conversationId;
                    }
                    if (result.messageId != 0 && result.outcome != Ingest::Outcome::BounceRecorded) {
                        const storage::MessageLocation location { result.messageId, m_account.id, fetched.mailbox,
                            fetched.uidValidity, fetched.uid, fetched.isSeen() };
                        if (SeenSync(m_database).record(location, result.conversationId)) {
                            changed << result.conversationId;
                        }
                    }
                }
            }
        }
        const storage::SyncStateRepository state(m_database);
        state.setValue(m_account.id, stateKey(fetched.mailbox, QStringLiteral("uidvalidity")),
            QString::number(fetched.uidValidity));
        state.setValue(
            m_account.id, stateKey(fetched.mailbox, QStringLiteral("lastuid")), QString::number(fetched.uid));
        transaction.commit();
    } catch (const storage::StorageError &error) {
        // Not confirmed, and the folder pauses: later messages must not be confirmed past this one. After the
        // pause the folder resumes after the last stored UID, so this message comes again.
        Q_EMIT problem(m_account.name + QStringLiteral(": ") + error.userMessage());
        m_paused.insert(sync);
        sync->stop();
        QTimer::singleShot(RetryAfterStorageErrorMs, this, [this, sync] {
            m_paused.remove(sync);
            sync->start();
        });
        return;
    }
    sync->confirm(fetched.uidValidity, fetched.uid);
    if (!changed.isEmpty()) {
        Q_EMIT conversationsChanged(changed);
    }
}

} // namespace waybill::engine
