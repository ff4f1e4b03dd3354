-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Mail actions the engine still has to carry out on an account's IMAP server, kept across restarts: the copy of a
-- sent reply to APPEND to the Sent folder (kind 'sent_copy': the outbox row and the exact bytes that went out) and
-- a \Seen flag to STORE (kind 'seen': folder, UIDVALIDITY, UID). A row is written before the first attempt,
-- deleted once the server has done it, and rescheduled with a growing delay after each failure.
CREATE TABLE mail_actions (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sent_copy', 'seen')),
    outbox_id INTEGER REFERENCES outbox(id) ON DELETE CASCADE,
    content BLOB,
    mailbox TEXT NOT NULL DEFAULT '',
    uidvalidity INTEGER NOT NULL DEFAULT 0,
    uid INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
--;
CREATE UNIQUE INDEX mail_actions_sent_copy ON mail_actions(outbox_id) WHERE kind = 'sent_copy';
--;
CREATE UNIQUE INDEX mail_actions_seen ON mail_actions(account, mailbox, uidvalidity, uid) WHERE kind = 'seen';
--;
CREATE INDEX mail_actions_due ON mail_actions(account, kind, next_attempt_at);
