// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonMessagingClient.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iterator>

namespace waybill::channels::marketplace {

namespace {

/// The message types whose request body is `{"text": …}`, with the Messaging model's maxLength of that text.
struct TextType {
    const char *name;
    qsizetype maxLength;
};

constexpr TextType TextTypes[] = {
    { "confirmCustomizationDetails", 800 },
    { "confirmDeliveryDetails", 2000 },
    { "confirmOrderDetails", 2000 },
    { "confirmServiceDetails", 2000 },
    { "digitalAccessKey", 400 },
    { "unexpectedProblem", 2000 },
};

} // namespace

AmazonMessagingClient::AmazonMessagingClient(QNetworkAccessManager &network,
    const commerce::HttpJsonClient::Config &config, security::OAuthTokenSource &tokens, QString marketplaceId)
    : m_client(network, config)
    , m_tokens(tokens)
    , m_marketplaceId(std::move(marketplaceId))
{
}

QStringList AmazonMessagingClient::textMessageTypes()
{
    QStringList types;
    for (const TextType &type : TextTypes) {
        types << QString::fromLatin1(type.name);
    }
    return types;
}

qsizetype AmazonMessagingClient::maxTextLength(const QString &type)
{
    for (const TextType &known : TextTypes) {
        if (type == QLatin1String(known.name)) {
            return known.maxLength;
        }
    }
    return 0;
}

std::unique_ptr<SpApiOrderActionTask> AmazonMessagingClient::actions(const QString &amazonOrderId)
{
    return std::make_unique<SpApiOrderActionTask>(
        m_client, m_tokens, SpApiOrderActionTask::Api::Messaging, amazonOrderId, m_marketplaceId);
}

std::unique_ptr<SpApiOrderActionTask> AmazonMessagingClient::send(
    const QString &amazonOrderId, const QString &type, const QString &text, QString *problem)
{
    const auto refuse = [problem](const QString &why) -> std::unique_ptr<SpApiOrderActionTask> {
        if (problem) {
            *problem = why;
        }
        return nullptr;
    };
    const auto known = std::find_if(std::begin(TextTypes), std::end(TextTypes),
        [&type](const TextType &t) { return type == QLatin1String(t.name); });
    if (known == std::end(TextTypes)) {
        return refuse(QStringLiteral("Amazon message type %1 cannot be sent as text from Waybill (it needs "
                                     "attachments or other details, or is not a Messaging API type)")
                          .arg(type));
    }
    if (text.trimmed().isEmpty()) {
        return refuse(QStringLiteral("the message to send as %1 is empty").arg(type));
    }
    if (text.size() > known->maxLength) {
        return refuse(QStringLiteral("Amazon accepts at most %1 characters in a %2 message; this one has %3")
                          .arg(known->maxLength)
                          .arg(type)
                          .arg(text.size()));
    }
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("text"), text } }).toJson(QJsonDocument::Compact);
    return std::make_unique<SpApiOrderActionTask>(
        m_client, m_tokens, SpApiOrderActionTask::Api::Messaging, amazonOrderId, m_marketplaceId, type, body);
}

} // namespace waybill::channels::marketplace
