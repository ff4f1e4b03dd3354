// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace waybill::storage {
class Database;
}
namespace waybill::channels::email {
class MailArchiveReader;
}

namespace waybill::engine {

class Ingest;

/// Imports a mail archive (mbox, Maildir, .eml) into the workspace: parses each message, recognises marketplace
/// relay mail, and stores it through the ingest pipeline; what cannot be parsed is quarantined with its bytes.
/// Commits in batches together with the reader's position, so an interrupted import resumes where it stopped
/// and a repeated one stores nothing twice. Runs on the thread that owns the write connection; MIME parsing of the
/// next batch runs meanwhile on the global thread pool (QtConcurrent), which never touches the database.
class MailImporter final {
public:
    struct Stats {
        int stored = 0;
        int duplicates = 0;
        int quarantined = 0;
        int bounces = 0;
        bool resumed = false; ///< started after the position saved by an earlier, interrupted run
    };
    /// Called after each batch with (done, total) in the reader's unit; return false to stop (resumable).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// `resumeKey` names this archive in the sync state (e.g. "mbox:/home/me/archive.mbox").
    MailImporter(const storage::Database &database, Ingest &ingest, channels::email::MailArchiveReader &reader,
        QString resumeKey, QString account);

    /// Throws storage::StorageError (disk full, …): everything up to the last finished batch stays imported.
    Stats run(const Progress &progress = {}, int batchSize = 1000);

private:
    const storage::Database &m_database;
    Ingest &m_ingest;
    channels::email::MailArchiveReader &m_reader;
    QString m_resumeKey;
    QString m_account;
};

} // namespace waybill::engine
