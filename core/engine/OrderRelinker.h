// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Links the workspace's conversations to orders again, with the orders and linking rules it has now: after an
/// order import or a first store sync, mail that arrived before its order can find it. Every conversation whose
/// link no agent chose (no link or unlink in its audit trail) is linked from its subject and the customer's
/// messages, as incoming mail is (OrderLinker, from AutoLinkConfidence); a conversation is only ever linked or
/// moved to a better-founded order, never unlinked. Changes are audited ("relinked") and refresh the list chips.
/// Conversations are read in pages; finding the numbers in the text runs on the thread pool while the previous page
/// is written. Runs on the thread that owns the write connection.
class OrderRelinker final {
public:
    struct Stats {
        int conversations = 0; ///< looked at
        int linked = 0; ///< linked for the first time
        int moved = 0; ///< moved to another order
        int keptByAgent = 0; ///< skipped: an agent chose their link
    };
    /// Called after each page with (conversations done, total); return false to stop (what is done stays).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Which conversations are looked at: all of them, or only those without an order (what new orders can
    /// change; the automatic runs after an import or a store sync use this, and read far less).
    enum class Scope {
        All,
        Unlinked,
    };

    OrderRelinker(const storage::Database &database, std::function<qint64()> now, Scope scope = Scope::All);

    /// Throws storage::StorageError (disk full, …): pages written before stay written.
    Stats run(const Progress &progress = {}, int pageSize = 2000);

private:
    const storage::Database &m_database;
    std::function<qint64()> m_now;
    Scope m_scope;
};

} // namespace waybill::engine
