// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

namespace waybill::storage {

class Database;

/// A workspace folder: `waybill.sqlite`, `attachments/` (content-addressed) and `logs/`.
/// Construction validates the folder (creating it if needed) and throws StorageError with a message for people
/// when it cannot be used. Databases are opened per thread with openDatabase().
class Workspace final {
public:
    explicit Workspace(const QString &directory);

    /// The default folder: QStandardPaths::AppDataLocation + "/workspace".
    static QString defaultDirectory();

    QString directory() const { return m_directory; }
    QString databasePath() const;
    QString attachmentsDirectory() const;

    /// Opens (and migrates) the database under a connection name unique to the caller, e.g. "ui" or "engine".
    std::unique_ptr<Database> openDatabase(const QString &connectionName) const;

private:
    QString m_directory;
};

} // namespace waybill::storage
