// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EbayMyMessagesPage.h"

#include <QString>

#include <optional>

namespace waybill::channels::marketplace {

class EbayTradingResponse;

/// Reads a GetMyMessages answer (ReturnHeaders or ReturnMessages; from a call or a MyMessages Platform
/// Notification) into EbayMyMessage values. eBay sends a message as an HTML page escaped in `<Text>`: `html` keeps
/// it as received and `text` is readable plain text (styles, scripts and tags dropped, entities decoded, paragraph
/// breaks kept; by channels::email::HtmlToText). A message without a MessageID is skipped with its reason; the page
/// is refused only when it is not a GetMyMessages answer or eBay's Ack is Failure. Pure functions; any thread.
class EbayMyMessagesParser final {
public:
    static std::optional<EbayMyMessagesPage> parse(const EbayTradingResponse &response, QString *problem);
};

} // namespace waybill::channels::marketplace
