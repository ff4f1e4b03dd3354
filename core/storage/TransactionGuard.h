// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace waybill::storage {

class Database;

/// RAII transaction: begins in the constructor, rolls back in the destructor unless commit() was called.
/// Throws StorageError when the transaction cannot begin or commit.
class TransactionGuard final {
public:
    explicit TransactionGuard(const Database &database);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    void commit();

private:
    const Database &m_database;
    bool m_done = false;
};

} // namespace waybill::storage
