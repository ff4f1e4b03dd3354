// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuarantineRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

QuarantineRepository::QuarantineRepository(const Database &database)
    : m_database(database)
{
}

qint64 QuarantineRepository::insert(const QuarantinedMessage &message) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO quarantine (account, received_at, reason, raw_sha256, "
                                             "size_bytes) VALUES (?, ?, ?, ?, ?)"));
    q.bind(message.account)
        .bind(message.receivedAt)
        .bind(message.reason)
        .bind(message.rawSha256)
        .bind(message.sizeBytes)
        .exec();
    return q.lastInsertId();
}

QList<QuarantinedMessage> QuarantineRepository::open(int limit) const
{
    SqlQuery q(m_database,
        QStringLiteral("SELECT id, account, received_at, reason, raw_sha256, size_bytes FROM quarantine "
                       "WHERE resolved = 0 ORDER BY received_at DESC, id DESC LIMIT ?"));
    q.bind(limit).exec();
    QList<QuarantinedMessage> entries;
    while (q.next()) {
        entries.append({ q.int64(0), q.text(1), q.int64(2), q.text(3), q.text(4), q.int64(5) });
    }
    return entries;
}

void QuarantineRepository::resolve(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE quarantine SET resolved = 1 WHERE id = ?"));
    q.bind(id).exec();
}

} // namespace waybill::storage
