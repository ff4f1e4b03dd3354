-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Live chat: one row per visitor session of a chat account. The session id is random and kept by the visitor's
-- browser; its conversation holds every message of the session. What the visitor told us about themselves is kept
-- here too (the e-mail address also becomes an identity of the customer). last_seen_at is when the visitor's
-- widget was last connected, so that replies to a visitor who left can go out by e-mail.
CREATE TABLE chat_sessions (
    account TEXT NOT NULL,
    session TEXT NOT NULL,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    visitor_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    order_number TEXT NOT NULL DEFAULT '',
    page TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    PRIMARY KEY (account, session)
);
--;
CREATE INDEX chat_sessions_conversation ON chat_sessions(conversation_id);
