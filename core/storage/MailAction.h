// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::storage {

/// One mail action waiting to be carried out on an account's IMAP server (the mail_actions table, migration 0005).
/// A plain value type; MailActionRepository reads and writes it.
struct MailAction final {
    enum class Kind {
        SentCopy, ///< APPEND `content` (the bytes of outbox row `outboxId` that went out) to the Sent folder
        Seen, ///< STORE +FLAGS (\Seen) on `uid` of `mailbox` under `uidValidity`
    };

    qint64 id = 0;
    QString account;
    Kind kind = Kind::SentCopy;
    qint64 outboxId = 0; ///< SentCopy only
    QByteArray content; ///< SentCopy only
    QString mailbox; ///< the Sent folder for SentCopy
    quint32 uidValidity = 0; ///< Seen only
    quint32 uid = 0; ///< Seen only
    int attempts = 0; ///< failed attempts so far
    qint64 nextAttemptAt = 0;
    QString lastError;
    qint64 createdAt = 0;
};

} // namespace waybill::storage
