// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmsKeyword.h"

#include <QStringList>

namespace waybill::channels::sms {

SmsKeyword smsKeyword(const QString &body)
{
    QString word = body.trimmed().toUpper();
    while (word.endsWith(u'.') || word.endsWith(u'!')) {
        word.chop(1);
    }
    static const QStringList optOut = { QStringLiteral("STOP"), QStringLiteral("STOPALL"),
        QStringLiteral("UNSUBSCRIBE"), QStringLiteral("CANCEL"), QStringLiteral("END"), QStringLiteral("QUIT") };
    static const QStringList optIn = { QStringLiteral("START"), QStringLiteral("YES"), QStringLiteral("UNSTOP") };
    static const QStringList help = { QStringLiteral("HELP"), QStringLiteral("INFO") };
    if (optOut.contains(word)) {
        return SmsKeyword::OptOut;
    }
    if (optIn.contains(word)) {
        return SmsKeyword::OptIn;
    }
    return help.contains(word) ? SmsKeyword::Help : SmsKeyword::None;
}

} // namespace waybill::channels::sms
