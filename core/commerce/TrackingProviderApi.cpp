// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackingProviderApi.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace waybill::commerce {

bool TrackingProviderApi::isSupported(const QString &provider)
{
    return provider == QLatin1String("easypost") || provider == QLatin1String("aftership")
        || provider == QLatin1String("shippo");
}

QUrl TrackingProviderApi::defaultBaseUrl(const QString &provider)
{
    if (provider == QLatin1String("easypost")) {
        return QUrl(QStringLiteral("https://api.easypost.com"));
    }
    if (provider == QLatin1String("aftership")) {
        return QUrl(QStringLiteral("https://api.aftership.com"));
    }
    if (provider == QLatin1String("shippo")) {
        return QUrl(QStringLiteral("https://api.goshippo.com"));
    }
    return {};
}

QString TrackingProviderApi::displayName(const QString &provider)
{
    if (provider == QLatin1String("easypost")) {
        return QStringLiteral("EasyPost");
    }
    if (provider == QLatin1String("aftership")) {
        return QStringLiteral("AfterShip");
    }
    if (provider == QLatin1String("shippo")) {
        return QStringLiteral("Shippo");
    }
    return provider;
}

QList<std::pair<QByteArray, QByteArray>> TrackingProviderApi::authHeaders(
    const QString &provider, const QString &apiKey)
{
    if (provider == QLatin1String("easypost")) {
        return { { "Authorization", "Basic " + QByteArray(apiKey.toUtf8() + ':').toBase64() } };
    }
    if (provider == QLatin1String("aftership")) {
        return { { "aftership-api-key", apiKey.toUtf8() } };
    }
    if (provider == QLatin1String("shippo")) {
        return { { "Authorization", "ShippoToken " + apiKey.toUtf8() } };
    }
    return {};
}

QString TrackingProviderApi::carrierCode(const QString &provider, const QString &carrier)
{
    static const QHash<QString, QString> afterShip { { QStringLiteral("usps"), QStringLiteral("usps") },
        { QStringLiteral("ups"), QStringLiteral("ups") }, { QStringLiteral("fedex"), QStringLiteral("fedex") },
        { QStringLiteral("dhl"), QStringLiteral("dhl") },
        { QStringLiteral("dhl_ecommerce"), QStringLiteral("dhl-global-mail") },
        { QStringLiteral("canada_post"), QStringLiteral("canada-post") } };
    static const QHash<QString, QString> shippo { { QStringLiteral("usps"), QStringLiteral("usps") },
        { QStringLiteral("ups"), QStringLiteral("ups") }, { QStringLiteral("fedex"), QStringLiteral("fedex") },
        { QStringLiteral("dhl"), QStringLiteral("dhl_express") },
        { QStringLiteral("dhl_ecommerce"), QStringLiteral("dhl_ecommerce") },
        { QStringLiteral("canada_post"), QStringLiteral("canada_post") } };
    const QString key = carrier.trimmed().toLower();
    if (provider == QLatin1String("aftership")) {
        return afterShip.value(key);
    }
    if (provider == QLatin1String("shippo")) {
        return shippo.value(key);
    }
    return key;
}

TrackingProviderApi::Request TrackingProviderApi::keyCheck(const QString &provider)
{
    Request request;
    if (provider == QLatin1String("easypost")) {
        request.path = QStringLiteral("/v2/trackers");
        request.query.addQueryItem(QStringLiteral("page_size"), QStringLiteral("1"));
    } else if (provider == QLatin1String("aftership")) {
        request.path = QStringLiteral("/v4/trackings");
        request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    } else if (provider == QLatin1String("shippo")) {
        request.path = QStringLiteral("/carrier_accounts");
        request.query.addQueryItem(QStringLiteral("results"), QStringLiteral("1"));
    }
    return request;
}

bool TrackingProviderApi::isKeyCheckAnswer(const QString &provider, const QJsonDocument &answer)
{
    const QJsonObject object = answer.object();
    if (provider == QLatin1String("easypost")) {
        return object.value(QLatin1String("trackers")).isArray();
    }
    if (provider == QLatin1String("aftership")) {
        return object.value(QLatin1String("data")).isObject() && object.value(QLatin1String("meta")).isObject();
    }
    if (provider == QLatin1String("shippo")) {
        return object.value(QLatin1String("results")).isArray();
    }
    return false;
}

TrackingProviderApi::Request TrackingProviderApi::request(
    const QString &provider, const QString &carrier, const QString &trackingNumber)
{
    Request request;
    if (provider == QLatin1String("easypost")) {
        request.path = QStringLiteral("/v2/trackers");
        request.query.addQueryItem(QStringLiteral("tracking_code"), trackingNumber);
        return request;
    }
    const QString code = carrierCode(provider, carrier);
    if (code.isEmpty() || trackingNumber.contains(u'/')) {
        return request;
    }
    if (provider == QLatin1String("aftership")) {
        request.path = QStringLiteral("/v4/trackings/") + code + u'/' + trackingNumber;
    } else if (provider == QLatin1String("shippo")) {
        request.path = QStringLiteral("/tracks/") + code + u'/' + trackingNumber;
    }
    return request;
}

} // namespace waybill::commerce
