// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonMessagePolicy.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace waybill::channels::marketplace {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AmazonMessagePolicy", text);
}

/// A candidate is a phone number when its digit count fits one: at most 15 (E.164), at least 9 (so that dates such
/// as 2026-03-02 are not), and at most 11 when written as one bare run of digits (longer runs are tracking numbers;
/// Amazon order numbers, 3-7-7 digits, have 17).
QString phoneNumber(const QString &body)
{
    // Not inside a longer token (UPS 1Z…, EJ…JP), so that order and tracking numbers are not taken for phones.
    static const QRegularExpression phone(QStringLiteral("(?<![\\w-])\\+?\\d[\\d ()-]{8,}\\d(?![\\w-])"));
    auto it = phone.globalMatch(body);
    while (it.hasNext()) {
        const QString candidate = it.next().captured(0);
        qsizetype digits = 0;
        for (const QChar ch : candidate) {
            digits += ch.isDigit() ? 1 : 0;
        }
        const bool bare = digits == candidate.size();
        if (digits >= 9 && digits <= (bare ? 11 : 15)) {
            return candidate;
        }
    }
    return {};
}

/// Amazon's own sites (amazon.com, www.amazon.co.jp, sellercentral.amazon.de) are allowed; the host decides,
/// not a mention of "amazon" elsewhere in the address.
QString externalLink(const QString &body)
{
    static const QRegularExpression link(
        QStringLiteral("(?:https?://|www\\.)[^\\s<>\"]+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression amazonHost(QStringLiteral(
        "^(?:[a-z0-9-]+\\.)*amazon\\.(?:com|ca|com\\.mx|com\\.br|co\\.uk|de|fr|it|es|nl|se|pl|com\\.tr|ae|sa|"
        "in|co\\.jp|sg|com\\.au|eg|com\\.be)$"));
    auto it = link.globalMatch(body);
    while (it.hasNext()) {
        const QString found = it.next().captured(0);
        QString address = found;
        if (!address.contains(QLatin1String("://"))) {
            address.prepend(QStringLiteral("https://"));
        }
        if (!amazonHost.match(QUrl(address).host().toLower()).hasMatch()) {
            return found;
        }
    }
    return {};
}

QString firstMatch(const QRegularExpression &pattern, const QString &body)
{
    const QRegularExpressionMatch match = pattern.match(body);
    return match.hasMatch() ? match.captured(0) : QString();
}

} // namespace

QList<AmazonMessagePolicy::Finding> AmazonMessagePolicy::check(const QString &body)
{
    static const QRegularExpression email(
        QStringLiteral("[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression manipulation(
        QStringLiteral("\\b(?:positive|5[- ]star|five[- ]star|good|great|glowing|favou?rable)\\s+"
                       "(?:review|feedback|rating)s?\\b|"
                       "\\b(?:change|remove|revise|update|delete|take down|withdraw)\\s+(?:your\\s+|the\\s+)?"
                       "(?:negative\\s+)?(?:review|feedback|rating)s?\\b"),
        QRegularExpression::CaseInsensitiveOption);
    // Something of value near a review or feedback, in either order: "a $5 gift card for your review",
    // "leave feedback and get 10% off".
    static const QRegularExpression incentive(
        QStringLiteral("\\b(?:discount|coupon|voucher|gift(?:\\s+card)?|free|refund|cash\\s*back|reward|"
                       "\\d+\\s*%\\s*off|promo(?:tion)?\\s+code)\\b[^.!?\\n]{0,80}\\b(?:review|feedback|rating)s?\\b|"
                       "\\b(?:review|feedback|rating)s?\\b[^.!?\\n]{0,80}(?:\\b(?:discount|coupon|voucher|"
                       "gift(?:\\s+card)?|free|refund|cash\\s*back|reward|promo(?:tion)?\\s+code)\\b|"
                       "\\d+\\s*%\\s*off\\b)"),
        QRegularExpression::CaseInsensitiveOption);

    QList<Finding> findings;
    if (const QString link = externalLink(body); !link.isEmpty()) {
        findings.append({ Finding::Kind::ExternalLink, link,
            tr("Amazon does not allow links to sites outside Amazon in buyer messages; remove %1 before sending.")
                .arg(link) });
    }
    QString contact = firstMatch(email, body);
    if (contact.isEmpty()) {
        contact = phoneNumber(body);
    }
    if (!contact.isEmpty()) {
        findings.append({ Finding::Kind::ContactDetails, contact,
            tr("Amazon does not allow e-mail addresses or phone numbers that take the buyer off Amazon (%1).")
                .arg(contact) });
    }
    if (const QString words = firstMatch(manipulation, body); !words.isEmpty()) {
        findings.append({ Finding::Kind::ReviewManipulation, words,
            tr("Amazon forbids asking for positive reviews or for a review to be changed or removed (“%1”).")
                .arg(words) });
    }
    if (const QString words = firstMatch(incentive, body); !words.isEmpty()) {
        findings.append({ Finding::Kind::ReviewIncentive, words,
            tr("Amazon forbids offering anything in return for a review or feedback (“%1”).").arg(words) });
    }
    return findings;
}

bool AmazonMessagePolicy::blocksSending(Finding::Kind kind)
{
    return kind == Finding::Kind::ExternalLink;
}

bool AmazonMessagePolicy::blocksSending(const QList<Finding> &findings)
{
    return std::any_of(
        findings.cbegin(), findings.cend(), [](const Finding &finding) { return blocksSending(finding.kind); });
}

QStringList AmazonMessagePolicy::messages(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &finding : findings) {
        out << finding.message;
    }
    return out;
}

} // namespace waybill::channels::marketplace
