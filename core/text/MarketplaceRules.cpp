// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarketplaceRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace waybill::text {

QStringList MarketplaceRules::amazonWarnings(const QString &body)
{
    static const QRegularExpression link(
        QStringLiteral("(https?://|www\\.)(?![^\\s]*amazon\\.)[^\\s]+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression email(
        QStringLiteral("[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression phone(QStringLiteral("(\\+?\\d[\\d ()-]{8,}\\d)"));
    static const QRegularExpression review(
        QStringLiteral("(positive|5[- ]star|five[- ]star|good)\\s+(review|feedback|rating)|"
                       "(change|remove|revise)\\s+(your\\s+)?(review|feedback)"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList warnings;
    if (link.match(body).hasMatch()) {
        warnings << QCoreApplication::translate(
            "MarketplaceRules", "Amazon does not allow links to sites outside Amazon in buyer messages.");
    }
    if (email.match(body).hasMatch() || phone.match(body).hasMatch()) {
        warnings << QCoreApplication::translate("MarketplaceRules",
            "Amazon does not allow e-mail addresses or phone numbers that take "
            "the buyer off Amazon.");
    }
    if (review.match(body).hasMatch()) {
        warnings << QCoreApplication::translate("MarketplaceRules",
            "Amazon forbids asking for positive reviews or for a review to be "
            "changed or removed.");
    }
    return warnings;
}

} // namespace waybill::text
