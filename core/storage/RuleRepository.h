// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Rule.h"

#include <QList>
#include <QString>

#include <optional>

namespace waybill::storage {

class Database;

/// The proactive rules (`rules`) and the record of which rule acted on which order (`rule_firings`).
/// Used on any one connection's thread; throws StorageError.
class RuleRepository final {
public:
    explicit RuleRepository(const Database &database);

    /// Every rule, by name.
    QList<domain::Rule> all() const;
    std::optional<domain::Rule> find(qint64 id) const;
    /// Stores a new rule (created_at/updated_at from the rule) and returns its id. Throws Invalid for a rule without
    /// a name.
    qint64 insert(const domain::Rule &rule) const;
    /// Rewrites rule `rule.id`; throws NotFound when it is gone.
    void update(const domain::Rule &rule) const;
    void setEnabled(qint64 id, bool enabled, qint64 now) const;
    bool remove(qint64 id) const;

    /// Records that `ruleId` acted on `orderId`; false (and nothing written) when it already had.
    bool recordFiring(qint64 ruleId, qint64 orderId, qint64 at) const;
    /// What the firing did, once its actions ran.
    void setFiringOutcome(
        qint64 ruleId, qint64 orderId, qint64 conversationId, bool messaged, bool review, const QString &outcome) const;
    /// The outcome stored for a firing, or nothing when the rule has not acted on the order.
    std::optional<QString> firingOutcome(qint64 ruleId, qint64 orderId) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
