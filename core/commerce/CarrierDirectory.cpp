// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CarrierDirectory.h"

#include "CarrierDetector.h"

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
    { "dhl_ecommerce", "DHL eCommerce",
        "https://www.dhl.com/global-en/home/tracking/tracking-ecommerce.html?tracking-id=%1" },
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

QString CarrierDirectory::keyFor(const QString &providerCarrierName)
{
    struct Alias {
        const char *spelling; ///< lower case, letters and digits only
        const char *key;
    };
    static constexpr Alias Aliases[] = { { "ups", "ups" }, { "upsmailinnovations", "ups" }, { "usps", "usps" },
        { "fedex", "fedex" }, { "fedexground", "fedex" }, { "fedexsmartpost", "fedex" }, { "dhl", "dhl" },
        { "dhlexpress", "dhl" }, { "dhlecommerce", "dhl_ecommerce" }, { "dhlglobalmail", "dhl_ecommerce" },
        { "royalmail", "royal_mail" }, { "canadapost", "canada_post" }, { "japanpost", "japan_post" },
        { "yamato", "yamato" }, { "taqbinjp", "yamato" }, { "yamatotransport", "yamato" }, { "sagawa", "sagawa" },
        { "sagawaexpress", "sagawa" }, { "sfexpress", "sf_express" }, { "sf", "sf_express" } };
    QString compact;
    for (const QChar c : providerCarrierName) {
        if (c.isLetterOrNumber()) {
            compact += c.toLower();
        }
    }
    for (const Alias &alias : Aliases) {
        if (compact == QLatin1String(alias.spelling)) {
            return QString::fromLatin1(alias.key);
        }
    }
    return providerCarrierName.trimmed().toLower();
}

QString CarrierDirectory::detect(const QString &trackingNumber, const QStringList &preferred)
{
    return CarrierDetector::detect(trackingNumber, preferred);
}

} // namespace waybill::commerce
