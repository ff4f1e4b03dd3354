// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PhoneNumber.h"

#include <algorithm>

namespace waybill::channels::sms {

namespace {

constexpr int MinDigits = 8;
constexpr int MaxDigits = 15; // ITU-T E.164

bool allDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

std::optional<QString> checked(const QString &digits)
{
    if (!allDigits(digits) || digits.size() < MinDigits || digits.size() > MaxDigits || digits.startsWith(u'0')) {
        return std::nullopt;
    }
    return QString(u'+' + digits);
}

} // namespace

std::optional<QString> PhoneNumber::toE164(const QString &raw, const QString &defaultCountryCode)
{
    QString compact;
    for (const QChar c : raw.trimmed()) {
        if (c == u' ' || c == u'-' || c == u'.' || c == u'(' || c == u')' || c == QChar(0x00A0)) {
            continue;
        }
        // Full-width and other Unicode digits count as their ASCII values.
        compact += c.isDigit() ? QChar(u'0' + c.digitValue()) : c;
    }
    if (compact.startsWith(u'+')) {
        return checked(compact.mid(1));
    }
    if (compact.startsWith(QLatin1String("00"))) {
        return checked(compact.mid(2));
    }
    if (!allDigits(compact) || !allDigits(defaultCountryCode)) {
        return std::nullopt;
    }
    if (defaultCountryCode == QLatin1String("1")) {
        // NANP: ten digits, or eleven with the country code already in front.
        if (compact.size() == 11 && compact.startsWith(u'1')) {
            return checked(compact);
        }
        return compact.size() == 10 ? checked(defaultCountryCode + compact) : std::nullopt;
    }
    if (compact.startsWith(u'0')) {
        compact.remove(0, 1); // the national trunk prefix
    }
    return checked(defaultCountryCode + compact);
}

bool PhoneNumber::isE164(const QString &number)
{
    return number.startsWith(u'+') && checked(number.mid(1)).has_value();
}

} // namespace waybill::channels::sms
