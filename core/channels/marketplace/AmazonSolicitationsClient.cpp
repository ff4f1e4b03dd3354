// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonSolicitationsClient.h"

namespace waybill::channels::marketplace {

AmazonSolicitationsClient::AmazonSolicitationsClient(QNetworkAccessManager &network,
    const commerce::HttpJsonClient::Config &config, security::OAuthTokenSource &tokens, QString marketplaceId)
    : m_client(network, config)
    , m_tokens(tokens)
    , m_marketplaceId(std::move(marketplaceId))
{
}

std::unique_ptr<SpApiOrderActionTask> AmazonSolicitationsClient::actions(const QString &amazonOrderId)
{
    return std::make_unique<SpApiOrderActionTask>(
        m_client, m_tokens, SpApiOrderActionTask::Api::Solicitations, amazonOrderId, m_marketplaceId);
}

std::unique_ptr<SpApiOrderActionTask> AmazonSolicitationsClient::requestReview(const QString &amazonOrderId)
{
    // The operation takes no body; Amazon's sandbox example sends none.
    return std::make_unique<SpApiOrderActionTask>(m_client, m_tokens, SpApiOrderActionTask::Api::Solicitations,
        amazonOrderId, m_marketplaceId, QString::fromLatin1(ProductReviewAction), QByteArray());
}

} // namespace waybill::channels::marketplace
