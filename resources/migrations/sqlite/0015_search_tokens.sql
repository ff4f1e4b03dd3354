-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- CJK bigrams are indexed as '|' and base-36 digits (SearchText): '|' becomes a token character. The indexes are
-- contentless, so they are rebuilt from the messages and customers after this migration (the maintenance task).
DROP TABLE message_fts;
--;
CREATE VIRTUAL TABLE message_fts USING fts5(body, content='',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '|'");
--;
DROP TABLE customer_fts;
--;
CREATE VIRTUAL TABLE customer_fts USING fts5(body, content='',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '|'");
--;
-- Work that must run once after a migration, in code; each row is removed when its work is done.
CREATE TABLE maintenance (task TEXT PRIMARY KEY);
--;
INSERT INTO maintenance (task) VALUES ('rebuild_search_index');
