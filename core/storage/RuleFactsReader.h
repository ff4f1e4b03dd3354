// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/RuleFacts.h"

#include <QList>

namespace waybill::storage {

class Database;

/// Gathers the facts the rules decide on for every active shipment in one set-based query (no per-shipment
/// round trips): the order, its customer (e-mail, phone, SMS consent, preferred channel), its newest conversation
/// and whether the customer waits for an answer there, its returns and claims, the tags of its conversations and
/// what rules already did to it. Active: not yet delivered or returned, or finished within ActiveDays.
class RuleFactsReader final {
public:
    static constexpr int ActiveDays = 60;

    explicit RuleFactsReader(const Database &database);

    /// Ordered by shipment id. Throws StorageError.
    QList<domain::RuleFacts> activeShipments(qint64 now) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
