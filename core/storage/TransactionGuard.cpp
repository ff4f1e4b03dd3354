// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransactionGuard.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QSqlError>

namespace waybill::storage {

TransactionGuard::TransactionGuard(const Database &database)
    : m_database(database)
{
    // BEGIN IMMEDIATE takes the write lock up front, so a busy workspace fails here rather than half way through.
    m_database.execute(QStringLiteral("BEGIN IMMEDIATE"));
}

TransactionGuard::~TransactionGuard()
{
    if (!m_done) {
        QSqlQuery rollback(m_database.connection());
        rollback.exec(QStringLiteral("ROLLBACK"));
    }
}

void TransactionGuard::commit()
{
    m_database.execute(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace waybill::storage
