// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransactionGuard.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QSqlError>

namespace waybill::storage {

TransactionGuard::TransactionGuard(const Database &database)
    : m_database(database)
    , m_depth(database.m_transactionDepth)
{
    if (m_depth == 0) {
        // BEGIN IMMEDIATE takes the write lock up front, so a busy workspace fails here rather than half way.
        m_database.prepared(QStringLiteral("BEGIN IMMEDIATE")).exec();
    } else {
        m_database.prepared(savepointName(QStringLiteral("SAVEPOINT "))).exec();
    }
    ++m_database.m_transactionDepth;
}

TransactionGuard::~TransactionGuard()
{
    if (m_done) {
        return;
    }
    QSqlQuery rollback(m_database.connection());
    if (m_depth == 0) {
        rollback.exec(QStringLiteral("ROLLBACK"));
    } else {
        // Undo this level only; the enclosing transaction goes on.
        rollback.exec(savepointName(QStringLiteral("ROLLBACK TO ")));
        rollback.exec(savepointName(QStringLiteral("RELEASE ")));
    }
    --m_database.m_transactionDepth;
}

void TransactionGuard::commit()
{
    m_database.prepared(m_depth == 0 ? QStringLiteral("COMMIT") : savepointName(QStringLiteral("RELEASE "))).exec();
    m_done = true;
    --m_database.m_transactionDepth;
}

QString TransactionGuard::savepointName(const QString &verb) const
{
    return verb + QStringLiteral("level_") + QString::number(m_depth);
}

} // namespace waybill::storage
