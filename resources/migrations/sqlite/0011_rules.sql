-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Proactive rules: what a carrier, return or claim event (or a customer left waiting) makes Waybill do before the
-- customer asks. A rule has one trigger, optional conditions and a set of actions; rule_firings records that a
-- rule acted on an order, so that each rule acts on an order once. Customers get the channel they prefer and
-- whether they agreed to SMS.

-- sms_consent: 1 when the customer agreed to receive SMS. preferred_channel: a channel key, '' for "the channel
-- they last wrote on, else e-mail".
ALTER TABLE customers ADD COLUMN sms_consent INTEGER NOT NULL DEFAULT 0;
--;
ALTER TABLE customers ADD COLUMN preferred_channel TEXT NOT NULL DEFAULT '';
--;
-- trigger: status_changed (trigger_state is a tracking status), late, delivered (trigger_amount days after),
-- return_step and claim_step (trigger_state is the workflow state), no_reply (trigger_amount hours).
-- cond_*: '' / 0 / -1 mean "any". quiet_start/quiet_end: minutes after local midnight, -1 without quiet hours.
-- act_template: the template sent (by name), '' to send nothing; act_review: the message is a review request.
CREATE TABLE rules (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    trigger TEXT NOT NULL,
    trigger_state TEXT NOT NULL DEFAULT '',
    trigger_amount INTEGER NOT NULL DEFAULT 0,
    cond_channel TEXT NOT NULL DEFAULT '',
    cond_marketplace TEXT NOT NULL DEFAULT '',
    cond_min_cents INTEGER NOT NULL DEFAULT 0,
    cond_max_cents INTEGER NOT NULL DEFAULT 0,
    cond_tags TEXT NOT NULL DEFAULT '',
    cond_sms_consent INTEGER NOT NULL DEFAULT 0,
    cond_not_messaged INTEGER NOT NULL DEFAULT 0,
    quiet_start INTEGER NOT NULL DEFAULT -1,
    quiet_end INTEGER NOT NULL DEFAULT -1,
    act_open INTEGER NOT NULL DEFAULT 0,
    act_assign INTEGER REFERENCES agents(id) ON DELETE SET NULL,
    act_tag TEXT NOT NULL DEFAULT '',
    act_template TEXT NOT NULL DEFAULT '',
    act_review INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
--;
-- outcome: what happened, for people ("sent by e-mail (no SMS consent)", "not sent: no e-mail address").
-- messaged: a message went out; review: it was a review request (once per order, whichever rule sent it).
CREATE TABLE rule_firings (
    rule_id INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    fired_at INTEGER NOT NULL,
    conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
    messaged INTEGER NOT NULL DEFAULT 0,
    review INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (rule_id, order_id)
);
--;
CREATE INDEX rule_firings_order ON rule_firings(order_id);
--;
INSERT OR IGNORE INTO templates (name, body) VALUES
    ('Delivery delayed', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'Your parcel for order {{order.number}} is taking longer than it should. {{shipment.carrier}} is still moving it, and you can follow it with tracking number {{shipment.tracking_number}}.' || char(10) || char(10) || 'We are keeping an eye on it and will help if it does not arrive soon.'),
    ('Delivery problem', 'Hi {{customer.first_name}},' || char(10) || char(10) || '{{shipment.carrier}} reports a problem with your parcel for order {{order.number}} ({{shipment.status}}). We are looking into it with them and will let you know what happens next.'),
    ('Review request', 'Hi {{customer.first_name}},' || char(10) || char(10) || 'Your order {{order.number}} arrived a few days ago. If you have a minute, we would love to hear how you like it.');
--;
INSERT INTO rules (name, enabled, trigger, act_open, act_tag, act_template, cond_not_messaged, quiet_start, quiet_end,
                   created_at, updated_at)
VALUES ('Late parcel: tell the customer', 0, 'late', 0, 'late', 'Delivery delayed', 1, 1260, 480,
        CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));
--;
INSERT INTO rules (name, enabled, trigger, trigger_state, act_open, act_tag, act_template, quiet_start, quiet_end,
                   created_at, updated_at)
VALUES ('Carrier exception: open a conversation', 0, 'status_changed', 'exception', 1, 'delivery-problem',
        'Delivery problem', 1260, 480, CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));
--;
INSERT INTO rules (name, enabled, trigger, trigger_amount, act_template, act_review, quiet_start, quiet_end,
                   created_at, updated_at)
VALUES ('Review request 5 days after delivery', 0, 'delivered', 5, 'Review request', 1, 1260, 540,
        CAST(strftime('%s', 'now') AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER));
