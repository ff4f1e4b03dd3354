// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatPresence.h"

#include "storage/AgentPresenceRepository.h"
#include "storage/StorageError.h"

#include <QLoggingCategory>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcPresence, "waybill.engine.presence")

} // namespace

ChatPresence::ChatPresence(
    const storage::Database &database, std::function<qint64()> now, Timing timing, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_now(std::move(now))
    , m_timing(timing)
{
    m_readTimer.setInterval(m_timing.readMs);
    m_renewTimer.setInterval(m_timing.renewMs);
    connect(&m_readTimer, &QTimer::timeout, this, &ChatPresence::readOthers);
    connect(&m_renewTimer, &QTimer::timeout, this, &ChatPresence::renew);
    m_online = !m_closed && m_localAvailable;
}

ChatPresence::~ChatPresence() = default;

void ChatPresence::setClosed(bool closed)
{
    m_closed = closed;
    update();
}

void ChatPresence::setLocalAvailable(bool available)
{
    if (m_localAvailable == available) {
        return;
    }
    m_localAvailable = available;
    if (m_running) {
        if (available) {
            renew();
            m_renewTimer.start();
        } else {
            m_renewTimer.stop();
            withdraw();
        }
    }
    update();
}

void ChatPresence::start()
{
    m_running = true;
    if (m_localAvailable) {
        renew();
        m_renewTimer.start();
    } else {
        withdraw(); // a row left by a crash of this agent's desktop says nothing true now
    }
    if (m_watching) {
        readOthers();
        m_readTimer.start();
    }
    update();
}

void ChatPresence::stop()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_readTimer.stop();
    m_renewTimer.stop();
    withdraw();
}

void ChatPresence::renew()
{
    if (m_localAgent == 0) {
        return;
    }
    try {
        const qint64 now = m_now();
        storage::AgentPresenceRepository(m_database)
            .renew(m_localAgent, storage::AgentPresenceRepository::chat(), now + m_timing.validSeconds, now);
    } catch (const storage::StorageError &error) {
        qCWarning(lcPresence) << "the agent's chat availability could not be written:" << error.userMessage();
    }
}

void ChatPresence::withdraw()
{
    if (m_localAgent == 0) {
        return;
    }
    try {
        storage::AgentPresenceRepository(m_database).remove(m_localAgent, storage::AgentPresenceRepository::chat());
    } catch (const storage::StorageError &error) {
        qCWarning(lcPresence) << "the agent's chat availability could not be removed:" << error.userMessage();
    }
}

void ChatPresence::readOthers()
{
    try {
        m_othersAvailable = storage::AgentPresenceRepository(m_database)
                                .anyAvailable(storage::AgentPresenceRepository::chat(), m_now(), m_localAgent);
    } catch (const storage::StorageError &error) {
        qCWarning(lcPresence) << "the agents' chat availability could not be read:" << error.userMessage();
        return;
    }
    update();
    Q_EMIT othersRead(m_othersAvailable);
}

void ChatPresence::update()
{
    const bool online = !m_closed && (m_localAvailable || m_othersAvailable);
    if (online != m_online) {
        m_online = online;
        Q_EMIT onlineChanged(online);
    }
}

} // namespace waybill::engine
