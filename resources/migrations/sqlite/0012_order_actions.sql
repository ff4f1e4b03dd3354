-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Roles decide who may refund, cancel or resend an order; order actions keep their idempotency key from before the
-- request is sent, so that a retry after a crash or a timeout re-sends the same key and never acts twice.

-- role: agent, supervisor, admin
ALTER TABLE agents ADD COLUMN role TEXT NOT NULL DEFAULT 'agent';
--;
-- kind: refund, cancel, resend. state: pending (stored, maybe sent, answer not yet stored), done, failed.
-- amount_cents: the refund, or the order's total for cancel and resend. result_id: the store's refund or new
-- order id once done.
CREATE TABLE order_actions (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
    agent_id INTEGER REFERENCES agents(id),
    kind TEXT NOT NULL,
    amount_cents INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    result_id TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
--;
CREATE INDEX order_actions_pending ON order_actions(order_id) WHERE state = 'pending';
