// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarrierDetector.h"

#include <QRegularExpression>

namespace waybill::commerce {

namespace {

bool allDigits(const QString &text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (const QChar c : text) {
        if (c < u'0' || c > u'9') {
            return false;
        }
    }
    return true;
}

int digitAt(const QString &text, qsizetype i)
{
    return text.at(i).unicode() - u'0';
}

/// USPS Intelligent Mail package barcodes: 20, 22 or 26 digits, or the same behind a "420" + ZIP (5 or 9 digits)
/// routing prefix as scanned from the label.
bool isUspsImpb(const QString &digits)
{
    if (digits.startsWith(QLatin1String("420")) && (digits.size() == 30 || digits.size() == 34)) {
        const QString tail = digits.mid(digits.size() == 30 ? 8 : 12);
        return tail.startsWith(u'9') && CarrierDetector::mod10CheckDigitValid(tail);
    }
    if (digits.size() == 22 || digits.size() == 26) {
        static const QRegularExpression prefix(QStringLiteral("^9[1-5]"));
        return prefix.match(digits).hasMatch() && CarrierDetector::mod10CheckDigitValid(digits);
    }
    // 20 digits: older USPS service numbers (certified, registered) and FedEx SmartPost numbers, which USPS
    // delivers and tracks as well.
    return digits.size() == 20 && CarrierDetector::mod10CheckDigitValid(digits);
}

} // namespace

QString CarrierDetector::normalise(const QString &trackingNumber)
{
    QString number = trackingNumber.toUpper();
    number.remove(u' ');
    number.remove(u'-');
    number.remove(u'\t');
    return number;
}

bool CarrierDetector::upsCheckDigitValid(const QString &number)
{
    static const QRegularExpression format(QStringLiteral("^1Z[0-9A-Z]{16}$"));
    if (!format.match(number).hasMatch()) {
        return false;
    }
    // Letters count as (code - 63) mod 10 (A = 2, B = 3, ...); every second character, from the second, doubles.
    int sum = 0;
    for (qsizetype i = 2; i < 17; ++i) {
        const QChar c = number.at(i);
        const int value = c.isDigit() ? c.unicode() - u'0' : (c.unicode() - 63) % 10;
        sum += (i - 2) % 2 == 1 ? 2 * value : value;
    }
    const QChar check = number.at(17);
    return check.isDigit() && (10 - sum % 10) % 10 == check.unicode() - u'0';
}

bool CarrierDetector::s10CheckDigitValid(const QString &number)
{
    static const QRegularExpression format(QStringLiteral("^[A-Z]{2}[0-9]{9}[A-Z]{2}$"));
    if (!format.match(number).hasMatch()) {
        return false;
    }
    static constexpr int Weights[] = { 8, 6, 4, 2, 3, 5, 9, 7 };
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        sum += Weights[i] * digitAt(number, 2 + i);
    }
    int check = 11 - sum % 11;
    if (check == 10) {
        check = 0;
    } else if (check == 11) {
        check = 5;
    }
    return check == digitAt(number, 10);
}

bool CarrierDetector::mod10CheckDigitValid(const QString &digits)
{
    if (!allDigits(digits) || digits.size() < 2) {
        return false;
    }
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digits.size() - 2; i >= 0; --i) {
        sum += weight * digitAt(digits, i);
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10 == digitAt(digits, digits.size() - 1);
}

bool CarrierDetector::fedExExpressCheckDigitValid(const QString &digits)
{
    if (digits.size() != 12 || !allDigits(digits)) {
        return false;
    }
    static constexpr int Weights[] = { 3, 1, 7 };
    int sum = 0;
    for (int i = 0; i < 11; ++i) {
        sum += Weights[i % 3] * digitAt(digits, i);
    }
    return sum % 11 % 10 == digitAt(digits, 11);
}

bool CarrierDetector::mod7CheckDigitValid(const QString &digits)
{
    if (!allDigits(digits) || digits.size() < 2 || digits.size() > 19) {
        return false;
    }
    const qint64 body = digits.left(digits.size() - 1).toLongLong();
    return body % 7 == digitAt(digits, digits.size() - 1);
}

QStringList CarrierDetector::candidates(const QString &trackingNumber)
{
    const QString number = normalise(trackingNumber);
    QStringList found;
    if (number.isEmpty() || number.size() > 40) {
        return found;
    }
    if (number.startsWith(QLatin1String("1Z"))) {
        if (upsCheckDigitValid(number)) {
            found << QStringLiteral("ups");
        }
        return found;
    }
    if (s10CheckDigitValid(number)) {
        // The UPU S10 suffix is the issuing post's country; only posts Waybill links to are named.
        const QString country = number.right(2);
        if (country == QLatin1String("GB")) {
            found << QStringLiteral("royal_mail");
        } else if (country == QLatin1String("CA")) {
            found << QStringLiteral("canada_post");
        } else if (country == QLatin1String("JP")) {
            found << QStringLiteral("japan_post");
        } else if (country == QLatin1String("US")) {
            found << QStringLiteral("usps");
        }
        return found;
    }
    static const QRegularExpression sf(QStringLiteral("^SF[0-9]{12,13}$"));
    if (sf.match(number).hasMatch()) {
        found << QStringLiteral("sf_express"); // SF Express publishes no check digit rule
        return found;
    }
    static const QRegularExpression dhlEcommerce(QStringLiteral("^GM[0-9]{16,18}$"));
    if (dhlEcommerce.match(number).hasMatch()) {
        found << QStringLiteral("dhl_ecommerce");
        return found;
    }
    if (!allDigits(number)) {
        return found;
    }
    switch (number.size()) {
    case 10:
        if (mod7CheckDigitValid(number)) {
            found << QStringLiteral("dhl");
        }
        break;
    case 12:
        if (fedExExpressCheckDigitValid(number)) {
            found << QStringLiteral("fedex");
        }
        // Yamato, Sagawa and Japan Post (Yu-Pack) all end 12-digit numbers with the first 11 digits mod 7.
        if (mod7CheckDigitValid(number)) {
            found << QStringLiteral("yamato") << QStringLiteral("sagawa") << QStringLiteral("japan_post");
        }
        break;
    case 15:
        if (mod10CheckDigitValid(number)) {
            found << QStringLiteral("fedex"); // FedEx Ground
        }
        break;
    case 16:
        if (mod10CheckDigitValid(number)) {
            found << QStringLiteral("canada_post");
        }
        break;
    case 22:
        if (number.startsWith(QLatin1String("96"))) {
            // FedEx Ground 96: the check digit covers the 15-digit package number at the end.
            if (mod10CheckDigitValid(number.right(15))) {
                found << QStringLiteral("fedex");
            }
            break;
        }
        [[fallthrough]];
    default:
        if (isUspsImpb(number)) {
            found << QStringLiteral("usps");
        }
        break;
    }
    return found;
}

QString CarrierDetector::detect(const QString &trackingNumber, const QStringList &preferred)
{
    const QStringList found = candidates(trackingNumber);
    if (found.size() == 1) {
        return found.constFirst();
    }
    QString chosen;
    for (const QString &carrier : found) {
        if (preferred.contains(carrier)) {
            if (!chosen.isEmpty()) {
                return {}; // still ambiguous
            }
            chosen = carrier;
        }
    }
    return chosen;
}

} // namespace waybill::commerce
