// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderField.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace waybill::commerce {

/// How the columns of an order CSV fill Waybill's order fields: for each field the column names to look for (the
/// first one the file has wins), the delimiter, the order source, and how multi-row orders add up. A plain value
/// type: the presets (Shopify, Amazon, eBay) are built here, and the desktop dialog and `waybillctl import orders`
/// build custom mappings (or adjust a preset) with setColumn() / applyAssignment().
class OrderColumnMapping final {
public:
    /// Where each column of a file goes: the column index per field (-1 when the file lacks it).
    struct Resolved {
        QHash<OrderField, int> index;
        int columnCount = 0;

        int column(OrderField field) const { return index.value(field, -1); }
    };

    /// A custom mapping: comma-separated (tab when the header has tabs and no commas), source "csv", no columns.
    OrderColumnMapping();

    /// "shopify", "amazon", "ebay".
    static QStringList presetNames();
    /// The preset called `name` (case-insensitive), or std::nullopt.
    static std::optional<OrderColumnMapping> preset(const QString &name);
    static OrderColumnMapping shopify();
    static OrderColumnMapping amazon();
    static OrderColumnMapping ebay();

    /// The preset's name, or "custom".
    QString name() const { return m_name; }
    /// What the orders' `source` is set to (with the order number it identifies an order).
    QString source() const { return m_source; }
    void setSource(const QString &source) { m_source = source; }
    /// The delimiter, or 0 to pick comma or tab from the header line.
    char delimiter() const { return m_delimiter; }
    void setDelimiter(char delimiter) { m_delimiter = delimiter; }
    /// True when every row of a multi-row order carries its own line's shipping and tax (Amazon), which then
    /// add up; false when the order's amounts are on its first row (Shopify, eBay).
    bool sumsAmountsAcrossRows() const { return m_sumAmounts; }
    void setSumsAmountsAcrossRows(bool sum) { m_sumAmounts = sum; }
    /// The currency when the file has none and amounts carry no symbol.
    QString defaultCurrency() const { return m_defaultCurrency; }
    void setDefaultCurrency(const QString &currency) { m_defaultCurrency = currency; }

    /// The column names tried for `field`, in order.
    QStringList columns(OrderField field) const { return m_columns.value(field); }
    /// Maps `field` to exactly one column (an empty name unmaps it).
    void setColumn(OrderField field, const QString &column);
    /// Applies "field=Column" (field keys as in orderFieldKey()); returns an error for people, empty on success.
    QString applyAssignment(const QString &assignment);

    /// Finds the mapped columns in `header` (names compared case-insensitively, surrounding spaces ignored).
    /// Without a column for the order number or the order date it returns std::nullopt and says why in `error`.
    std::optional<Resolved> resolve(const QStringList &header, QString *error) const;
    /// True for a row, given its first field, that is one of the summary lines a marketplace appends after the
    /// data (eBay's "3 record(s) downloaded", "Seller ID: …").
    bool isFooter(const QString &firstField) const;

private:
    QString m_name;
    QString m_source;
    char m_delimiter = 0;
    bool m_sumAmounts = false;
    QString m_defaultCurrency;
    QHash<OrderField, QStringList> m_columns;
};

} // namespace waybill::commerce
