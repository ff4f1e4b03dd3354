// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WooCommerceAccount.h"

namespace waybill::domain {

QString WooCommerceAccount::idForUrl(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    const QString port = url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString();
    return QStringLiteral("woocommerce:") + url.host().toLower() + port + path;
}

} // namespace waybill::domain
