// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <optional>

namespace waybill::channels::email {

/// Reads the raw messages of a mail archive one at a time, for importing from another mail client or helpdesk:
/// an mbox file (mboxo/mboxrd "From " separators, ">From " unescaped), a Maildir folder (cur/ and new/), or
/// .eml files (one file, or every .eml below a folder). Streams: a multi-gigabyte mbox is never read whole.
/// Every message has a position that can be saved and passed to seek() to resume after an interruption.
/// Not thread-safe; one reader per import.
class MailArchiveReader final {
public:
    enum class Format {
        Mbox,
        Maildir,
        Eml,
    };
    struct Entry {
        QByteArray raw;
        qint64 position = 0; ///< pass to seek() to continue after this message
        QString origin; ///< "archive.mbox @ 123456" or the file name, for messages to people
    };

    MailArchiveReader(Format format, const QString &path);

    static std::optional<Format> formatFromName(const QString &name);
    /// Empty when the archive can be read; otherwise why not, for people.
    QString error() const { return m_error; }
    /// Continues after the message whose position this is (0: from the start).
    void seek(qint64 position);
    /// The next message, or std::nullopt at the end (or after an error: see error()).
    std::optional<Entry> next();
    /// Progress so far, in the unit of total(): bytes for mbox, files otherwise.
    qint64 done() const;
    qint64 total() const;

private:
    std::optional<Entry> nextFromMbox();
    std::optional<Entry> nextFromFiles();

    Format m_format;
    QString m_path;
    QString m_error;
    QFile m_mbox;
    QByteArray m_pendingFromLine;
    QStringList m_files;
    qint64 m_fileIndex = 0;
};

} // namespace waybill::channels::email
