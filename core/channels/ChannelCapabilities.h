// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace waybill::channels {

/// What a channel can carry, for the composer (length counter, attachment button, formatting) and the engine.
/// Value type.
struct ChannelCapabilities {
    bool richText = false; ///< formatted (HTML) replies; otherwise plain text only
    int maxLength = 0; ///< characters per message; 0 for no limit
    bool attachments = false; ///< files can be sent with a reply
    bool links = true; ///< links may be sent (some marketplaces forbid them)
    bool typingState = false; ///< the channel shows the customer that an agent is typing
    bool readState = false; ///< the channel reports that the customer read a reply
};

} // namespace waybill::channels
