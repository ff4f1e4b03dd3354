// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarketplaceRules.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace waybill::text {

namespace {

/// A candidate is a phone number when its digit count fits one: at most 15 (E.164), at least 9 (so that dates such
/// as 2026-03-02 are not), and at most 11 when written as one bare run of digits (longer runs are tracking numbers;
/// Amazon order numbers, 3-7-7 digits, have 17).
bool containsPhoneNumber(const QString &body, const QRegularExpression &phone)
{
    auto it = phone.globalMatch(body);
    while (it.hasNext()) {
        const QString candidate = it.next().captured(0);
        qsizetype digits = 0;
        for (const QChar ch : candidate) {
            digits += ch.isDigit() ? 1 : 0;
        }
        const bool bare = digits == candidate.size();
        if (digits >= 9 && digits <= (bare ? 11 : 15)) {
            return true;
        }
    }
    return false;
}

/// Amazon's own sites (amazon.com, www.amazon.co.jp, sellercentral.amazon.de) are allowed; the host decides,
/// not a mention of "amazon" elsewhere in the address.
bool containsExternalLink(const QString &body, const QRegularExpression &link)
{
    static const QRegularExpression amazonHost(QStringLiteral(
        "^(?:[a-z0-9-]+\\.)*amazon\\.(?:com|ca|com\\.mx|com\\.br|co\\.uk|de|fr|it|es|nl|se|pl|com\\.tr|ae|sa|"
        "in|co\\.jp|sg|com\\.au|eg|com\\.be)$"));
    auto it = link.globalMatch(body);
    while (it.hasNext()) {
        QString address = it.next().captured(0);
        if (!address.contains(QLatin1String("://"))) {
            address.prepend(QStringLiteral("https://"));
        }
        if (!amazonHost.match(QUrl(address).host().toLower()).hasMatch()) {
            return true;
        }
    }
    return false;
}

} // namespace

QStringList MarketplaceRules::amazonWarnings(const QString &body)
{
    static const QRegularExpression link(
        QStringLiteral("(?:https?://|www\\.)[^\\s<>\"]+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression email(
        QStringLiteral("[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}"), QRegularExpression::CaseInsensitiveOption);
    // Not inside a longer token (UPS 1Z…, EJ…JP), so that order and tracking numbers are not taken for phones.
    static const QRegularExpression phone(QStringLiteral("(?<![\\w-])\\+?\\d[\\d ()-]{8,}\\d(?![\\w-])"));
    static const QRegularExpression review(
        QStringLiteral("(positive|5[- ]star|five[- ]star|good)\\s+(review|feedback|rating)|"
                       "(change|remove|revise)\\s+(your\\s+)?(review|feedback)"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList warnings;
    if (containsExternalLink(body, link)) {
        warnings << QCoreApplication::translate(
            "MarketplaceRules", "Amazon does not allow links to sites outside Amazon in buyer messages.");
    }
    if (email.match(body).hasMatch() || containsPhoneNumber(body, phone)) {
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
