// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TwilioAccount.h"

#include <QRegularExpression>

namespace waybill::domain {

QString TwilioAccount::idForNumber(const QString &e164)
{
    return QStringLiteral("sms:") + e164;
}

QUrl TwilioAccount::apiBase() const
{
    return QUrl(baseUrl.isEmpty() ? QString::fromLatin1(DefaultBaseUrl) : baseUrl);
}

bool TwilioAccount::isValidAccountSid(const QString &sid)
{
    static const QRegularExpression pattern(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
    return pattern.match(sid).hasMatch();
}

} // namespace waybill::domain
