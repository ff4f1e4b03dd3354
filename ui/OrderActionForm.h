// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/OrderAction.h"

#include <QString>

namespace waybill::ui {

/// What the order action confirmation (OrderActionDialog) shows (the fields a caller fills) and what the agent
/// chose (amountCents and note, filled by the dialog). A value.
struct OrderActionForm {
    // Shown
    domain::OrderAction::Kind kind = domain::OrderAction::Kind::Refund;
    QString orderNumber; ///< "#1001"
    QString storeName; ///< "Shopify (shop.myshopify.com)"
    QString customerName;
    QString currency;
    qint64 totalCents = 0;
    qint64 refundableCents = 0; ///< paid and not yet refunded: the most a refund may be
    int itemCount = 0; ///< items (quantities summed) a resend copies

    // Chosen
    qint64 amountCents = 0; ///< the refund; preset to refundableCents
    QString note; ///< sent to the store with the action
};

} // namespace waybill::ui
