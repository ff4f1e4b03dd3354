// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditEntry.h"
#include "domain/Claim.h"
#include "domain/ConversationSummary.h"
#include "domain/Customer.h"
#include "domain/MarketplaceListing.h"
#include "domain/Message.h"
#include "domain/Order.h"
#include "domain/ReturnRequest.h"
#include "domain/Shipment.h"

#include <QList>

#include <optional>

namespace waybill::domain {

/// Everything the conversation screen shows: the thread, the customer, the linked order with its shipments,
/// returns and claims, the customer's other orders, the marketplace listing the buyer wrote about, and the audit
/// trail.
struct ConversationDetail {
    ConversationSummary conversation;
    QList<Message> messages; ///< oldest first
    std::optional<Customer> customer;
    std::optional<Order> order;
    QList<Shipment> shipments;
    QList<ReturnRequest> returns;
    QList<Claim> claims;
    QList<Order> customerOrders; ///< newest first, without lines
    std::optional<MarketplaceListing> listing; ///< what the buyer's newest marketplace message is about
    QList<AuditEntry> audit;
};

} // namespace waybill::domain
