// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxLoop.h"

#include "storage/MessageRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/StorageError.h"

namespace waybill::engine {

OutboxLoop::OutboxLoop(const storage::Database &database, QString accountId, std::function<qint64()> now,
    std::function<void()> sendNext, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_accountId(std::move(accountId))
    , m_now(std::move(now))
    , m_sendNext(std::move(sendNext))
{
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (m_running) {
            m_sendNext();
        }
    });
}

QString OutboxLoop::start(int pollMs)
{
    m_running = true;
    QString problem;
    try {
        storage::OutboxRepository(m_database).recoverInterrupted(m_accountId);
    } catch (const storage::StorageError &error) {
        problem = error.userMessage();
    }
    m_poll.start(pollMs);
    poke();
    return problem;
}

void OutboxLoop::stop()
{
    m_running = false;
    m_poll.stop();
}

void OutboxLoop::poke()
{
    QTimer::singleShot(0, this, [this] {
        if (m_running) {
            m_sendNext();
        }
    });
}

std::optional<OutboxLoop::Claimed> OutboxLoop::claimNext() const
{
    const storage::OutboxRepository outbox(m_database);
    while (const std::optional<storage::OutboxItem> item = outbox.claimNext(m_accountId, m_now())) {
        if (auto message = storage::MessageRepository(m_database).find(item->messageId)) {
            return Claimed { *item, std::move(*message) };
        }
        outbox.markFailed(item->id, QStringLiteral("the message no longer exists"));
    }
    return std::nullopt;
}

bool OutboxLoop::hasDue() const
{
    try {
        return !storage::OutboxRepository(m_database).dueFor(m_accountId, m_now(), 1).isEmpty();
    } catch (const storage::StorageError &) {
        return false;
    }
}

} // namespace waybill::engine
