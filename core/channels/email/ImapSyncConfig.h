// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::email {

/// What ImapMailboxSync fetches from one folder and where it resumes. `uidValidity`/`lastUid` come from the
/// caller's stored sync state (storage::SyncStateRepository); 0/0 means "never synced".
struct ImapSyncConfig final {
    QString mailbox = QStringLiteral("INBOX");
    bool readOnly = false; ///< EXAMINE instead of SELECT
    quint32 uidValidity = 0;
    quint32 lastUid = 0; ///< the highest UID the caller has stored; fetching starts after it
    int batchMessages = 50; ///< messages per UID FETCH
    qint64 batchBytes = 4 * 1024 * 1024; ///< bytes per UID FETCH; a bigger message is fetched alone
    qint64 maxMessageBytes = 64LL * 1024 * 1024; ///< bigger messages come without their bytes (tooLarge)
    bool useIdle = true; ///< IDLE when the server offers it; otherwise poll
    int idleRestartMs = 28 * 60 * 1000; ///< re-issue IDLE before the server's 30-minute limit
    int pollIntervalMs = 60 * 1000;
    int reconnectInitialMs = 1000; ///< first retry after a drop; doubles up to reconnectMaxMs
    int reconnectMaxMs = 5 * 60 * 1000;
};

} // namespace waybill::channels::email
