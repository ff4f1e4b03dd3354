// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::sms {

/// The carrier keywords a customer can text: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT opt out; START, YES,
/// UNSTOP opt back in; HELP, INFO ask for help. Like Twilio, only a message that is the keyword alone counts
/// (case, surrounding spaces and a final full stop or exclamation mark do not matter): "stop." opts out, "please
/// stop the order" does not.
enum class SmsKeyword {
    None,
    OptOut,
    OptIn,
    Help,
};

/// Which keyword the message body is, if any.
SmsKeyword smsKeyword(const QString &body);

} // namespace waybill::channels::sms
