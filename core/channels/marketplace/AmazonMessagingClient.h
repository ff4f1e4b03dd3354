// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SpApiOrderActionTask.h"
#include "commerce/HttpJsonClient.h"

#include <QString>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;

namespace waybill::channels::marketplace {

/// The Selling Partner API Messaging v1 for one seller and marketplace: the proactive messages a seller may send
/// about an order outside a buyer's conversation. Amazon decides per order which message types are allowed now;
/// send() asks getMessagingActionsForOrder first and posts only a type that it lists (otherwise the task finishes
/// NotOffered with the reason). Only the types whose request carries plain text are sent from here
/// (textMessageTypes()); the others need uploaded attachments or warranty dates and are refused before any
/// request. Not a QObject; owned by its user, on its thread; the network manager and the token source must
/// outlive it and its tasks.
class AmazonMessagingClient final {
public:
    AmazonMessagingClient(QNetworkAccessManager &network, const commerce::HttpJsonClient::Config &config,
        security::OAuthTokenSource &tokens, QString marketplaceId);
    AmazonMessagingClient(const AmazonMessagingClient &) = delete;
    AmazonMessagingClient &operator=(const AmazonMessagingClient &) = delete;

    /// The message types whose request is `{"text": …}` in the Messaging model (confirmDeliveryDetails, …).
    static QStringList textMessageTypes();
    /// The most characters the Messaging model allows in the text of `type`; 0 when `type` is not a text type.
    static qsizetype maxTextLength(const QString &type);

    /// Lists the message types Amazon allows for the order now (Outcome::Listed), not started yet.
    std::unique_ptr<SpApiOrderActionTask> actions(const QString &amazonOrderId);
    /// Sends `text` as a message of `type` about the order (Done, or NotOffered with the reason), not started yet;
    /// nullptr with `problem` set when the type cannot carry text alone or the text is empty or too long.
    std::unique_ptr<SpApiOrderActionTask> send(
        const QString &amazonOrderId, const QString &type, const QString &text, QString *problem);

    QString marketplaceId() const { return m_marketplaceId; }

private:
    commerce::HttpJsonClient m_client;
    security::OAuthTokenSource &m_tokens;
    QString m_marketplaceId;
};

} // namespace waybill::channels::marketplace
