// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EbayAccount.h"

#include <QRegularExpression>

namespace waybill::domain {

QString EbayAccount::label() const
{
    return QStringLiteral("eBay %1").arg(name.isEmpty() ? sellerUserId : name);
}

QUrl EbayAccount::tradingEndpoint() const
{
    return QUrl(tradingUrl.isEmpty() ? QString::fromLatin1(DefaultTradingUrl) : tradingUrl);
}

QUrl EbayAccount::tokenEndpoint() const
{
    return QUrl(tokenUrl.isEmpty() ? QString::fromLatin1(DefaultTokenUrl) : tokenUrl);
}

QString EbayAccount::idFor(const QString &sellerUserId)
{
    return QStringLiteral("ebay:") + sellerUserId.toLower();
}

QString EbayAccount::certIdKey(const QString &accountId)
{
    return accountId + QStringLiteral("#cert-id");
}

bool EbayAccount::isValidUserId(const QString &userId)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[A-Za-z0-9._*\-]{1,64}$)"));
    return pattern.match(userId).hasMatch();
}

bool EbayAccount::isValidSiteId(const QString &siteId)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{1,3}$"));
    return pattern.match(siteId).hasMatch();
}

} // namespace waybill::domain
