-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- eBay buyer messages read through the Trading API (GetMemberMessages): what eBay needs to answer one, kept beside
-- the stored message. ebay_message_id: eBay's MessageID (the ParentMessageID of an AddMemberMessageRTQ answer);
-- item_id / item_title: the listing the buyer wrote about; sender_id: the buyer's eBay user id (the RecipientID of
-- the answer); message_type: eBay's (AskSellerQuestion, ResponseToASQQuestion, …); answered: 1 once eBay accepted an
-- answer to it (eBay takes one answer per question; later replies go as AddMemberMessageAAQToPartner).
CREATE TABLE ebay_messages (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    account TEXT NOT NULL,
    ebay_message_id TEXT NOT NULL,
    item_id TEXT NOT NULL DEFAULT '',
    item_title TEXT NOT NULL DEFAULT '',
    sender_id TEXT NOT NULL,
    message_type TEXT NOT NULL DEFAULT '',
    answered INTEGER NOT NULL DEFAULT 0
);
--;
CREATE UNIQUE INDEX ebay_messages_id ON ebay_messages(account, ebay_message_id);
