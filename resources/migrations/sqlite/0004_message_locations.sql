-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Where each received e-mail lives on its server (account, folder, UIDVALIDITY, UID) and whether it is \Seen
-- there, so that reading a conversation in Waybill marks its mail read on the server and mail read in another
-- client marks the conversation read here. A message can live in several places (the same mail in two folders,
-- or again under a new UIDVALIDITY).
CREATE TABLE message_locations (
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    account TEXT NOT NULL,
    mailbox TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid INTEGER NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account, mailbox, uidvalidity, uid)
);
--;
CREATE INDEX message_locations_message ON message_locations(message_id);
