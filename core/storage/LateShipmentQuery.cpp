// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LateShipmentQuery.h"

#include "Database.h"
#include "SqlQuery.h"
#include "commerce/ShipmentRisk.h"

#include <algorithm>

namespace waybill::storage {

namespace {

// The candidates: not delivered nor returned, and late, stale or in exception (ShipmentRisk, in SQL). The last
// scan and the last event come from tracking_events(shipment_id, occurred_at); the conversation from conv_order.
const char *const CandidatesSql = R"(
WITH candidates AS (
    SELECT s.id, s.order_id, s.carrier, s.tracking_number, s.status, coalesce(s.shipped_at, 0) AS shipped_at,
           coalesce(s.expected_at, 0) AS expected_at, coalesce(s.late_after, 0) AS late_after,
           (SELECT max(e.occurred_at) FROM tracking_events e WHERE e.shipment_id = s.id) AS last_scan
    FROM shipments s
    WHERE s.delivered_at IS NULL AND s.status <> 'delivered'
)
SELECT c.id, c.order_id, o.number, o.total_cents, o.currency, coalesce(o.customer_id, 0), coalesce(cu.name, ''),
       c.carrier, c.tracking_number, c.status, c.shipped_at, c.expected_at, c.late_after, coalesce(c.last_scan, 0),
       (SELECT CASE WHEN e.message <> '' THEN e.message ELSE e.location END FROM tracking_events e
         WHERE e.shipment_id = c.id ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1),
       (SELECT v.id FROM conversations v WHERE v.order_id = c.order_id ORDER BY v.last_activity DESC, v.id DESC
         LIMIT 1),
       EXISTS (SELECT 1 FROM conversations v JOIN messages m ON m.conversation_id = v.id
                WHERE v.order_id = c.order_id AND m.direction = 'in')
FROM candidates c
JOIN orders o ON o.id = c.order_id
LEFT JOIN customers cu ON cu.id = o.customer_id
WHERE c.status IN ('exception', 'failed_attempt', 'return_to_sender')
   OR (CASE WHEN c.late_after > 0 THEN c.late_after ELSE c.expected_at END) BETWEEN 1 AND ? - 1
   OR (c.expected_at BETWEEN 1 AND ? - 1
       AND (CASE WHEN coalesce(c.last_scan, 0) > 0 THEN c.last_scan ELSE c.shipped_at END) < ?)
)";

} // namespace

LateShipmentQuery::LateShipmentQuery(const Database &database)
    : m_database(database)
{
}

QList<domain::LateShipment> LateShipmentQuery::list(qint64 now, int staleDays, int limit) const
{
    SqlQuery q(m_database, QString::fromLatin1(CandidatesSql));
    q.bind(now).bind(now).bind(now - staleDays * commerce::ShipmentRisk::Day).exec();
    QList<domain::LateShipment> rows;
    while (q.next()) {
        domain::LateShipment row;
        row.shipmentId = q.int64(0);
        row.orderId = q.int64(1);
        row.orderNumber = q.text(2);
        row.orderTotalCents = q.int64(3);
        row.currency = q.text(4);
        row.customerId = q.int64(5);
        row.customerName = q.text(6);
        row.carrier = q.text(7);
        row.trackingNumber = q.text(8);
        row.status = domain::trackingStatusFromKey(q.text(9));
        row.shippedAt = q.int64(10);
        row.expectedAt = q.int64(11);
        row.lateAfter = q.int64(12);
        row.lastEventAt = q.int64(13);
        row.lastEvent = q.text(14);
        row.conversationId = q.int64(15);
        row.customerWrote = q.int64(16) != 0;
        const commerce::ShipmentRisk risk { row.status, row.shippedAt, row.expectedAt, row.lateAfter, row.lastEventAt,
            row.orderTotalCents, row.customerWrote };
        row.riskScore = risk.score(now, staleDays);
        if (row.riskScore > 0) {
            rows.append(row);
        }
    }
    std::sort(rows.begin(), rows.end(), [](const domain::LateShipment &a, const domain::LateShipment &b) {
        if (a.riskScore != b.riskScore) {
            return a.riskScore > b.riskScore;
        }
        const qint64 aLate = a.lateAfter > 0 ? a.lateAfter : a.expectedAt;
        const qint64 bLate = b.lateAfter > 0 ? b.lateAfter : b.expectedAt;
        return aLate != bLate ? aLate < bLate : a.shipmentId < b.shipmentId;
    });
    if (limit >= 0 && rows.size() > limit) {
        rows.resize(limit);
    }
    return rows;
}

qint64 LateShipmentQuery::count(qint64 now, int staleDays) const
{
    return list(now, staleDays, -1).size();
}

} // namespace waybill::storage
