// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace waybill::commerce {

/// Reads the dates and amounts that shop and marketplace exports write, quickly enough for 100,000s of rows (no
/// QDateTime or locale parsing on the hot path). Stateless; safe on any thread.
class OrderCsvValues final {
public:
    /// Epoch seconds for "2026-03-15 10:22:31 -0400" (Shopify), "2026-03-15T10:22:31+00:00" / "…Z" (Amazon),
    /// "Mar-15-26" (eBay), "Mar 15, 2026", "3/15/2026 10:22", "15.03.2026", with or without seconds; times
    /// without a zone are UTC. std::nullopt when the text is none of these.
    static std::optional<qint64> parseTime(QStringView text);
    /// Minor units (cents) for "12.99", "$1,234.50", "1.234,50 €", "-5.00", "(5.00)", "USD 12"; std::nullopt when
    /// the text is not an amount. When the text carries a currency symbol or code, `currency` is set to its code.
    static std::optional<qint64> parseMoney(QStringView text, QString *currency = nullptr);
    /// A positive whole quantity ("2", "2.0"); std::nullopt otherwise.
    static std::optional<int> parseQuantity(QStringView text);
};

} // namespace waybill::commerce
