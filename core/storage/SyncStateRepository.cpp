// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncStateRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

SyncStateRepository::SyncStateRepository(const Database &database)
    : m_database(database)
{
}

QString SyncStateRepository::value(const QString &account, const QString &key, const QString &fallback) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT value FROM sync_state WHERE account = ? AND key = ?"));
    q.bind(account).bind(key).exec();
    return q.next() ? q.text(0) : fallback;
}

void SyncStateRepository::setValue(const QString &account, const QString &key, const QString &value) const
{
    SqlQuery &q
        = m_database.prepared(QStringLiteral("INSERT INTO sync_state (account, key, value) VALUES (?, ?, ?) "
                                             "ON CONFLICT (account, key) DO UPDATE SET value = excluded.value"));
    q.bind(account).bind(key).bind(value).exec();
}

} // namespace waybill::storage
