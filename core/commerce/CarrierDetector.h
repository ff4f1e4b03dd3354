// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::commerce {

/// Recognises the carrier from a tracking number's format and, where the carrier defines one, its check digit:
/// UPS (1Z, mod 10), USPS (IMpb 20/22/26 digits and 420+ZIP routing prefixes, mod 10), FedEx (Express 12 digits
/// with the 3-1-7 weighted mod 11, Ground 15 digits and 96-prefixed 22 digits, mod 10), DHL Express (10 digits,
/// mod 7), DHL eCommerce (GM + 16 to 18 digits), UPU S10 numbers (mod 11, the country suffix picks Royal Mail,
/// Canada Post, Japan Post or USPS), Canada Post 16-digit PINs (mod 10), the Japanese 12-digit numbers of
/// Yamato, Sagawa and Japan Post (mod 7) and SF Express (SF + 12 or 13 digits).
///
/// A number that fits several carriers (a 12-digit mod-7 number is valid for Yamato, Sagawa and Japan Post alike)
/// is only resolved by the caller's `preferred` carriers, never guessed. Stateless; safe on any thread.
class CarrierDetector final {
public:
    /// Upper case without spaces or dashes, the form the rules below and the carriers' pages expect.
    static QString normalise(const QString &trackingNumber);
    /// Every carrier key ("ups", "yamato", ...) whose format and check digit the number satisfies.
    static QStringList candidates(const QString &trackingNumber);
    /// The one carrier the number can belong to; when several fit, the only one of them in `preferred` (the
    /// carriers the shop ships with); otherwise an empty string.
    static QString detect(const QString &trackingNumber, const QStringList &preferred = {});

    /// Check digit rules, public for tests and for callers that already know the carrier.
    static bool upsCheckDigitValid(const QString &number); ///< "1Z" + 15 characters + check digit
    static bool s10CheckDigitValid(const QString &number); ///< XX12345678CYY, weights 8 6 4 2 3 5 9 7
    /// GS1-style mod 10 over `digits` (the last one is the check digit): weight 3 on the rightmost data digit,
    /// then 1, 3, ... (USPS IMpb, FedEx Ground, Canada Post PINs).
    static bool mod10CheckDigitValid(const QString &digits);
    static bool fedExExpressCheckDigitValid(const QString &digits); ///< 12 digits, weights 3 1 7, mod 11 then 10
    static bool mod7CheckDigitValid(const QString &digits); ///< data digits modulo 7 equal the check digit
};

} // namespace waybill::commerce
