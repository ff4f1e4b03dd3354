// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EbayMemberMessage.h"

#include <QList>
#include <QStringList>

namespace waybill::channels::marketplace {

/// One page of GetMemberMessages: the exchanges that could be read, why others were left out, and where the page
/// stands in eBay's pagination. A plain value.
struct EbayMemberMessagesPage {
    QList<EbayMemberMessage> messages;
    int totalPages = 1; ///< PaginationResult/TotalNumberOfPages
    int totalEntries = 0; ///< PaginationResult/TotalNumberOfEntries
    bool hasMore = false; ///< HasMoreItems
    QStringList skipped; ///< one sentence per exchange left out (no MessageID or no SenderID)
};

} // namespace waybill::channels::marketplace
