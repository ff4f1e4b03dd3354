// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MailAction.h"

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// The mail_actions table (migration 0005): IMAP work that must survive a restart. EmailOutbound records the Sent
/// copy of a reply in the transaction that marks it sent; SeenSync records \Seen updates in the transaction that
/// marks the messages seen here. A row is deleted once the server confirmed the action and rescheduled (attempts,
/// next attempt, the error in words) after a failure. Plain class over the caller's connection (the engine's write
/// connection); the caller owns transactions. Every method throws StorageError.
class MailActionRepository final {
public:
    explicit MailActionRepository(const Database &database);

    /// Records the Sent copy of outbox row `outboxId`, due at `now`; the id of the row (the existing one if the
    /// copy was already recorded).
    qint64 addSentCopy(
        const QString &account, qint64 outboxId, const QString &mailbox, const QByteArray &content, qint64 now) const;
    /// Records a \Seen update, due at `now`; nothing changes when the same one is already waiting.
    void addSeen(const QString &account, const QString &mailbox, quint32 uidValidity, quint32 uid, qint64 now) const;

    std::optional<MailAction> find(qint64 id) const;
    std::optional<MailAction> sentCopy(qint64 outboxId) const;
    /// Every waiting action of one kind for `account`, due or not, soonest first.
    QList<MailAction> pending(const QString &account, MailAction::Kind kind) const;
    /// The waiting actions of one kind for `account` due at `now`, soonest first.
    QList<MailAction> due(const QString &account, MailAction::Kind kind, qint64 now, int limit) const;
    /// Waiting actions of every kind and account (for status displays and tests).
    int count() const;

    /// The action was carried out.
    void remove(qint64 id) const;
    /// The Sent copy of `outboxId` is in the Sent folder; false when none was waiting.
    bool removeSentCopy(qint64 outboxId) const;
    /// These \Seen updates were stored on the server; how many rows went.
    int removeSeen(
        const QString &account, const QString &mailbox, quint32 uidValidity, const QList<quint32> &uids) const;
    /// Drops \Seen updates for `mailbox` under any UIDVALIDITY but `current` (the folder was recreated: those UIDs
    /// name nothing any more), or under every UIDVALIDITY when `current` is 0 (the folder is no longer synced).
    int removeOutdatedSeen(const QString &account, const QString &mailbox, quint32 current) const;
    /// Drops every waiting action of one kind for `account` (e.g. the account stopped saving to Sent).
    int removeAll(const QString &account, MailAction::Kind kind) const;

    /// One more failed attempt: tried again at `nextAttemptAt`, `error` kept for people.
    void retryLater(qint64 id, qint64 nextAttemptAt, const QString &error) const;
    /// One more failed attempt for every waiting \Seen update of `mailbox`.
    int retrySeenLater(
        const QString &account, const QString &mailbox, qint64 nextAttemptAt, const QString &error) const;

    static QString kindName(MailAction::Kind kind);

private:
    const Database &m_database;
};

} // namespace waybill::storage
