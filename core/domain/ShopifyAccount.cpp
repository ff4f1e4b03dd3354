// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShopifyAccount.h"

#include <QRegularExpression>

namespace waybill::domain {

QString ShopifyAccount::idForShop(const QString &shop)
{
    return QStringLiteral("shopify:") + shop.trimmed().toLower();
}

QUrl ShopifyAccount::apiBase() const
{
    return baseUrl.isEmpty() ? QUrl(QStringLiteral("https://") + shop) : QUrl(baseUrl);
}

bool ShopifyAccount::isValidShop(const QString &shop)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$"));
    return pattern.match(shop).hasMatch();
}

} // namespace waybill::domain
