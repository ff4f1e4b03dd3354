// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace waybill::channels::marketplace {

/// When Amazon accepts a review request (Solicitations' productReviewAndSellerFeedback) for an order: from 5 to
/// 30 days after delivery, as Amazon's "Request a Review" documents it. Pure functions of epoch seconds.
class AmazonReviewWindow final {
public:
    static constexpr qint64 OpensAfterSeconds = qint64(5) * 24 * 3600;
    static constexpr qint64 ClosesAfterSeconds = qint64(30) * 24 * 3600;

    /// Whether a request may go at `now` for an order delivered at `deliveredAt` (0: not delivered: never).
    static bool isOpen(qint64 deliveredAt, qint64 now)
    {
        return deliveredAt > 0 && now >= deliveredAt + OpensAfterSeconds && now <= deliveredAt + ClosesAfterSeconds;
    }
    /// Whether the window has closed for good at `now`.
    static bool hasClosed(qint64 deliveredAt, qint64 now)
    {
        return deliveredAt > 0 && now > deliveredAt + ClosesAfterSeconds;
    }
};

} // namespace waybill::channels::marketplace
