-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Orders from WooCommerce and Amazon: where an order ships (state or region and country, as the store gives it),
-- and the store's notes on an order (WooCommerce's order notes: staff and system notes, some sent to the customer).

ALTER TABLE orders ADD COLUMN shipping_region TEXT NOT NULL DEFAULT '';
--;
CREATE TABLE order_notes (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    external_id TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    to_customer INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (order_id, external_id)
);
