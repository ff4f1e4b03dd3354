-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Channel accounts (e-mail, later SMS, chat, marketplaces). The configuration is JSON without secrets:
-- passwords and tokens live in the operating system's keychain under the account id.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    config TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);
--;
-- Replies remember which account sends them and the Message-ID they go out with, so that a retry after a crash
-- reuses the same id (and the Sent folder shows whether the first try went through).
ALTER TABLE outbox ADD COLUMN account TEXT NOT NULL DEFAULT '';
--;
ALTER TABLE outbox ADD COLUMN email_message_id TEXT NOT NULL DEFAULT '';
