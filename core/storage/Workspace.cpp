// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Workspace.h"

#include "Database.h"
#include "StorageError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace waybill::storage {

Workspace::Workspace(const QString &directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{
    const QFileInfo info(m_directory);
    if (info.exists() && !info.isDir()) {
        throw StorageError(StorageError::Kind::Invalid,
            QCoreApplication::translate("Workspace", "%1 is a file, not a workspace folder.").arg(m_directory));
    }
    if (!QDir().mkpath(m_directory)) {
        throw StorageError(StorageError::Kind::ReadOnly,
            QCoreApplication::translate("Workspace",
                "The workspace folder %1 cannot be created. Choose another "
                "folder with --workspace.")
                .arg(m_directory));
    }
    // A probe file is the only reliable test: permission bits do not tell about read-only mounts or ACLs.
    QTemporaryFile probe(m_directory + QStringLiteral("/.write-test-XXXXXX"));
    if (!probe.open()) {
        throw StorageError(StorageError::Kind::ReadOnly,
            QCoreApplication::translate("Workspace",
                "The workspace folder %1 is read-only. Waybill needs to "
                "write there; fix its permissions or choose another folder "
                "with --workspace. Nothing in it was changed.")
                .arg(m_directory));
    }
    QDir(m_directory).mkpath(QStringLiteral("attachments"));
    QDir(m_directory).mkpath(QStringLiteral("logs"));
}

QString Workspace::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/workspace");
}

QString Workspace::databasePath() const
{
    return m_directory + QStringLiteral("/waybill.sqlite");
}

QString Workspace::attachmentsDirectory() const
{
    return m_directory + QStringLiteral("/attachments");
}

std::unique_ptr<Database> Workspace::openDatabase(const QString &connectionName) const
{
    return Database::open(databasePath(), connectionName);
}

} // namespace waybill::storage
