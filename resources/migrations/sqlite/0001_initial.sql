-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Initial schema. Times are UTC seconds since the epoch; money is integer minor units (cents).
-- Statements are separated by a line holding only "--;" so that trigger bodies may contain semicolons.

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
--;
CREATE TABLE agents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    team_id INTEGER REFERENCES teams(id)
);
--;
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    first_name TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
--;
-- kind: email, phone, amazon, ebay, chat
CREATE TABLE identities (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    UNIQUE (kind, value)
);
--;
CREATE INDEX identities_customer ON identities(customer_id);
--;
CREATE INDEX identities_value ON identities(value);
--;
-- source: shopify, amazon, ebay
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    number TEXT NOT NULL,
    customer_id INTEGER REFERENCES customers(id),
    placed_at INTEGER NOT NULL,
    currency TEXT NOT NULL,
    subtotal_cents INTEGER NOT NULL DEFAULT 0,
    shipping_cents INTEGER NOT NULL DEFAULT 0,
    tax_cents INTEGER NOT NULL DEFAULT 0,
    total_cents INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'paid',
    UNIQUE (source, number)
);
--;
CREATE INDEX orders_number ON orders(number);
--;
CREATE INDEX orders_customer ON orders(customer_id, placed_at);
--;
CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    sku TEXT NOT NULL,
    title TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_price_cents INTEGER NOT NULL
);
--;
CREATE INDEX order_lines_order ON order_lines(order_id);
--;
-- status: the normalised tracking status (pre_transit, in_transit, out_for_delivery, available_for_pickup,
-- delivered, failed_attempt, exception, return_to_sender, unknown); late is derived from expected_at.
CREATE TABLE shipments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    carrier TEXT NOT NULL,
    service TEXT NOT NULL DEFAULT '',
    tracking_number TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'unknown',
    shipped_at INTEGER,
    expected_at INTEGER,
    delivered_at INTEGER,
    updated_at INTEGER NOT NULL
);
--;
CREATE INDEX shipments_order ON shipments(order_id);
--;
CREATE INDEX shipments_tracking ON shipments(tracking_number);
--;
CREATE TABLE tracking_events (
    id INTEGER PRIMARY KEY,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    occurred_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL DEFAULT ''
);
--;
CREATE INDEX tracking_events_shipment ON tracking_events(shipment_id, occurred_at);
--;
-- state: requested, approved, rejected, label_sent, in_transit, received, inspected, refunded, exchanged,
-- store_credit, closed
CREATE TABLE returns (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    amount_cents INTEGER NOT NULL DEFAULT 0,
    return_tracking TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
--;
CREATE INDEX returns_order ON returns(order_id);
--;
CREATE TABLE return_events (
    id INTEGER PRIMARY KEY,
    return_id INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    occurred_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
--;
CREATE INDEX return_events_return ON return_events(return_id, occurred_at);
--;
-- kind: lost, damaged, late. state: opened, evidence, filed, approved, denied, paid, closed
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    shipment_id INTEGER REFERENCES shipments(id),
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    claim_number TEXT NOT NULL DEFAULT '',
    amount_cents INTEGER NOT NULL DEFAULT 0,
    filing_deadline INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
--;
CREATE INDEX claims_order ON claims(order_id);
--;
CREATE TABLE claim_events (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    occurred_at INTEGER NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
--;
CREATE INDEX claim_events_claim ON claim_events(claim_id, occurred_at);
--;
-- A conversation carries denormalised copies of what its list row shows (customer name, order number, tracking
-- status, return and claim state) so that a page of the inbox is one index range scan with no joins.
-- status: open, waiting, snoozed, closed. channel: email, sms, chat, amazon, ebay.
-- due_at is the earlier of market_due_at and sla_due_at, or 253402300799 (year 9999) when nothing is owed, so that
-- sorting by deadline needs no NULL handling.
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    preview TEXT NOT NULL DEFAULT '',
    customer_id INTEGER REFERENCES customers(id),
    customer_name TEXT NOT NULL DEFAULT '',
    order_id INTEGER REFERENCES orders(id),
    order_number TEXT NOT NULL DEFAULT '',
    tracking_status TEXT NOT NULL DEFAULT '',
    delivery_problem INTEGER NOT NULL DEFAULT 0,
    return_state TEXT NOT NULL DEFAULT '',
    return_active INTEGER NOT NULL DEFAULT 0,
    claim_state TEXT NOT NULL DEFAULT '',
    claim_active INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',
    snoozed_until INTEGER,
    assignee_id INTEGER REFERENCES agents(id),
    team_id INTEGER REFERENCES teams(id),
    unread INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    last_activity INTEGER NOT NULL,
    market_due_at INTEGER,
    sla_due_at INTEGER,
    due_at INTEGER NOT NULL DEFAULT 253402300799,
    link_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
--;
CREATE INDEX conv_status_activity ON conversations(status, last_activity, id);
--;
CREATE INDEX conv_status_due ON conversations(status, due_at, id);
--;
CREATE INDEX conv_assignee_activity ON conversations(assignee_id, status, last_activity, id);
--;
CREATE INDEX conv_assignee_due ON conversations(assignee_id, status, due_at, id);
--;
CREATE INDEX conv_channel_activity ON conversations(channel, status, last_activity, id);
--;
CREATE INDEX conv_channel_due ON conversations(channel, status, due_at, id);
--;
CREATE INDEX conv_delivery_activity ON conversations(last_activity, id) WHERE delivery_problem = 1 AND status <> 'closed';
--;
CREATE INDEX conv_delivery_due ON conversations(due_at, id) WHERE delivery_problem = 1 AND status <> 'closed';
--;
CREATE INDEX conv_returns_activity ON conversations(last_activity, id) WHERE return_active = 1;
--;
CREATE INDEX conv_returns_due ON conversations(due_at, id) WHERE return_active = 1;
--;
CREATE INDEX conv_claims_activity ON conversations(last_activity, id) WHERE claim_active = 1;
--;
CREATE INDEX conv_claims_due ON conversations(due_at, id) WHERE claim_active = 1;
--;
CREATE INDEX conv_customer ON conversations(customer_id);
--;
CREATE INDEX conv_order ON conversations(order_id);
--;
CREATE INDEX conv_snoozed ON conversations(snoozed_until) WHERE status = 'snoozed';
--;
-- direction: in, out, note. delivery: received, queued, sent, failed
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    direction TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    agent_id INTEGER REFERENCES agents(id),
    body_text TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    delivery TEXT NOT NULL DEFAULT 'received',
    external_id TEXT,
    error TEXT NOT NULL DEFAULT ''
);
--;
CREATE INDEX messages_conversation ON messages(conversation_id, created_at);
--;
CREATE UNIQUE INDEX messages_external ON messages(external_id) WHERE external_id IS NOT NULL;
--;
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);
--;
CREATE INDEX attachments_message ON attachments(message_id);
--;
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
--;
CREATE TABLE conversation_tags (
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, tag_id)
);
--;
CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL
);
--;
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    agent_id INTEGER REFERENCES agents(id),
    conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
--;
CREATE INDEX audit_conversation ON audit_log(conversation_id, at);
--;
-- state: pending, sending, done, failed
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
--;
CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
--;
CREATE TABLE sync_state (
    account TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (account, key)
);
--;
-- Live view counters, kept by the triggers below in the same transaction as every change.
-- Keys: status:<s>, unassigned, assignee:<id>, channel:<c>, delivery, returns, claims.
CREATE TABLE view_counters (
    key TEXT PRIMARY KEY,
    n INTEGER NOT NULL
);
--;
CREATE TRIGGER conv_count_insert AFTER INSERT ON conversations
BEGIN
    INSERT INTO view_counters(key, n)
    SELECT k, 1 FROM (
        SELECT 'status:' || NEW.status AS k
        UNION ALL SELECT CASE WHEN NEW.status = 'open' AND NEW.assignee_id IS NULL THEN 'unassigned' END
        UNION ALL SELECT CASE WHEN NEW.status = 'open' AND NEW.assignee_id IS NOT NULL
                              THEN 'assignee:' || NEW.assignee_id END
        UNION ALL SELECT CASE WHEN NEW.status = 'open' THEN 'channel:' || NEW.channel END
        UNION ALL SELECT CASE WHEN NEW.delivery_problem = 1 AND NEW.status <> 'closed' THEN 'delivery' END
        UNION ALL SELECT CASE WHEN NEW.return_active = 1 THEN 'returns' END
        UNION ALL SELECT CASE WHEN NEW.claim_active = 1 THEN 'claims' END
    ) WHERE k IS NOT NULL
    ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;
--;
CREATE TRIGGER conv_count_delete AFTER DELETE ON conversations
BEGIN
    UPDATE view_counters SET n = n - 1 WHERE key IN (
        'status:' || OLD.status,
        CASE WHEN OLD.status = 'open' AND OLD.assignee_id IS NULL THEN 'unassigned' END,
        CASE WHEN OLD.status = 'open' AND OLD.assignee_id IS NOT NULL THEN 'assignee:' || OLD.assignee_id END,
        CASE WHEN OLD.status = 'open' THEN 'channel:' || OLD.channel END,
        CASE WHEN OLD.delivery_problem = 1 AND OLD.status <> 'closed' THEN 'delivery' END,
        CASE WHEN OLD.return_active = 1 THEN 'returns' END,
        CASE WHEN OLD.claim_active = 1 THEN 'claims' END);
END;
--;
CREATE TRIGGER conv_count_update
AFTER UPDATE OF status, assignee_id, channel, delivery_problem, return_active, claim_active ON conversations
BEGIN
    UPDATE view_counters SET n = n - 1 WHERE key IN (
        'status:' || OLD.status,
        CASE WHEN OLD.status = 'open' AND OLD.assignee_id IS NULL THEN 'unassigned' END,
        CASE WHEN OLD.status = 'open' AND OLD.assignee_id IS NOT NULL THEN 'assignee:' || OLD.assignee_id END,
        CASE WHEN OLD.status = 'open' THEN 'channel:' || OLD.channel END,
        CASE WHEN OLD.delivery_problem = 1 AND OLD.status <> 'closed' THEN 'delivery' END,
        CASE WHEN OLD.return_active = 1 THEN 'returns' END,
        CASE WHEN OLD.claim_active = 1 THEN 'claims' END);
    INSERT INTO view_counters(key, n)
    SELECT k, 1 FROM (
        SELECT 'status:' || NEW.status AS k
        UNION ALL SELECT CASE WHEN NEW.status = 'open' AND NEW.assignee_id IS NULL THEN 'unassigned' END
        UNION ALL SELECT CASE WHEN NEW.status = 'open' AND NEW.assignee_id IS NOT NULL
                              THEN 'assignee:' || NEW.assignee_id END
        UNION ALL SELECT CASE WHEN NEW.status = 'open' THEN 'channel:' || NEW.channel END
        UNION ALL SELECT CASE WHEN NEW.delivery_problem = 1 AND NEW.status <> 'closed' THEN 'delivery' END
        UNION ALL SELECT CASE WHEN NEW.return_active = 1 THEN 'returns' END
        UNION ALL SELECT CASE WHEN NEW.claim_active = 1 THEN 'claims' END
    ) WHERE k IS NOT NULL
    ON CONFLICT(key) DO UPDATE SET n = n + 1;
END;
--;
-- Full-text search over message text. The indexed text is prepared by SearchText: CJK runs are split into
-- overlapping bigrams so that a two-character word such as 配送 finds 配送状況. Rowid is the message id, so
-- newest-first pages read the index backwards.
CREATE VIRTUAL TABLE message_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
--;
-- Customers by name and identity (email, phone, buyer id); rowid is the customer id.
CREATE VIRTUAL TABLE customer_fts USING fts5(body, content='', tokenize='unicode61 remove_diacritics 2');
