// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Whether live chat visitors are told that someone answers now, decided across the workspace: online when the chat
/// is not closed (`waybillctl serve --chat-offline`) and either the agent working at this engine is available (the
/// desktop's File ▸ Available for live chat) or some other agent's availability in the workspace has not expired
/// (storage::AgentPresenceRepository, read again every Timing::readMs while watching). While this engine's agent is
/// available it renews the agent's row every Timing::renewMs, valid for Timing::validSeconds, so that the other
/// engines of the workspace see it; stop() (a clean quit) and turning availability off remove the row, and a crash
/// leaves it to expire. Owned by the Engine; lives on the engine thread and uses its write connection, which must
/// outlive it. Storage failures are logged and leave the last known state.
class ChatPresence final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPresence)

public:
    struct Timing {
        int readMs = 5000; ///< how often the other agents' availability is read again
        int renewMs = 30000; ///< how often this engine's agent's row is renewed
        int validSeconds = 90; ///< how long a renewal holds when no other follows (a crashed desktop)
    };

    ChatPresence(
        const storage::Database &database, std::function<qint64()> now, Timing timing, QObject *parent = nullptr);
    ~ChatPresence() override;

    /// The agent working at this engine (the desktop's), whose availability is written; 0 for none (serve).
    void setLocalAgent(qint64 agentId) { m_localAgent = agentId; }
    /// Reads the other agents' availability (an engine that hosts chat gateways); otherwise only writes.
    void setWatching(bool watching) { m_watching = watching; }
    /// The chat is closed: visitors are told no one answers live, whoever is available.
    void setClosed(bool closed);
    /// The agent at this engine is (or is no longer) available: the row is written or removed now.
    void setLocalAvailable(bool available);
    /// Writes this engine's row and reads the others' now (so that online() is right at once), then keeps doing so.
    void start();
    /// Stops the timers and removes this engine's agent's row (a clean quit).
    void stop();
    bool online() const { return m_online; }

Q_SIGNALS:
    /// online() changed.
    void onlineChanged(bool online);
    /// The other agents' availability was read (`othersAvailable`: some agent's row has not expired).
    void othersRead(bool othersAvailable);

private:
    void renew();
    void withdraw();
    void readOthers();
    void update();

    const storage::Database &m_database;
    std::function<qint64()> m_now;
    Timing m_timing;
    QTimer m_readTimer;
    QTimer m_renewTimer;
    qint64 m_localAgent = 0;
    bool m_watching = false;
    bool m_closed = false;
    bool m_localAvailable = true;
    bool m_othersAvailable = false;
    bool m_running = false;
    bool m_online = true;
};

} // namespace waybill::engine
