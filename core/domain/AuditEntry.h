// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::domain {

/// One entry of the audit log: who did what to which conversation, and when.
struct AuditEntry {
    qint64 id = 0;
    qint64 at = 0;
    qint64 agentId = 0;
    QString agentName;
    qint64 conversationId = 0;
    QString action; ///< assign, status, tag, untag, link_order, unlink_order, reply, note; rule (agentId 0)
    QString detail; ///< for people: "assigned to Mia Chen"
};

} // namespace waybill::domain
