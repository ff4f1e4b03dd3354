// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/LateShipment.h"

#include <QList>

namespace waybill::storage {

class Database;

/// The late-shipments list for supervisors: every undelivered shipment that commerce::ShipmentRisk calls at risk
/// (late, stale or in exception), with its order, customer, last tracking event and the conversation about the
/// order, most urgent first (risk score, then the earliest late date, then the shipment id). One SQL statement
/// selects the candidates with everything shown (no query per row); the scores are computed in C++ from the same
/// rows so that the rule lives in one place. Read-only; on the thread that owns the Database. Throws StorageError.
class LateShipmentQuery final {
public:
    explicit LateShipmentQuery(const Database &database);

    /// At most `limit` shipments at risk at `now`; `staleDays` as in ShipmentRisk.
    QList<domain::LateShipment> list(qint64 now, int staleDays, int limit) const;
    /// How many shipments are at risk at `now` (the count shown beside the view).
    qint64 count(qint64 now, int staleDays) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
