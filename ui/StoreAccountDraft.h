// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AmazonAccount.h"
#include "domain/ChatAccount.h"
#include "domain/EbayAccount.h"
#include "domain/ShopifyAccount.h"
#include "domain/TrackingAccount.h"
#include "domain/TwilioAccount.h"
#include "domain/WooCommerceAccount.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace waybill::ui {

/// A store, tracking provider or SMS number's account as the accounts form describes it: the account of one kind (the
/// others stay default) and the secrets typed into the form as (keychain key, secret) pairs. A secret left empty while
/// editing keeps the one in the keychain; `secrets` then lacks that key.
struct StoreAccountDraft {
    enum class Kind {
        Shopify,
        WooCommerce,
        Amazon,
        Tracking, ///< EasyPost, AfterShip or Shippo
        Twilio, ///< an SMS number
        Chat, ///< a live chat gateway for the shop's pages
        Ebay, ///< an eBay seller's buyer messages (Trading API)
    };

    Kind kind = Kind::Shopify;
    domain::ShopifyAccount shopify;
    domain::WooCommerceAccount wooCommerce;
    domain::AmazonAccount amazon;
    domain::TrackingAccount tracking;
    domain::TwilioAccount twilio;
    domain::ChatAccount chat;
    domain::EbayAccount ebay;
    QList<std::pair<QString, QString>> secrets;

    QString id() const;
    QString name() const;
    /// Every keychain key the account uses (what removing it forgets).
    QStringList secretKeys() const;
};

} // namespace waybill::ui
