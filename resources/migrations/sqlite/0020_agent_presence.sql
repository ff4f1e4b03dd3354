-- SPDX-FileCopyrightText: 2026 The Waybill authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Agent availability per channel ('chat': the agent answers live chats now). The agent's desktop renews its row
-- while the agent is available (available_until a minute or two ahead) and deletes it when the agent stops or the
-- app quits; a desktop that crashed simply expires. The engine that hosts the chat gateways reads the unexpired rows
-- to tell visitors whether someone answers live. Times are epoch seconds.
CREATE TABLE agent_presence (
    agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    available_until INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (agent_id, channel)
);
--;
CREATE INDEX agent_presence_channel ON agent_presence(channel, available_until);
