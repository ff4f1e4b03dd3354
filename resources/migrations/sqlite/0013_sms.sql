-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- SMS opt-outs: a customer who texted STOP (UNSUBSCRIBE, CANCEL, END, QUIT, STOPALL) to one of our numbers is
-- never sent SMS from it again until they text START (YES, UNSTOP), which deletes the row. phone is E.164;
-- account is the Twilio account's id ("sms:+1…"); keyword is the word the customer sent, for the agent.
CREATE TABLE sms_opt_outs (
    account TEXT NOT NULL,
    phone TEXT NOT NULL,
    keyword TEXT NOT NULL,
    opted_out_at INTEGER NOT NULL,
    PRIMARY KEY (account, phone)
);
--;
-- The pictures and files of incoming MMS, downloaded from Twilio after their message is stored: 'pending' until
-- they are attachments of the message ('done'), 'failed' with the reason when Twilio would not give them.
CREATE TABLE sms_media (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    account TEXT NOT NULL,
    url TEXT NOT NULL,
    content_type TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT NOT NULL DEFAULT ''
);
--;
CREATE INDEX sms_media_pending ON sms_media(account, state);
