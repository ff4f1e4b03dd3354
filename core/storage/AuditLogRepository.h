// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditEntry.h"

#include <QList>

namespace waybill::storage {

class Database;

/// The audit log: who changed what on which conversation, and when.
class AuditLogRepository final {
public:
    explicit AuditLogRepository(const Database &database);

    void record(const domain::AuditEntry &entry) const;
    /// The conversation's entries, oldest first, with agent names.
    QList<domain::AuditEntry> forConversation(qint64 conversationId) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
