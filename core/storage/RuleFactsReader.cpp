// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RuleFactsReader.h"

#include "Database.h"
#include "SqlQuery.h"

namespace waybill::storage {

namespace {

// Each CTE reads its table once, grouped by order; the main SELECT joins them to the active shipments. SQLite
// materialises the groups and probes them by order id, so the cost grows linearly with the shipments. Bare columns
// next to a single max() come from the row holding that maximum (SQLite's documented rule).
const QString FactsSql = QStringLiteral(R"SQL(
WITH
  latest_conv AS (SELECT order_id, max(id) AS id FROM conversations WHERE order_id IS NOT NULL GROUP BY order_id),
  open_conv AS (SELECT DISTINCT order_id FROM conversations WHERE order_id IS NOT NULL AND status <> 'closed'),
  latest_return AS (SELECT order_id, max(updated_at) AS at, state FROM returns GROUP BY order_id),
  active_return AS (SELECT DISTINCT order_id FROM returns WHERE state NOT IN ('rejected', 'closed')),
  latest_claim AS (SELECT order_id, max(updated_at) AS at, state FROM claims GROUP BY order_id),
  active_claim AS (SELECT DISTINCT order_id FROM claims WHERE state NOT IN ('denied', 'paid', 'closed')),
  order_tags AS (
    SELECT c.order_id, group_concat(t.name, ',') AS names
    FROM conversations c JOIN conversation_tags ct ON ct.conversation_id = c.id JOIN tags t ON t.id = ct.tag_id
    WHERE c.order_id IS NOT NULL GROUP BY c.order_id),
  fired AS (
    SELECT order_id, group_concat(rule_id, ',') AS rules, max(messaged) AS messaged, max(review) AS review
    FROM rule_firings GROUP BY order_id),
  reach AS (
    SELECT customer_id, max(kind = 'email') AS email, max(kind = 'phone') AS phone FROM identities
    GROUP BY customer_id)
SELECT s.id, s.order_id, o.number, o.source, o.total_cents,
       coalesce(o.customer_id, 0), coalesce(cu.name, ''), coalesce(reach.email, 0), coalesce(reach.phone, 0),
       coalesce(cu.sms_consent, 0), coalesce(cu.preferred_channel, ''),
       s.status, s.updated_at, coalesce(s.delivered_at, 0), coalesce(nullif(s.late_after, 0), s.expected_at, 0),
       coalesce(lc.id, 0), coalesce(lc.channel, ''), open_conv.order_id IS NOT NULL,
       CASE WHEN lc.id IS NOT NULL AND lc.status <> 'closed' THEN
         (SELECT CASE WHEN m.direction = 'in' THEN m.created_at ELSE 0 END FROM messages m
          WHERE m.conversation_id = lc.id AND m.direction <> 'note' ORDER BY m.created_at DESC, m.id DESC LIMIT 1)
       ELSE 0 END,
       coalesce(lr.state, ''), coalesce(lr.at, 0), active_return.order_id IS NOT NULL,
       coalesce(lcl.state, ''), coalesce(lcl.at, 0), active_claim.order_id IS NOT NULL,
       coalesce(order_tags.names, ''), coalesce(fired.rules, ''), coalesce(fired.messaged, 0),
       coalesce(fired.review, 0)
FROM shipments s
JOIN orders o ON o.id = s.order_id
LEFT JOIN customers cu ON cu.id = o.customer_id
LEFT JOIN reach ON reach.customer_id = o.customer_id
LEFT JOIN latest_conv ON latest_conv.order_id = s.order_id
LEFT JOIN conversations lc ON lc.id = latest_conv.id
LEFT JOIN open_conv ON open_conv.order_id = s.order_id
LEFT JOIN latest_return lr ON lr.order_id = s.order_id
LEFT JOIN active_return ON active_return.order_id = s.order_id
LEFT JOIN latest_claim lcl ON lcl.order_id = s.order_id
LEFT JOIN active_claim ON active_claim.order_id = s.order_id
LEFT JOIN order_tags ON order_tags.order_id = s.order_id
LEFT JOIN fired ON fired.order_id = s.order_id
WHERE s.status NOT IN ('delivered', 'return_to_sender') OR coalesce(s.delivered_at, s.updated_at) >= ?
ORDER BY s.id
)SQL");

QList<qint64> ids(const QString &list)
{
    QList<qint64> result;
    for (const QStringView id : QStringView(list).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        result.append(id.toLongLong());
    }
    return result;
}

} // namespace

RuleFactsReader::RuleFactsReader(const Database &database)
    : m_database(database)
{
}

QList<domain::RuleFacts> RuleFactsReader::activeShipments(qint64 now) const
{
    SqlQuery q(m_database, FactsSql);
    q.bind(now - qint64(ActiveDays) * 24 * 3600).exec();
    QList<domain::RuleFacts> facts;
    while (q.next()) {
        domain::RuleFacts f;
        f.shipmentId = q.int64(0);
        f.orderId = q.int64(1);
        f.orderNumber = q.text(2);
        f.orderSource = q.text(3);
        f.orderTotalCents = q.int64(4);
        f.customerId = q.int64(5);
        f.customerName = q.text(6);
        f.hasEmail = q.int64(7) != 0;
        f.hasPhone = q.int64(8) != 0;
        f.smsConsent = q.int64(9) != 0;
        f.preferredChannel = q.text(10);
        f.status = domain::trackingStatusFromKey(q.text(11));
        f.statusAt = q.int64(12);
        f.deliveredAt = q.int64(13);
        f.lateAt = q.int64(14);
        f.conversationId = q.int64(15);
        f.conversationChannel = q.text(16);
        f.conversationOpen = q.int64(17) != 0;
        f.awaitingReplySince = q.int64(18);
        f.returnState = q.text(19);
        f.returnAt = q.int64(20);
        f.returnActive = q.int64(21) != 0;
        f.claimState = q.text(22);
        f.claimAt = q.int64(23);
        f.claimActive = q.int64(24) != 0;
        const QString tags = q.text(25);
        if (!tags.isEmpty()) {
            f.tags = tags.split(QLatin1Char(','));
        }
        const QString fired = q.text(26);
        if (!fired.isEmpty()) {
            f.firedRules = ids(fired);
        }
        f.messaged = q.int64(27) != 0;
        f.reviewRequested = q.int64(28) != 0;
        facts.append(std::move(f));
    }
    return facts;
}

} // namespace waybill::storage
