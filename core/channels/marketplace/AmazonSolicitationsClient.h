// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SpApiOrderActionTask.h"
#include "commerce/HttpJsonClient.h"

#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace waybill::channels::marketplace {

/// The Selling Partner API Solicitations v1 for one seller and marketplace: Amazon's "Request a Review", which
/// sends the buyer Amazon's own review and seller-feedback e-mail (the seller writes nothing). requestReview()
/// asks getSolicitationActionsForOrder first and calls createProductReviewAndSellerFeedbackSolicitation only when
/// Amazon lists productReviewAndSellerFeedback for the order (Amazon offers it once per order, 5–30 days after
/// delivery). Not a QObject; owned by whoever sends review requests for the account, on its thread; the network
/// manager and the token source must outlive it and its tasks.
class AmazonSolicitationsClient final {
public:
    static constexpr const char *ProductReviewAction = "productReviewAndSellerFeedback";

    AmazonSolicitationsClient(QNetworkAccessManager &network, const commerce::HttpJsonClient::Config &config,
        security::OAuthTokenSource &tokens, QString marketplaceId);
    AmazonSolicitationsClient(const AmazonSolicitationsClient &) = delete;
    AmazonSolicitationsClient &operator=(const AmazonSolicitationsClient &) = delete;

    /// Lists the solicitations Amazon allows for the order (Outcome::Listed), not started yet.
    std::unique_ptr<SpApiOrderActionTask> actions(const QString &amazonOrderId);
    /// Requests the product review and seller feedback solicitation (Done, or NotOffered with the reason), not
    /// started yet.
    std::unique_ptr<SpApiOrderActionTask> requestReview(const QString &amazonOrderId);

    QString marketplaceId() const { return m_marketplaceId; }

private:
    commerce::HttpJsonClient m_client;
    security::OAuthTokenSource &m_tokens;
    QString m_marketplaceId;
};

} // namespace waybill::channels::marketplace
