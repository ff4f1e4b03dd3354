-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Tracking refresh: when a tracking provider was last asked about a shipment (epoch seconds; NULL: never), so the
-- refresh scheduler can space its requests.
ALTER TABLE shipments ADD COLUMN tracking_checked_at INTEGER;
