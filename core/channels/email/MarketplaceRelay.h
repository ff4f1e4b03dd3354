// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Channel.h"
#include "domain/IncomingMessage.h"

#include <QString>

#include <optional>

namespace waybill::channels::email {

/// Recognises marketplace messages that reach the seller as relay e-mail: Amazon buyer-seller messaging
/// (senders or Reply-To at marketplace.amazon.<tld>) and eBay member messages (members.ebay.<tld> relay addresses,
/// or eBay's own senders with a member-message subject). Names the channel, the marketplace order id (Amazon
/// 3-7-7 digits, eBay 2-5-5 digits, from the subject first, then the body) and the relay address to answer
/// through. Pure function over the normalised message, safe on any thread.
class MarketplaceRelay final {
public:
    struct Match {
        domain::Channel channel = domain::Channel::Email;
        QString orderId; ///< empty when the message names none
        QString replyAddress; ///< the relay address (lower case); empty when replies go through the API only
    };

    /// std::nullopt when the message is not marketplace relay mail.
    static std::optional<Match> recognise(const domain::IncomingMessage &message);
};

} // namespace waybill::channels::email
