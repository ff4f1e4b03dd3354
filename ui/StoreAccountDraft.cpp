// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreAccountDraft.h"

namespace waybill::ui {

QString StoreAccountDraft::id() const
{
    switch (kind) {
    case Kind::Shopify:
        return shopify.id;
    case Kind::WooCommerce:
        return wooCommerce.id;
    case Kind::Amazon:
        return amazon.id;
    case Kind::Tracking:
        return tracking.id;
    case Kind::Twilio:
        return twilio.id;
    case Kind::Chat:
        return chat.id;
    case Kind::Ebay:
        return ebay.id;
    }
    return {};
}

QString StoreAccountDraft::name() const
{
    switch (kind) {
    case Kind::Shopify:
        return shopify.name;
    case Kind::WooCommerce:
        return wooCommerce.name;
    case Kind::Amazon:
        return amazon.name;
    case Kind::Tracking:
        return tracking.name;
    case Kind::Twilio:
        return twilio.name;
    case Kind::Chat:
        return chat.name;
    case Kind::Ebay:
        return ebay.name;
    }
    return {};
}

QStringList StoreAccountDraft::secretKeys() const
{
    QStringList keys { id() };
    if (kind == Kind::Amazon) {
        keys << domain::AmazonAccount::clientSecretKey(amazon.id);
    }
    if (kind == Kind::Ebay) {
        keys << domain::EbayAccount::certIdKey(ebay.id);
    }
    return keys;
}

} // namespace waybill::ui
