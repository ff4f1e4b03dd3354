// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonAccount.h"

#include <QRegularExpression>

namespace waybill::domain {

QString AmazonAccount::label() const
{
    return QStringLiteral("Amazon %1").arg(name.isEmpty() ? id : name);
}

QString AmazonAccount::idFor(const QStringList &marketplaceIds)
{
    return QStringLiteral("amazon:") + marketplaceIds.join(u',');
}

QString AmazonAccount::clientSecretKey(const QString &accountId)
{
    return accountId + QStringLiteral("#client-secret");
}

bool AmazonAccount::isValidMarketplaceId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9]{8,20}$"));
    return pattern.match(id).hasMatch();
}

} // namespace waybill::domain
