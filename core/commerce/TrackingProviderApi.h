// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <utility>

class QJsonDocument;

namespace waybill::commerce {

/// How to ask one tracking provider about one parcel: EasyPost (GET /v2/trackers?tracking_code=…, HTTP Basic with
/// the API key as user name), AfterShip (GET /v4/trackings/{slug}/{number}, aftership-api-key header) or Shippo
/// (GET /tracks/{carrier}/{number}, "ShippoToken" authorization). Pure; no I/O.
class TrackingProviderApi final {
public:
    struct Request {
        QString path; ///< below the account's base URL
        QUrlQuery query;
    };

    /// "easypost", "aftership" and "shippo".
    static bool isSupported(const QString &provider);
    /// The provider's production API ("https://api.easypost.com"), or an empty URL.
    static QUrl defaultBaseUrl(const QString &provider);
    /// "EasyPost", for messages.
    static QString displayName(const QString &provider);
    /// The headers that carry `apiKey`.
    static QList<std::pair<QByteArray, QByteArray>> authHeaders(const QString &provider, const QString &apiKey);
    /// The request for `trackingNumber` shipped with `carrier` (Waybill's key, "usps"). AfterShip and Shippo name
    /// the carrier in the path: an empty path is returned when the carrier is unknown (or the number holds a '/').
    static Request request(const QString &provider, const QString &carrier, const QString &trackingNumber);
    /// The cheapest request that proves the API key (a page of one from a list the key may read): EasyPost
    /// GET /v2/trackers?page_size=1, AfterShip GET /v4/trackings?limit=1, Shippo GET /carrier_accounts?results=1.
    static Request keyCheck(const QString &provider);
    /// Whether `answer` to keyCheck() is what the provider sends to a valid key (its list's envelope), rather than
    /// another server's page.
    static bool isKeyCheckAnswer(const QString &provider, const QJsonDocument &answer);
    /// The provider's name for a Waybill carrier key ("canada_post" → AfterShip "canada-post").
    static QString carrierCode(const QString &provider, const QString &carrier);
};

} // namespace waybill::commerce
