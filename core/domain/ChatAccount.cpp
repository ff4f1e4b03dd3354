// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatAccount.h"

#include <QUrl>

namespace waybill::domain {

namespace {

QString normalizedOrigin(const QString &origin)
{
    const QUrl url(origin.trimmed());
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        return {};
    }
    QString text = url.scheme().toLower() + QStringLiteral("://") + url.host().toLower();
    if (url.port() != -1) {
        text += u':' + QString::number(url.port());
    }
    return text;
}

} // namespace

QString ChatAccount::idForName(const QString &name)
{
    return QStringLiteral("chat:") + name.trimmed().toLower();
}

bool ChatAccount::allowsOrigin(const QString &origin) const
{
    const QString wanted = normalizedOrigin(origin);
    if (wanted.isEmpty()) {
        return false;
    }
    for (const QString &allowed : allowedOrigins) {
        if (normalizedOrigin(allowed) == wanted) {
            return true;
        }
    }
    return false;
}

} // namespace waybill::domain
