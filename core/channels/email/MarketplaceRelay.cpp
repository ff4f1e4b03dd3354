// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MarketplaceRelay.h"

#include <QRegularExpression>

namespace waybill::channels::email {

namespace {

bool isAmazonRelay(const QString &address)
{
    static const QRegularExpression relay(QStringLiteral(R"(^[^@\s]+@marketplace\.amazon\.[a-z]{2,3}(\.[a-z]{2})?$)"));
    return relay.match(address).hasMatch();
}

bool isEbayRelay(const QString &address)
{
    static const QRegularExpression relay(QStringLiteral(R"(^[^@\s]+@members\.ebay\.[a-z]{2,3}(\.[a-z]{2})?$)"));
    return relay.match(address).hasMatch();
}

bool isEbaySender(const QString &address)
{
    static const QRegularExpression sender(
        QStringLiteral(R"(^[^@\s]+@(reply\d*\.|messages\.|members\.)?ebay\.[a-z]{2,3}(\.[a-z]{2})?$)"));
    return sender.match(address).hasMatch();
}

bool isMemberMessageSubject(const QString &subject)
{
    static const QRegularExpression pattern(
        QStringLiteral("sent (you )?a message|new message from|question about|message from|"
                       "hat (dir )?eine nachricht|a envoy|ha inviato|te ha enviado|"
                       R"(\bre: ?\S+ (sent|hat)|\bother:)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(subject).hasMatch();
}

QString firstMatch(const QRegularExpression &pattern, const domain::IncomingMessage &message)
{
    QRegularExpressionMatch match = pattern.match(message.subject);
    if (!match.hasMatch()) {
        match = pattern.match(message.bodyText);
    }
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

std::optional<MarketplaceRelay::Match> MarketplaceRelay::recognise(const domain::IncomingMessage &message)
{
    const QString from = message.fromAddress.toLower();
    const QString replyTo = message.replyTo.toLower();

    if (isAmazonRelay(replyTo) || isAmazonRelay(from)) {
        static const QRegularExpression order(QStringLiteral(R"((?<![\d-])(\d{3}-\d{7}-\d{7})(?![\d-]))"));
        Match match;
        match.channel = domain::Channel::Amazon;
        match.replyAddress = isAmazonRelay(replyTo) ? replyTo : from;
        match.orderId = firstMatch(order, message);
        return match;
    }

    const bool relay = isEbayRelay(replyTo) || isEbayRelay(from);
    if (relay || (isEbaySender(from) && isMemberMessageSubject(message.subject))) {
        static const QRegularExpression order(QStringLiteral(R"((?<![\d-])(\d{2}-\d{5}-\d{5})(?![\d-]))"));
        Match match;
        match.channel = domain::Channel::Ebay;
        match.replyAddress = isEbayRelay(replyTo) ? replyTo : (isEbayRelay(from) ? from : QString());
        match.orderId = firstMatch(order, message);
        return match;
    }
    return std::nullopt;
}

} // namespace waybill::channels::email
