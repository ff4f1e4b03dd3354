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
