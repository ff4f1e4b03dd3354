// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EbayMemberMessagesPage.h"

#include <QString>

#include <optional>

namespace waybill::channels::marketplace {

class EbayTradingResponse;

/// Reads a GetMemberMessages answer (from a poll, or the same answer in an AskSellerQuestion Platform Notification)
/// into EbayMemberMessage values. One exchange without a MessageID or a SenderID is skipped with its reason in
/// `skipped`; the page is refused only when it is not a GetMemberMessages answer or eBay's Ack is Failure. Pure
/// functions; any thread.
class EbayMemberMessagesParser final {
public:
    /// The page, or nothing with `problem` set to a sentence for people.
    static std::optional<EbayMemberMessagesPage> parse(const EbayTradingResponse &response, QString *problem);
    /// A message body as plain text: HTML character references (&#39;, &amp;, …) decoded, CR LF as LF, line
    /// breaks kept, white space at both ends dropped.
    static QString plainBody(const QString &text);
};

} // namespace waybill::channels::marketplace
