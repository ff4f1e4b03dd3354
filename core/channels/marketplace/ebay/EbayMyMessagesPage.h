// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EbayMyMessage.h"

#include <QList>
#include <QStringList>

namespace waybill::channels::marketplace {

/// The messages of one GetMyMessages answer, why others were left out, and eBay's Summary counts when the answer
/// holds them (ReturnSummary, or with headers). A plain value.
struct EbayMyMessagesPage {
    QList<EbayMyMessage> messages;
    QStringList skipped; ///< one sentence per message left out (no MessageID)
    bool hasSummary = false;
    int newMessageCount = 0; ///< Summary/NewMessageCount
    int totalMessageCount = 0; ///< Summary/TotalMessageCount
    int flaggedMessageCount = 0; ///< Summary/FlaggedMessageCount
    int newAlertCount = 0; ///< Summary/NewAlertCount
    int totalAlertCount = 0; ///< Summary/TotalAlertCount
    int newHighPriorityCount = 0; ///< Summary/NewHighPriorityCount
};

} // namespace waybill::channels::marketplace
