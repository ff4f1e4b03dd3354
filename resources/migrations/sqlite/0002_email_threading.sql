-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Threading and ingest: every e-mail Message-ID we have seen (received or sent) points at its conversation, so
-- that replies join the right conversation; messages remember how they were threaded; mail that cannot be
-- parsed is kept in quarantine with its raw bytes.

ALTER TABLE messages ADD COLUMN message_id TEXT NOT NULL DEFAULT '';
--;
ALTER TABLE messages ADD COLUMN thread_reason TEXT NOT NULL DEFAULT '';
--;
ALTER TABLE messages ADD COLUMN account TEXT NOT NULL DEFAULT '';
--;
ALTER TABLE messages ADD COLUMN is_auto_reply INTEGER NOT NULL DEFAULT 0;
--;
-- One row per Message-ID (without angle brackets) and conversation.
CREATE TABLE message_ids (
    message_id TEXT NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    message_row INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    PRIMARY KEY (message_id, conversation_id)
);
--;
CREATE INDEX message_ids_conversation ON message_ids(conversation_id);
--;
-- Outlook's Thread-Index: the first 22 bytes (base64: 30 characters) name the thread.
CREATE TABLE thread_indexes (
    thread_root TEXT PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE
);
--;
-- The normalised subject ("where is my order #1001") for subject + customer threading.
ALTER TABLE conversations ADD COLUMN thread_subject TEXT NOT NULL DEFAULT '';
--;
CREATE INDEX conv_customer_subject ON conversations(customer_id, thread_subject, last_activity);
--;
CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    reason TEXT NOT NULL,
    raw_sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0
);
--;
CREATE INDEX quarantine_open ON quarantine(resolved, received_at);
