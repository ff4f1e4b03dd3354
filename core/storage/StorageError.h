// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <stdexcept>

namespace waybill::storage {

/// A failure of the workspace or its database, classified so that the user can be told what to do.
/// `userMessage()` is a complete sentence for people; `what()` carries the technical detail for logs.
class StorageError final : public std::runtime_error {
public:
    enum class Kind {
        Corrupt, ///< the database file is damaged or not a database
        NewerSchema, ///< written by a newer Waybill
        ReadOnly, ///< the folder or file cannot be written
        DiskFull, ///< no space left; the transaction was rolled back
        Busy, ///< another process holds the write lock for too long
        Conflict, ///< someone else changed the row first (optimistic concurrency)
        NotFound,
        Invalid, ///< a request that makes no sense (unknown agent, bad state)
        Other,
    };

    StorageError(Kind kind, const QString &userMessage, const QString &detail = {});

    Kind kind() const { return m_kind; }
    QString userMessage() const { return m_userMessage; }
    QString detail() const { return m_detail; }

private:
    Kind m_kind;
    QString m_userMessage;
    QString m_detail;
};

} // namespace waybill::storage
