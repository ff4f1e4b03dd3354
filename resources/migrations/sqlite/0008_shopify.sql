-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Orders synchronised from a store (Shopify first): the account they came from and the store's own ids, so
-- that every later sync updates the same rows instead of adding new ones; refunds with their amounts.

ALTER TABLE orders ADD COLUMN account TEXT NOT NULL DEFAULT '';
--;
ALTER TABLE orders ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
--;
-- When the store last changed the order (epoch seconds), 0 when not known.
ALTER TABLE orders ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
--;
ALTER TABLE orders ADD COLUMN refunded_cents INTEGER NOT NULL DEFAULT 0;
--;
ALTER TABLE order_lines ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
--;
-- The store's fulfillment id; one fulfillment with several tracking numbers is one shipment per number.
ALTER TABLE shipments ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
--;
CREATE UNIQUE INDEX shipments_external ON shipments(order_id, external_id, tracking_number) WHERE external_id <> '';
--;
CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (order_id, external_id)
);
