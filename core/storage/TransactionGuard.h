// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::storage {

class Database;

/// RAII transaction: begins in the constructor, rolls back in the destructor unless commit() was called.
/// Guards nest: inside another guard on the same connection, one is a savepoint, so an inner failure undoes only
/// its own work (bulk imports batch many messages into one transaction this way). Throws StorageError when the
/// transaction cannot begin or commit.
class TransactionGuard final {
public:
    explicit TransactionGuard(const Database &database);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    void commit();

private:
    QString savepointName(const QString &verb) const;

    const Database &m_database;
    int m_depth = 0;
    bool m_done = false;
};

} // namespace waybill::storage
