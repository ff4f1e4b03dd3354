// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Migrator.h"

#include "Database.h"
#include "SqlQuery.h"
#include "StorageError.h"
#include "TransactionGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace waybill::storage {

Migrator::Migrator(const Database &database, QString directory)
    : m_database(database)
    , m_directory(std::move(directory))
{
}

QStringList Migrator::migrationFiles() const
{
    QStringList files = QDir(m_directory).entryList({ QStringLiteral("*.sql") }, QDir::Files, QDir::Name);
    return files;
}

int Migrator::latestVersion() const
{
    const QStringList files = migrationFiles();
    return files.isEmpty() ? 0 : files.constLast().left(4).toInt();
}

QStringList Migrator::statements(const QString &script)
{
    static const QRegularExpression separator(QStringLiteral("^--;\\s*$"), QRegularExpression::MultilineOption);
    QStringList result;
    for (const QString &part : script.split(separator)) {
        // A statement is whatever is left once comment-only lines are dropped.
        QStringList lines;
        for (const QString &line : part.split(u'\n')) {
            if (!line.trimmed().startsWith(QLatin1String("--"))) {
                lines << line;
            }
        }
        const QString statement = lines.join(u'\n').trimmed();
        if (!statement.isEmpty()) {
            result << statement;
        }
    }
    return result;
}

int Migrator::currentVersion()
{
    m_database.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    SqlQuery query(m_database, QStringLiteral("SELECT max(version) FROM schema_version"));
    query.exec();
    return query.next() ? query.value(0).toInt() : 0;
}

int Migrator::migrate()
{
    const int latest = latestVersion();
    int version = currentVersion();
    if (version > latest) {
        throw StorageError(StorageError::Kind::NewerSchema,
            QCoreApplication::translate("Migrator",
                "This workspace was written by a newer version of Waybill "
                "(schema %1; this version knows up to %2). Update Waybill "
                "to open it; the workspace was not changed.")
                .arg(version)
                .arg(latest));
    }
    // Every file not applied yet, in order, below the newest applied one too: work merged from another branch may
    // bring a lower number than one applied already.
    QSet<int> applied;
    {
        SqlQuery q(m_database, QStringLiteral("SELECT version FROM schema_version"));
        q.exec();
        while (q.next()) {
            applied.insert(int(q.int64(0)));
        }
    }
    for (const QString &file : migrationFiles()) {
        const int fileVersion = file.left(4).toInt();
        if (applied.contains(fileVersion)) {
            continue;
        }
        QFile script(m_directory + u'/' + file);
        if (!script.open(QIODevice::ReadOnly)) {
            throw StorageError(StorageError::Kind::Other,
                QCoreApplication::translate("Migrator", "A schema migration is missing from this build."), file);
        }
        TransactionGuard transaction(m_database);
        for (const QString &statement : statements(QString::fromUtf8(script.readAll()))) {
            m_database.execute(statement);
        }
        SqlQuery record(m_database, QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        record.bind(fileVersion).exec();
        transaction.commit();
        version = std::max(version, fileVersion);
    }
    return version;
}

} // namespace waybill::storage
