// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Message.h"
#include "storage/OutboxRepository.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// The outbox rhythm of one account's outbound channel (SMS, Amazon, eBay): start() makes the rows a stopped process
/// left "sending" due again, then `sendNext` is called every pollMs and soon after each poke() while running; the
/// channel claims and sends one row at a time itself. hasDue() says whether a row of the account is due now. Lives on
/// the engine thread, owned by its channel; stop() (or destroying it) ends the calls.
class OutboxLoop final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxLoop)

public:
    OutboxLoop(const storage::Database &database, QString accountId, std::function<qint64()> now,
        std::function<void()> sendNext, QObject *parent = nullptr);

    /// Starts the calls (the first one at once); returns why the interrupted rows could not be made due again, as a
    /// sentence for people, or an empty string.
    QString start(int pollMs);
    void stop();
    /// Calls sendNext from the event loop (an agent pressed Send, a reply was answered).
    void poke();
    bool isRunning() const { return m_running; }
    /// A row of the account is due now (false when the database cannot say).
    bool hasDue() const;

    /// A claimed outbox row (now "sending") and the message it sends.
    struct Claimed {
        storage::OutboxItem item;
        domain::Message message;
    };
    /// Claims the account's next due row with its message; a row whose message is gone is failed on the way. Throws
    /// storage::StorageError.
    std::optional<Claimed> claimNext() const;

private:
    const storage::Database &m_database;
    QString m_accountId;
    std::function<qint64()> m_now;
    std::function<void()> m_sendNext;
    QTimer m_poll;
    bool m_running = false;
};

} // namespace waybill::engine
