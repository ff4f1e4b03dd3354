// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "Migrator.h"
#include "SearchIndex.h"
#include "SqlQuery.h"
#include "StorageError.h"
#include "TransactionGuard.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlError>

namespace waybill::storage {

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{
}

std::unique_ptr<Database> Database::open(const QString &path, const QString &connectionName)
{
    if (path != QLatin1String(":memory:")) {
        const QFileInfo info(path);
        if (info.exists() && !info.isWritable()) {
            throw StorageError(StorageError::Kind::ReadOnly,
                QCoreApplication::translate("Database",
                    "The workspace database %1 is read-only. Waybill "
                    "needs to write to it; check its permissions.")
                    .arg(path));
        }
    }
    std::unique_ptr<Database> database(new Database(path, connectionName));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            throw SqlQuery::classify(db.lastError(), path);
        }
    }
    database->configure();
    database->m_schemaVersion = Migrator(*database).migrate();
    database->runMaintenance();
    return database;
}

Database::~Database()
{
    m_statements.clear();
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::execute(const QString &sql) const
{
    SqlQuery query(*this, sql);
    query.exec();
}

SqlQuery &Database::prepared(const QString &sql) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.insert(sql, std::make_shared<SqlQuery>(*this, sql));
    }
    return **it;
}

void Database::runMaintenance()
{
    QStringList tasks;
    {
        SqlQuery q(*this, QStringLiteral("SELECT task FROM maintenance ORDER BY task"));
        q.exec();
        while (q.next()) {
            tasks << q.text(0);
        }
    }
    for (const QString &task : std::as_const(tasks)) {
        TransactionGuard transaction(*this);
        // Taken first: a connection opened at the same moment finds the task gone and leaves it.
        SqlQuery take(*this, QStringLiteral("DELETE FROM maintenance WHERE task = ?"));
        take.bind(task).exec();
        if (take.rowsAffected() > 0 && task == QLatin1String("rebuild_search_index")) {
            SearchIndex(*this).rebuild();
        }
        transaction.commit();
    }
}

void Database::configure()
{
    // The first statement reads the file header: a damaged file or a non-database fails here, before anything
    // could be written to it.
    execute(QStringLiteral("PRAGMA foreign_keys = ON"));
    {
        SqlQuery check(*this, QStringLiteral("SELECT count(*) FROM sqlite_master"));
        check.exec();
    }
    if (m_path != QLatin1String(":memory:")) {
        SqlQuery wal(*this, QStringLiteral("PRAGMA journal_mode = WAL"));
        wal.exec();
    }
    execute(QStringLiteral("PRAGMA synchronous = NORMAL"));
    execute(QStringLiteral("PRAGMA temp_store = MEMORY"));
    execute(QStringLiteral("PRAGMA cache_size = -65536"));
    execute(QStringLiteral("PRAGMA mmap_size = 268435456"));
}

} // namespace waybill::storage
