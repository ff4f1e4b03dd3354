// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::storage {

class Database;

/// Applies the numbered, forward-only migrations in `:/migrations/sqlite/` (NNNN_name.sql), each in its own
/// transaction, and records the version in `schema_version`. A database newer than the newest migration is
/// refused with StorageError::Kind::NewerSchema and left untouched.
class Migrator final {
public:
    explicit Migrator(const Database &database, QString directory = QStringLiteral(":/migrations/sqlite"));

    /// Returns the schema version after migrating.
    int migrate();
    /// The newest version this build knows.
    int latestVersion() const;
    /// The statements of one migration file, split on lines holding only "--;".
    static QStringList statements(const QString &script);

private:
    int currentVersion();
    QStringList migrationFiles() const;

    const Database &m_database;
    QString m_directory;
};

} // namespace waybill::storage
