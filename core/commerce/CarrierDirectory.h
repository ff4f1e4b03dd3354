// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::commerce {

/// Carriers Waybill knows by name: their display name and public tracking page. Stateless; any thread.
class CarrierDirectory final {
public:
    /// "UPS", "USPS", "FedEx", "DHL", "Japan Post", "Yamato", ... for a stored carrier key ("ups").
    static QString displayName(const QString &carrier);
    /// The carrier's public tracking page for this number, or an empty string for unknown carriers.
    static QString trackingUrl(const QString &carrier, const QString &trackingNumber);
    /// The carrier of this number from its format and check digit, or an empty string when it is unknown or
    /// ambiguous (see CarrierDetector; `preferred` resolves ambiguity in favour of the shop's carriers).
    /// Waybill's key for a carrier as tracking providers spell it ("USPS", "FedEx", "DHLExpress", "canada-post",
    /// "CanadaPost", "royal_mail", "taqbin-jp", ...); unknown names come back lower-cased.
    static QString keyFor(const QString &providerCarrierName);
    static QString detect(const QString &trackingNumber, const QStringList &preferred = {});
    /// The carrier key for a carrier's name as stores write it ("UPS", "FedEx", "DHL Express", "Japan Post (EN)",
    /// "Yamato (JA)", "Royal Mail", ...), or an empty string for names it does not know.
    static QString fromName(const QString &name);
};

} // namespace waybill::commerce
