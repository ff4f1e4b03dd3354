-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Returns and delivery claims worked from a conversation: what a return takes back (order line and quantity),
-- what was refunded, which of the conversation's attachments are a claim's evidence, the remedy the customer got,
-- and the conversation each was opened from. Plus the templates agents are offered at each step.
CREATE TABLE return_items (
    id INTEGER PRIMARY KEY,
    return_id INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    order_line_id INTEGER REFERENCES order_lines(id),
    sku TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    quantity INTEGER NOT NULL
);
--;
CREATE INDEX return_items_return ON return_items(return_id);
--;
ALTER TABLE returns ADD COLUMN refund_cents INTEGER NOT NULL DEFAULT 0;
--;
ALTER TABLE returns ADD COLUMN conversation_id INTEGER REFERENCES conversations(id);
--;
-- remedy: '', reship, refund
ALTER TABLE claims ADD COLUMN remedy TEXT NOT NULL DEFAULT '';
--;
ALTER TABLE claims ADD COLUMN conversation_id INTEGER REFERENCES conversations(id);
--;
CREATE TABLE claim_evidence (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    attachment_id INTEGER NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, attachment_id)
);
--;
INSERT OR IGNORE INTO templates (name, body) VALUES
    ('Return approved', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'Your return for order {{order.number}} is approved. We will send you the return label shortly.' || char(10) || char(10) || '{{agent.name}}'),
    ('Return rejected', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'I am sorry, we cannot accept a return for order {{order.number}}.' || char(10) || char(10) || '{{agent.name}}'),
    ('Return label sent', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'Here is the return label for order {{order.number}}. Please send the parcel within 14 days.' || char(10) || char(10) || '{{agent.name}}'),
    ('Return received', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'We have received your return for order {{order.number}} and will check it within two working days.' || char(10) || char(10) || '{{agent.name}}'),
    ('Refund issued', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'Your refund for order {{order.number}} is on its way; banks usually show it within 5 to 10 days.' || char(10) || char(10) || '{{agent.name}}'),
    ('Exchange sent', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'Your exchange for order {{order.number}} is on its way.' || char(10) || char(10) || '{{agent.name}}'),
    ('Store credit issued', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'We have added store credit for order {{order.number}} to your account.' || char(10) || char(10) || '{{agent.name}}'),
    ('Claim opened', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'I am sorry about your parcel for order {{order.number}}. We have opened a claim with {{shipment.carrier}} and will keep you posted.' || char(10) || char(10) || '{{agent.name}}'),
    ('Claim settled', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'Our claim with {{shipment.carrier}} for order {{order.number}} is settled.' || char(10) || char(10) || '{{agent.name}}');
