// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <random>

namespace waybill::bench {

/// Writes a synthetic Shopify order export (the real export's 56 columns) for import benchmarks: orders of 1–3
/// line items, one row per item with the order's amounts on the first row; customers who order several times
/// (about a third of the orders are by returning customers); names with commas and notes with line breaks, so that
/// the CSV quoting is exercised; a UTF-8 BOM and CRLF line ends as Shopify writes them. The same seed and count
/// give the same bytes.
class OrderCsvGenerator final {
public:
    struct Stats {
        int orders = 0;
        int rows = 0;
        qint64 bytes = 0;
    };

    explicit OrderCsvGenerator(quint64 seed);

    /// Writes `count` orders to `path`; false (with a message on stderr) when the file cannot be written.
    bool writeShopify(const QString &path, int count, Stats *stats);

private:
    std::mt19937_64 m_random;
};

} // namespace waybill::bench
