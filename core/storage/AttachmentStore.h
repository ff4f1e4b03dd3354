// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::storage {

/// Attachment bytes stored once per content, as `<dir>/<sha[0:2]>/<sha256>`. Writes go to a temporary file and
/// are renamed into place, so a full disk or a crash never leaves a truncated attachment under its hash.
class AttachmentStore final {
public:
    explicit AttachmentStore(QString directory);

    /// Stores the bytes and returns their SHA-256 (hex). Throws StorageError when the disk is full or unwritable.
    QString put(const QByteArray &bytes) const;
    /// The path of stored content, or an empty string if it is not there.
    QString pathOf(const QString &sha256) const;

private:
    QString m_directory;
};

} // namespace waybill::storage
