// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarrierDirectory.h"

#include <QRegularExpression>
#include <QUrl>

#include <utility>

namespace waybill::commerce {

namespace {

struct Carrier {
    const char *key;
    const char *name;
    const char *url; ///< %1 is the tracking number
};

constexpr Carrier Carriers[] = {
    { "ups", "UPS", "https://www.ups.com/track?tracknum=%1" },
    { "usps", "USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels=%1" },
    { "fedex", "FedEx", "https://www.fedex.com/fedextrack/?trknbr=%1" },
    { "dhl", "DHL", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=%1" },
    { "royal_mail", "Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/%1" },
    { "canada_post", "Canada Post", "https://www.canadapost-postescanada.ca/track-reperage/en#/details/%1" },
    { "japan_post", "Japan Post",
        "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=%1&locale=en" },
    { "yamato", "Yamato Transport", "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=%1" },
    { "sagawa", "Sagawa Express", "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=%1" },
    { "sf_express", "SF Express", "https://www.sf-express.com/chn/en/waybill/waybill-detail/%1" },
};

const Carrier *find(const QString &key)
{
    for (const Carrier &carrier : Carriers) {
        if (key == QLatin1String(carrier.key)) {
            return &carrier;
        }
    }
    return nullptr;
}

/// Yamato and Sagawa numbers end in a check digit: the first 11 (Yamato) digits modulo 7.
bool mod7CheckDigit(const QString &digits)
{
    const qint64 body = digits.left(digits.size() - 1).toLongLong();
    return body % 7 == digits.right(1).toInt();
}

} // namespace

QString CarrierDirectory::displayName(const QString &carrier)
{
    const Carrier *found = find(carrier);
    return found ? QString::fromLatin1(found->name) : carrier;
}

QString CarrierDirectory::trackingUrl(const QString &carrier, const QString &trackingNumber)
{
    const Carrier *found = find(carrier);
    if (!found || trackingNumber.isEmpty()) {
        return {};
    }
    return QString::fromLatin1(found->url).arg(QString::fromLatin1(QUrl::toPercentEncoding(trackingNumber)));
}

QString CarrierDirectory::fromName(const QString &name)
{
    QString folded;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber()) {
            folded += c;
        }
    }
    static const std::pair<const char *, const char *> Prefixes[] = {
        { "ups", "ups" },
        { "usps", "usps" },
        { "unitedstatespostal", "usps" },
        { "fedex", "fedex" },
        { "dhl", "dhl" },
        { "royalmail", "royal_mail" },
        { "canadapost", "canada_post" },
        { "japanpost", "japan_post" },
        { "yamato", "yamato" },
        { "kuronekoyamato", "yamato" },
        { "sagawa", "sagawa" },
        { "sfexpress", "sf_express" },
        { "sfexpresschina", "sf_express" },
    };
    for (const auto &[prefix, key] : Prefixes) {
        if (folded.startsWith(QLatin1String(prefix))) {
            return QString::fromLatin1(key);
        }
    }
    return {};
}

QString CarrierDirectory::detect(const QString &trackingNumber)
{
    const QString number = trackingNumber.trimmed().toUpper().remove(u' ');
    static const QRegularExpression ups(QStringLiteral("^1Z[0-9A-Z]{16}$"));
    static const QRegularExpression upu(QStringLiteral("^[A-Z]{2}\\d{9}([A-Z]{2})$"));
    static const QRegularExpression usps(QStringLiteral("^(94|93|92|95)\\d{20}$"));
    static const QRegularExpression sf(QStringLiteral("^SF\\d{12,13}$"));
    static const QRegularExpression digits(QStringLiteral("^\\d+$"));
    if (ups.match(number).hasMatch()) {
        return QStringLiteral("ups");
    }
    if (usps.match(number).hasMatch()) {
        return QStringLiteral("usps");
    }
    if (sf.match(number).hasMatch()) {
        return QStringLiteral("sf_express");
    }
    if (const auto m = upu.match(number); m.hasMatch()) {
        const QString country = m.captured(1);
        if (country == QLatin1String("JP")) {
            return QStringLiteral("japan_post");
        }
        if (country == QLatin1String("GB")) {
            return QStringLiteral("royal_mail");
        }
        if (country == QLatin1String("CA")) {
            return QStringLiteral("canada_post");
        }
        if (country == QLatin1String("US")) {
            return QStringLiteral("usps");
        }
        return {};
    }
    if (digits.match(number).hasMatch()) {
        if (number.size() == 12 && mod7CheckDigit(number)) {
            return QStringLiteral("yamato");
        }
        if (number.size() == 12 || number.size() == 15 || number.size() == 20) {
            return QStringLiteral("fedex");
        }
        if (number.size() == 10) {
            return QStringLiteral("dhl");
        }
    }
    return {};
}

} // namespace waybill::commerce
