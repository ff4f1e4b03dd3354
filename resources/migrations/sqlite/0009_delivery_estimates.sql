-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Delivery estimates: the destination region a shipment's transit time is learned for, and the dates estimated
-- from the workspace's own history where the carrier gave none. late_after is the p90 date (or the carrier's
-- date); expected_estimated is 1 when expected_at came from the history rather than the carrier.
ALTER TABLE shipments ADD COLUMN destination_region TEXT NOT NULL DEFAULT '';
--;
ALTER TABLE shipments ADD COLUMN late_after INTEGER;
--;
ALTER TABLE shipments ADD COLUMN expected_estimated INTEGER NOT NULL DEFAULT 0;
