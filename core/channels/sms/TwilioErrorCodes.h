// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::sms {

/// Twilio's error codes (the ErrorCode of a status callback or a message resource, the `code` of an API error)
/// explained for the agent: what happened and what to do. Plain functions, any thread.
class TwilioErrorCodes final {
public:
    /// "Twilio error 30003: the phone is switched off or out of coverage …"; codes not in the table are named
    /// with a pointer to Twilio's error reference.
    static QString explain(int code);
    /// Whether sending the same message again later may succeed (queue overflow, an unknown carrier error).
    static bool isTemporary(int code);
};

} // namespace waybill::channels::sms
