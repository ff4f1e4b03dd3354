// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapMailboxSync.h"

#include "ImapClient.h"
#include "ImapConnectTask.h"
#include "ImapFetchData.h"
#include "ImapFetchTask.h"
#include "ImapIdleTask.h"
#include "ImapStoreTask.h"
#include "ImapSyncTask.h"

namespace waybill::channels::email {

ImapMailboxSync::ImapMailboxSync(
    TransportFactory &factory, ImapAccountConfig account, ImapSyncConfig config, QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_account(std::move(account))
    , m_config(std::move(config))
    , m_uidValidity(m_config.uidValidity)
    , m_confirmedUid(m_config.lastUid)
    , m_backoffMs(m_config.reconnectInitialMs)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &ImapMailboxSync::connectNow);
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, [this]() { runSync(false); });
}

ImapMailboxSync::~ImapMailboxSync()
{
    m_running = false;
    teardown();
}

void ImapMailboxSync::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_backoffMs = m_config.reconnectInitialMs;
    connectNow();
}

void ImapMailboxSync::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_poll.stop();
    teardown();
    setState(State::Stopped);
}

void ImapMailboxSync::confirm(quint32 uidValidity, quint32 uid)
{
    if (uidValidity == m_uidValidity && uid > m_confirmedUid) {
        m_confirmedUid = uid;
    }
}

void ImapMailboxSync::setSeen(quint32 uidValidity, quint32 uid, bool seen)
{
    if (uidValidity != m_uidValidity) {
        return; // a UID of a folder that no longer exists
    }
    m_addSeen.removeAll(uid);
    m_removeSeen.removeAll(uid);
    (seen ? m_addSeen : m_removeSeen).append(uid);
    if (auto *idle = qobject_cast<ImapIdleTask *>(m_task.get())) {
        idle->done(); // its end runs the stores (also when IDLE was sent but not yet accepted)
    } else if (m_state == State::Polling) {
        m_poll.stop();
        runStores();
    }
}

void ImapMailboxSync::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

template <typename Task> Task *ImapMailboxSync::run(Task *task, void (ImapMailboxSync::*next)())
{
    m_task.reset(task);
    connect(task, &ImapTask::finished, this, next);
    connect(task, &ImapTask::failed, this, &ImapMailboxSync::handleError);
    return task;
}

void ImapMailboxSync::connectNow()
{
    if (!m_running) {
        return;
    }
    teardown();
    setState(State::Connecting);
    m_fetchedUid = m_confirmedUid; // resume after what the caller has stored
    m_client.reset(new ImapClient(m_factory, m_account));
    connect(m_client.get(), &ImapClient::connectionLost, this, &ImapMailboxSync::handleError);
    connect(m_client.get(), &ImapClient::untaggedReceived, this, &ImapMailboxSync::onUntagged);
    run(new ImapConnectTask(*m_client), &ImapMailboxSync::afterWait)->start();
}

void ImapMailboxSync::runSync(bool select)
{
    if (!m_running || !m_client) {
        return;
    }
    setState(State::Syncing);
    ImapSyncConfig pass = m_config;
    pass.uidValidity = m_uidValidity;
    auto *task = run(
        new ImapSyncTask(*m_client, pass, select, std::max(m_fetchedUid, m_confirmedUid)), &ImapMailboxSync::runStores);
    connect(task, &ImapSyncTask::uidValidityChanged, this, [this](quint32 oldValue, quint32 newValue) {
        m_uidValidity = newValue;
        m_confirmedUid = 0;
        m_fetchedUid = 0;
        m_addSeen.clear();
        m_removeSeen.clear();
        Q_EMIT uidValidityChanged(m_config.mailbox, oldValue, newValue);
    });
    connect(task, &ImapSyncTask::messageFetched, this, [this](const ImapFetchedMessage &message) {
        m_uidValidity = message.uidValidity;
        m_fetchedUid = std::max(m_fetchedUid, message.uid);
        Q_EMIT messageFetched(message);
    });
    task->start();
}

void ImapMailboxSync::afterWait()
{
    // After connecting: select and fetch. After IDLE or a store: fetch what changed meanwhile.
    const bool select = m_state == State::Connecting;
    runSync(select);
}

void ImapMailboxSync::runStores()
{
    if (!m_running || !m_client) {
        return;
    }
    if (m_state == State::Syncing) {
        if (auto *sync = qobject_cast<ImapSyncTask *>(m_task.get())) {
            m_uidValidity = sync->uidValidity();
        }
        m_backoffMs = m_config.reconnectInitialMs;
        Q_EMIT synced();
        if (!m_running) {
            return;
        }
    }
    if (m_flagsStale && m_fetchedUid > 0) {
        // The FETCH answers carry UIDs and reach onUntagged(), which reports them as flagsChanged().
        m_flagsStale = false;
        QList<quint32> uids;
        const quint32 from = m_fetchedUid > FlagRefreshWindow ? m_fetchedUid - FlagRefreshWindow + 1 : 1;
        for (quint32 uid = from; uid <= m_fetchedUid; ++uid) {
            uids.append(uid);
        }
        auto *refresh = new ImapFetchTask(*m_client, uids, QByteArrayLiteral("(FLAGS)"));
        m_task.reset(refresh);
        connect(refresh, &ImapTask::failed, this, &ImapMailboxSync::handleError);
        connect(refresh, &ImapTask::finished, this, &ImapMailboxSync::runStores);
        refresh->start();
        return;
    }
    if (m_config.readOnly || (m_addSeen.isEmpty() && m_removeSeen.isEmpty())) {
        waitForChanges();
        return;
    }
    const bool add = !m_addSeen.isEmpty();
    const QList<quint32> uids = add ? m_addSeen : m_removeSeen;
    setState(State::Storing);
    auto *task = new ImapStoreTask(*m_client, uids,
        add ? ImapStoreTask::Operation::Add : ImapStoreTask::Operation::Remove, { QByteArray("\\Seen") });
    m_task.reset(task);
    connect(task, &ImapTask::failed, this, &ImapMailboxSync::handleError);
    connect(task, &ImapTask::finished, this, [this, uids, add]() {
        for (const quint32 uid : uids) {
            (add ? m_addSeen : m_removeSeen).removeAll(uid);
        }
        Q_EMIT seenStored(m_config.mailbox, m_uidValidity, uids, add);
        if (!m_running) {
            return;
        }
        runStores();
    });
    task->start();
}

void ImapMailboxSync::waitForChanges()
{
    if (m_config.useIdle && m_client->hasCapability("IDLE")) {
        auto *idle = run(new ImapIdleTask(*m_client, m_config.idleRestartMs), &ImapMailboxSync::afterWait);
        connect(idle, &ImapIdleTask::idling, this, [this]() { setState(State::Idling); });
        setState(State::Syncing);
        idle->start();
        return;
    }
    m_task.reset();
    setState(State::Polling);
    m_poll.start(m_config.pollIntervalMs);
}

void ImapMailboxSync::handleError(const ImapError &error)
{
    teardown();
    if (!m_running) {
        return;
    }
    if (error.isPermanent()) {
        m_running = false;
        setState(State::Failed);
        Q_EMIT failed(error);
        return;
    }
    const int delay = m_backoffMs;
    m_backoffMs = std::min(m_backoffMs * 2, m_config.reconnectMaxMs);
    setState(State::WaitingToReconnect);
    m_reconnect.start(delay);
    Q_EMIT interrupted(error, delay);
}

void ImapMailboxSync::teardown()
{
    m_poll.stop();
    m_task.reset();
    if (m_client) {
        m_client->disconnect(this);
        m_client->disconnectFromServer();
        m_client.reset();
    }
}

void ImapMailboxSync::onUntagged(const ImapResponse &response)
{
    if (!response.isUntagged("FETCH")) {
        return;
    }
    const std::optional<ImapFetchData> data = ImapFetchData::fromResponse(response);
    if (data && !data->uid && data->flags && !data->body && !data->size) {
        // Flags changed elsewhere, named by sequence number only (dovecot during IDLE): leave IDLE and read the
        // flags again by UID.
        m_flagsStale = true;
        if (auto *idle = qobject_cast<ImapIdleTask *>(m_task.get())) {
            idle->done();
        }
        return;
    }
    if (!data || !data->uid || !data->flags || data->body || data->size || *data->uid > m_fetchedUid) {
        return;
    }
    QStringList flags;
    for (const QByteArray &flag : *data->flags) {
        flags.append(QString::fromUtf8(flag));
    }
    Q_EMIT flagsChanged(m_config.mailbox, m_uidValidity, *data->uid, flags);
}

} // namespace waybill::channels::email
