// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmsSegments.h"

namespace waybill::text {

namespace {

/// The GSM 03.38 basic character set (one septet each).
const QString &gsmBasic()
{
    static const QString basic = QString::fromUtf8("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                                                   "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    return basic;
}

/// The extension table (an escape septet plus one: two septets each).
const QString &gsmExtension()
{
    static const QString extension = QString::fromUtf8("^{}\\[~]|€\f");
    return extension;
}

} // namespace

SmsSegments SmsSegments::count(const QString &body)
{
    SmsSegments result;
    int septets = 0;
    bool gsm = true;
    for (const QChar ch : body) {
        if (gsmBasic().contains(ch)) {
            septets += 1;
        } else if (gsmExtension().contains(ch)) {
            septets += 2;
        } else {
            gsm = false;
            break;
        }
    }
    int single = 160;
    int multi = 153;
    if (gsm) {
        result.encoding = Encoding::Gsm7;
        result.units = septets;
    } else {
        result.encoding = Encoding::Ucs2;
        result.units = int(body.size()); // UTF-16 code units: characters outside the BMP take two
        single = 70;
        multi = 67;
    }
    if (result.units == 0) {
        result.remainingInSegment = single;
        return result;
    }
    if (result.units <= single) {
        result.segments = 1;
        result.remainingInSegment = single - result.units;
    } else {
        result.segments = (result.units + multi - 1) / multi;
        result.remainingInSegment = result.segments * multi - result.units;
    }
    return result;
}

} // namespace waybill::text
