// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace waybill::storage {

class Database;

/// One agent's availability on one channel, as the agent's desktop last renewed it.
struct AgentPresence {
    qint64 agentId = 0;
    QString channel; ///< AgentPresenceRepository::chat()
    qint64 availableUntil = 0; ///< epoch seconds; the agent counts as gone from then on
    qint64 updatedAt = 0; ///< epoch seconds of the last renewal
};

/// Agent availability per channel (table agent_presence): an agent's desktop renews the agent's row while the agent
/// is available and removes it when the agent stops; a row whose available_until has passed counts as gone (a
/// desktop that crashed). The engine hosting the chat gateways asks anyAvailable() every few seconds (one indexed
/// look-up). Throws StorageError. Used on the thread that owns the connection.
class AgentPresenceRepository final {
public:
    explicit AgentPresenceRepository(const Database &database);

    /// The live chat channel's name in the table.
    static QString chat();

    /// The agent is available on the channel until `until` (inserted, or renewed when the row exists).
    void renew(qint64 agentId, const QString &channel, qint64 until, qint64 now) const;
    /// The agent is no longer available on the channel; false when there was no row.
    bool remove(qint64 agentId, const QString &channel) const;
    /// Some agent other than `exceptAgent` (0: any) is available on the channel at `now`.
    bool anyAvailable(const QString &channel, qint64 now, qint64 exceptAgent = 0) const;
    /// The agents available on the channel at `now`, by agent id.
    QList<AgentPresence> available(const QString &channel, qint64 now) const;
    /// Deletes every row that expired at or before `now`; returns how many.
    int removeExpired(qint64 now) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
