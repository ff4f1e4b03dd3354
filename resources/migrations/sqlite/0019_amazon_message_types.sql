-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The Selling Partner API Messaging type an outbox row of channel "amazon" is sent as (confirmDeliveryDetails,
-- unexpectedProblem, …): an agent chooses it among the types Amazon allows for the order. NULL means
-- unexpectedProblem, the only type the rules send, so the rows queued before this migration keep their meaning.
-- Other channels leave it NULL.
ALTER TABLE outbox ADD COLUMN message_type TEXT;
