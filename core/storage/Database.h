// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace waybill::storage {

class SqlQuery;

/// One named SQLite connection to a workspace database, opened and used on a single thread.
/// Opening applies the pragmas (WAL, foreign keys, busy timeout) and every pending migration; it throws
/// StorageError when the file is damaged, newer than this build, or cannot be written.
/// The connection is removed when the Database is destroyed. Never share one across threads: open another.
class Database final {
public:
    /// Opens `path` (":memory:" for a private in-memory database) as connection `connectionName`.
    static std::unique_ptr<Database> open(const QString &path, const QString &connectionName);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    /// The schema version after migration.
    int schemaVersion() const { return m_schemaVersion; }

    /// Executes a statement without results (pragmas, DDL); throws StorageError on failure.
    void execute(const QString &sql) const;
    /// A statement prepared once and kept for the life of the connection, for statements that run many times
    /// (inserts, hot lookups). Bind and exec it before asking for the same SQL again; a SELECT reads the rows it
    /// needs right away and then calls finish(), so that no cursor stays open between uses.
    SqlQuery &prepared(const QString &sql) const;

private:
    Database(QString path, QString connectionName);
    void configure();
    /// Runs the work that migrations left in the maintenance table (rebuilding the search index after its
    /// tokenizer changed), each task in one transaction, and removes it.
    void runMaintenance();

    QString m_path;
    QString m_connectionName;
    int m_schemaVersion = 0;
    mutable QHash<QString, std::shared_ptr<SqlQuery>> m_statements;
    mutable int m_transactionDepth = 0; ///< open TransactionGuards on this connection

    friend class TransactionGuard;
};

} // namespace waybill::storage
