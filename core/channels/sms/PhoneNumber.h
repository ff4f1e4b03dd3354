// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace waybill::channels::sms {

/// E.164 normalisation of phone numbers, so that the same customer is recognised whether the number came from an
/// SMS, an order or a signature: "+44 20 7946 0958", "0044 (20) 7946-0958" and "+442079460958" are one number.
/// Plain functions, any thread.
class PhoneNumber final {
public:
    /// "+<country><number>" (8 to 15 digits in all), or std::nullopt when `raw` is not a phone number. Spaces, dots,
    /// hyphens and parentheses are dropped; "00" starts an international number; a number without a prefix is
    /// national to `defaultCountryCode` (digits only, e.g. "1"): a leading trunk "0" is dropped (but not for
    /// "1", where an 11-digit number starting with 1 already carries the country code).
    static std::optional<QString> toE164(const QString &raw, const QString &defaultCountryCode = QStringLiteral("1"));
    /// Whether `number` already is E.164 ("+" and 8 to 15 digits, not starting with 0).
    static bool isE164(const QString &number);
};

} // namespace waybill::channels::sms
