// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderColumnMapping.h"
#include "OrderCsvReader.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::commerce {

struct ImportedOrder;

/// Imports an order export into the workspace: each order is upserted on (source, number), so importing the same
/// file again updates the orders (their lines replaced) and never duplicates them; the customer is found by the
/// e-mail identity (created, and indexed for search, when new); a tracking number the order does not have yet
/// becomes a shipment. Writes in batches of `batchSize` orders per transaction, each with the file position it
/// reached (in the sync state, keyed by source and path): an interrupted import keeps every finished batch, and
/// importing the same, unchanged file again resumes there (a changed file is read from the start, which is safe
/// too). Runs on the thread that owns `database`; throws storage::StorageError
/// (the file cannot be read, or the database fails: then the current batch is rolled back).
class OrderImporter final {
public:
    static constexpr int MaxKeptProblems = 1000;

    struct Stats {
        int rows = 0; ///< data rows read
        int created = 0; ///< orders new to the workspace
        int updated = 0; ///< orders that were there and were updated
        int customersCreated = 0;
        int customersLinked = 0; ///< orders linked to a customer who was already there
        int shipments = 0; ///< shipments added
        int badRows = 0;
        QList<OrderCsvReader::Problem> problems; ///< the first MaxKeptProblems bad rows, in file order
        bool stopped = false; ///< the progress callback asked to stop
        bool resumed = false; ///< started where an earlier, stopped import of the same file left off

        int orders() const { return created + updated; }
    };
    /// Called after each batch with the bytes read and the file's size; return false to stop after that batch.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    OrderImporter(const storage::Database &database, std::function<qint64()> now);

    /// Opens `path` and imports it with `mapping`. A missing or unreadable file, or one whose header does not fit
    /// the mapping, throws storage::StorageError before anything is written.
    Stats importFile(
        const QString &path, const OrderColumnMapping &mapping, const Progress &progress = {}, int batchSize = 5000);
    /// Imports from a reader whose start() succeeded; `totalBytes` is for progress. With a `resumeKey`, each batch
    /// records where it ended under that key, with `fileStamp` (what identifies the file's content); the key is
    /// cleared when the file is finished.
    Stats run(OrderCsvReader &reader, qint64 totalBytes, const Progress &progress = {}, int batchSize = 5000,
        const QString &resumeKey = {}, const QString &fileStamp = {});

private:
    void store(const ImportedOrder &imported, Stats &stats);
    qint64 customerFor(const ImportedOrder &imported, Stats &stats);
    void flushCustomerIndex();

    const storage::Database &m_database;
    std::function<qint64()> m_now;
    QHash<QString, qint64> m_customerByEmail;
    QHash<QString, qint64> m_seenOrders; ///< number → id, for orders stored earlier in this run
    QList<std::pair<qint64, QString>> m_pendingIndex; ///< new customers to index before the batch commits
};

} // namespace waybill::commerce
