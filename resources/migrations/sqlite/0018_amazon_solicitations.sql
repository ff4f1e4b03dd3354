-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Amazon review requests through the Selling Partner API Solicitations: one row per order, so that a review is
-- asked for once per order whichever rule asks. A rule writes the row (pending); the account's solicitation sender
-- sends it and records the answer. state: pending (to send), sent, refused (Amazon did not offer the solicitation
-- for the order, or refused the request: not eligible; never tried again), expired (Amazon's window of 5 to 30
-- days after delivery closed first), failed (given up after repeated network or server errors). detail: Amazon's
-- reason or the last error, for people. Times are epoch seconds.
CREATE TABLE amazon_solicitations (
    order_id INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
    account TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    detail TEXT NOT NULL DEFAULT '',
    requested_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
--;
CREATE INDEX amazon_solicitations_state ON amazon_solicitations(account, state);
