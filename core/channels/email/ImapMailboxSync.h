// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImapAccountConfig.h"
#include "ImapError.h"
#include "ImapFetchedMessage.h"
#include "ImapSyncConfig.h"
#include "ImapTask.h"
#include "channels/TaskPtr.h"

#include <QList>
#include <QObject>
#include <QTimer>

namespace waybill::channels {
class TransportFactory;
}

namespace waybill::channels::email {

class ImapClient;
struct ImapResponse;

/// Keeps one folder of one account in sync, for as long as it runs: connect and log in (ImapConnectTask), fetch
/// what is new (ImapSyncTask), then wait in IDLE (or poll every pollIntervalMs where the server lacks IDLE) and
/// fetch again on every change; apply \Seen changes asked through setSeen(). After any drop or error it
/// reconnects with exponential backoff (reconnectInitialMs doubling up to reconnectMaxMs) and resumes after the
/// last UID the caller confirmed.
///
/// The sync state lives with the caller: it passes the stored uidValidity/lastUid in ImapSyncConfig, stores each
/// `messageFetched()` and calls `confirm()` once it is stored (directly in the slot is fine). Messages fetched but
/// not confirmed before a drop are fetched again after the reconnect, so with confirm-after-store nothing is lost
/// and, confirming in the slot, nothing arrives twice.
///
/// Thread: the engine thread; no call blocks. Owner: the caller (one instance per folder). It runs until stop()
/// or `failed()` (a permanent error: credentials rejected, a mechanism the server lacks); `interrupted()` reports
/// each temporary problem and when the next attempt is due.
class ImapMailboxSync final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImapMailboxSync)

public:
    enum class State {
        Stopped,
        Connecting,
        Syncing,
        Storing,
        Idling,
        Polling,
        WaitingToReconnect,
        Failed,
    };
    Q_ENUM(State)

    ImapMailboxSync(
        TransportFactory &factory, ImapAccountConfig account, ImapSyncConfig config, QObject *parent = nullptr);
    ~ImapMailboxSync() override;

    void start();
    void stop();
    State state() const { return m_state; }
    quint32 uidValidity() const { return m_uidValidity; }
    quint32 confirmedUid() const { return m_confirmedUid; }

    /// The caller has stored everything up to `uid` under `uidValidity`; a reconnect resumes after it.
    void confirm(quint32 uidValidity, quint32 uid);
    /// Sets or clears \Seen on the server (applied at the next opportunity, kept across reconnects, confirmed by
    /// seenStored()). Kept in memory only: a caller that must survive a restart records it and asks again.
    void setSeen(quint32 uidValidity, quint32 uid, bool seen);

Q_SIGNALS:
    void messageFetched(const waybill::channels::email::ImapFetchedMessage &message);
    /// The server reported new flags for a message already fetched (e.g. read in another mail client).
    void flagsChanged(const QString &mailbox, quint32 uidValidity, quint32 uid, const QStringList &flags);
    /// The server accepted the STORE that set (`seen`) or cleared \Seen on these UIDs.
    void seenStored(const QString &mailbox, quint32 uidValidity, const QList<quint32> &uids, bool seen);
    /// The folder was recreated: forget its old UIDs; all its messages follow under `newValue`.
    void uidValidityChanged(const QString &mailbox, quint32 oldValue, quint32 newValue);
    /// A pass has fetched everything the server had; now waiting for changes.
    void synced();
    void interrupted(const waybill::channels::email::ImapError &error, int retryInMs);
    void failed(const waybill::channels::email::ImapError &error);
    void stateChanged(waybill::channels::email::ImapMailboxSync::State state);

private:
    void setState(State state);
    void connectNow();
    void runSync(bool select);
    void runStores();
    void waitForChanges();
    void afterWait();
    void handleError(const ImapError &error);
    void teardown();
    void onUntagged(const ImapResponse &response);
    template <typename Task> Task *run(Task *task, void (ImapMailboxSync::*next)());

    TransportFactory &m_factory;
    ImapAccountConfig m_account;
    ImapSyncConfig m_config;
    TaskPtr<ImapClient> m_client;
    TaskPtr<ImapTask> m_task;
    QTimer m_reconnect;
    QTimer m_poll;
    State m_state = State::Stopped;
    quint32 m_uidValidity;
    quint32 m_confirmedUid;
    quint32 m_fetchedUid = 0;
    int m_backoffMs;
    QList<quint32> m_addSeen;
    QList<quint32> m_removeSeen;
    bool m_running = false;
    bool m_flagsStale = false; ///< flags changed elsewhere without UIDs: read them again after IDLE
    /// How many of the newest UIDs have their flags read again after a change made elsewhere.
    static constexpr quint32 FlagRefreshWindow = 2000;
};

} // namespace waybill::channels::email
