// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::commerce {

/// Carriers Waybill knows by name: their display name and public tracking page.
class CarrierDirectory final {
public:
    /// "UPS", "USPS", "FedEx", "DHL", "Japan Post", "Yamato", ... for a stored carrier key ("ups").
    static QString displayName(const QString &carrier);
    /// The carrier's public tracking page for this number, or an empty string for unknown carriers.
    static QString trackingUrl(const QString &carrier, const QString &trackingNumber);
    /// A best guess of the carrier from the number's format (UPS 1Z…, USPS 94…/92…, FedEx 12/15 digits,
    /// DHL 10 digits, Japan Post XX123456789JP, Yamato 12 digits with check digit), or an empty string.
    static QString detect(const QString &trackingNumber);
    /// The carrier key for a carrier's name as stores write it ("UPS", "FedEx", "DHL Express", "Japan Post (EN)",
    /// "Yamato (JA)", "Royal Mail", ...), or an empty string for names it does not know.
    static QString fromName(const QString &name);
};

} // namespace waybill::commerce
