// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace waybill::text {

/// Marketplace messaging rules checked before a reply is sent (Amazon: no external links, no contact details
/// that take the buyer off Amazon, no requests for positive reviews).
class MarketplaceRules final {
public:
    /// Warnings for people, one sentence each; empty when the body is fine.
    static QStringList amazonWarnings(const QString &body);
};

} // namespace waybill::text
