// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AttachmentStore.h"

#include "StorageError.h"
#include "security/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace waybill::storage {

AttachmentStore::AttachmentStore(QString directory)
    : m_directory(std::move(directory))
{
}

QString AttachmentStore::put(const QByteArray &bytes) const
{
    const QString sha = security::Sha256::hex(bytes);
    const QString folder = m_directory + u'/' + sha.left(2);
    const QString path = folder + u'/' + sha;
    if (QFile::exists(path)) {
        return sha;
    }
    QSaveFile file(path);
    if (!QDir().mkpath(folder) || !file.open(QIODevice::WriteOnly)) {
        // Not a full disk: the folder itself cannot be written (permissions, a read-only mount, a file in the way).
        throw StorageError(StorageError::Kind::ReadOnly,
            QCoreApplication::translate("AttachmentStore",
                "The attachment could not be saved because the folder %1 "
                "cannot be written. Nothing else was changed; check the "
                "folder's permissions and try again.")
                .arg(m_directory),
            file.errorString());
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        throw StorageError(StorageError::Kind::DiskFull,
            QCoreApplication::translate("AttachmentStore",
                "The attachment could not be saved (%1). Nothing else was "
                "changed; free some disk space and try again.")
                .arg(file.errorString()));
    }
    return sha;
}

QString AttachmentStore::pathOf(const QString &sha256) const
{
    const QString path = m_directory + u'/' + sha256.left(2) + u'/' + sha256;
    return QFile::exists(path) ? path : QString();
}

} // namespace waybill::storage
