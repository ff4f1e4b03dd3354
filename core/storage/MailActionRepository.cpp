// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailActionRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

namespace {

const QString Columns = QStringLiteral("id, account, kind, outbox_id, content, mailbox, uidvalidity, uid, attempts, "
                                       "next_attempt_at, last_error, created_at");

MailAction readRow(const SqlQuery &q)
{
    MailAction action;
    action.id = q.int64(0);
    action.account = q.text(1);
    action.kind = q.text(2) == QStringLiteral("seen") ? MailAction::Kind::Seen : MailAction::Kind::SentCopy;
    action.outboxId = q.int64(3);
    action.content = q.value(4).toByteArray();
    action.mailbox = q.text(5);
    action.uidValidity = quint32(q.int64(6));
    action.uid = quint32(q.int64(7));
    action.attempts = int(q.int64(8));
    action.nextAttemptAt = q.int64(9);
    action.lastError = q.text(10);
    action.createdAt = q.int64(11);
    return action;
}

QList<MailAction> readAll(SqlQuery &q)
{
    QList<MailAction> actions;
    while (q.next()) {
        actions.append(readRow(q));
    }
    return actions;
}

} // namespace

MailActionRepository::MailActionRepository(const Database &database)
    : m_database(database)
{
}

QString MailActionRepository::kindName(MailAction::Kind kind)
{
    switch (kind) {
    case MailAction::Kind::SentCopy:
        return QStringLiteral("sent_copy");
    case MailAction::Kind::Seen:
        return QStringLiteral("seen");
    }
    return {};
}

qint64 MailActionRepository::addSentCopy(
    const QString &account, qint64 outboxId, const QString &mailbox, const QByteArray &content, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO mail_actions (account, kind, outbox_id, content, mailbox, next_attempt_at, "
                       "created_at) VALUES (?, 'sent_copy', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.bind(account).bind(outboxId).bind(content).bind(mailbox).bind(now).bind(now).exec();
    if (q.rowsAffected() == 1) {
        return q.lastInsertId();
    }
    const auto existing = sentCopy(outboxId);
    return existing ? existing->id : 0;
}

void MailActionRepository::addSeen(
    const QString &account, const QString &mailbox, quint32 uidValidity, quint32 uid, qint64 now) const
{
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO mail_actions (account, kind, mailbox, uidvalidity, uid, next_attempt_at, "
                       "created_at) VALUES (?, 'seen', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.bind(account).bind(mailbox).bind(qint64(uidValidity)).bind(qint64(uid)).bind(now).bind(now).exec();
}

std::optional<MailAction> MailActionRepository::find(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM mail_actions WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return readRow(q);
}

std::optional<MailAction> MailActionRepository::sentCopy(qint64 outboxId) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM mail_actions WHERE kind = 'sent_copy' AND outbox_id = ?"));
    q.bind(outboxId).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return readRow(q);
}

QList<MailAction> MailActionRepository::pending(const QString &account, MailAction::Kind kind) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM mail_actions WHERE account = ? AND kind = ? ORDER BY next_attempt_at, id"));
    q.bind(account).bind(kindName(kind)).exec();
    return readAll(q);
}

QList<MailAction> MailActionRepository::due(const QString &account, MailAction::Kind kind, qint64 now, int limit) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT ") + Columns
            + QStringLiteral(" FROM mail_actions WHERE account = ? AND kind = ? AND next_attempt_at <= ? "
                             "ORDER BY next_attempt_at, id LIMIT ?"));
    q.bind(account).bind(kindName(kind)).bind(now).bind(limit).exec();
    return readAll(q);
}

int MailActionRepository::count() const
{
    SqlQuery q(m_database, QStringLiteral("SELECT count(*) FROM mail_actions"));
    q.exec();
    return q.next() ? int(q.int64(0)) : 0;
}

void MailActionRepository::remove(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM mail_actions WHERE id = ?"));
    q.bind(id).exec();
}

bool MailActionRepository::removeSentCopy(qint64 outboxId) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM mail_actions WHERE kind = 'sent_copy' AND outbox_id = ?"));
    q.bind(outboxId).exec();
    return q.rowsAffected() > 0;
}

int MailActionRepository::removeSeen(
    const QString &account, const QString &mailbox, quint32 uidValidity, const QList<quint32> &uids) const
{
    int removed = 0;
    for (const quint32 uid : uids) {
        SqlQuery &q = m_database.prepared(QStringLiteral("DELETE FROM mail_actions WHERE kind = 'seen' AND account = ? "
                                                         "AND mailbox = ? AND uidvalidity = ? AND uid = ?"));
        q.bind(account).bind(mailbox).bind(qint64(uidValidity)).bind(qint64(uid)).exec();
        removed += q.rowsAffected();
    }
    return removed;
}

int MailActionRepository::removeOutdatedSeen(const QString &account, const QString &mailbox, quint32 current) const
{
    SqlQuery q(m_database,
        QStringLiteral("DELETE FROM mail_actions WHERE kind = 'seen' AND account = ? AND mailbox = ? "
                       "AND uidvalidity <> ?"));
    q.bind(account).bind(mailbox).bind(qint64(current)).exec();
    return q.rowsAffected();
}

int MailActionRepository::removeAll(const QString &account, MailAction::Kind kind) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM mail_actions WHERE account = ? AND kind = ?"));
    q.bind(account).bind(kindName(kind)).exec();
    return q.rowsAffected();
}

void MailActionRepository::retryLater(qint64 id, qint64 nextAttemptAt, const QString &error) const
{
    SqlQuery q(m_database,
        QStringLiteral(
            "UPDATE mail_actions SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?"));
    q.bind(nextAttemptAt).bind(error).bind(id).exec();
}

int MailActionRepository::retrySeenLater(
    const QString &account, const QString &mailbox, qint64 nextAttemptAt, const QString &error) const
{
    SqlQuery q(m_database,
        QStringLiteral("UPDATE mail_actions SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                       "WHERE kind = 'seen' AND account = ? AND mailbox = ?"));
    q.bind(nextAttemptAt).bind(error).bind(account).bind(mailbox).exec();
    return q.rowsAffected();
}

} // namespace waybill::storage
