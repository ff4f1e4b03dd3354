// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::demo {

/// Builds a deterministic, realistic demo workspace: agents and teams, customers with identities on several
/// channels, Shopify/Amazon/eBay orders with lines, shipments with real-format tracking numbers and event
/// histories covering every normalised status, returns and claims in every state, and conversations on every
/// channel (English, Japanese and Chinese threads, notes, assignments, tags, deadlines). The same seed and count
/// always give the same data relative to `now`. Writes in large batches, one transaction each.
class DemoGenerator final {
public:
    struct Options {
        int conversations = 2000;
        quint64 seed = 1;
        qint64 now = 0; ///< the demo's "now" (epoch seconds); 0 means the current time
        QString attachmentsDirectory; ///< where attachment bytes go; empty: no attachments
    };
    /// Called after each batch with (done, total); return false to stop early.
    using Progress = std::function<bool(int done, int total)>;

    DemoGenerator(const storage::Database &database, Options options);

    /// Fills the (empty) database. Throws storage::StorageError on failure; finished batches stay committed.
    void run(const Progress &progress = {});

    /// The demo agent who is "me" in the desktop app (the first agent).
    static QString defaultAgentEmail();

private:
    const storage::Database &m_database;
    Options m_options;
};

} // namespace waybill::demo
