// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::text {

/// How an SMS body is split into segments: GSM-7 (160 characters, 153 per part) or UCS-2 (70, 67 per part)
/// when any character is outside the GSM 03.38 alphabet. Characters of the extension table count twice.
struct SmsSegments {
    enum class Encoding {
        Gsm7,
        Ucs2,
    };

    Encoding encoding = Encoding::Gsm7;
    int units = 0; ///< septets (GSM-7) or UTF-16 code units (UCS-2)
    int segments = 0; ///< 0 for an empty body
    int remainingInSegment = 0;

    static SmsSegments count(const QString &body);
};

} // namespace waybill::text
