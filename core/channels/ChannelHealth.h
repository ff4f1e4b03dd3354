// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels {

/// Whether a channel's account works: connected, or failing with a reason that names the account (for the
/// account list and the status bar). Value type.
struct ChannelHealth {
    enum class State {
        Connected,
        Failing,
    };

    State state = State::Connected;
    QString reason; ///< empty when connected; otherwise "support@shop.example: …" or "Twilio +1… (AC…): …"

    bool isConnected() const { return state == State::Connected; }
};

} // namespace waybill::channels
