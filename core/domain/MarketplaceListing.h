// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace waybill::domain {

/// The marketplace listing a buyer wrote about (an eBay item), as the conversation screen shows it. Value type.
struct MarketplaceListing {
    QString marketplace; ///< "ebay"
    QString itemId; ///< eBay's item number
    QString title;

    /// The listing's page for people (https://www.ebay.com/itm/<item>, which eBay sends on to the buyer's site).
    QUrl url() const { return QUrl(QStringLiteral("https://www.ebay.com/itm/") + itemId); }
};

} // namespace waybill::domain
