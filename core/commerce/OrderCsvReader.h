// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CsvReader.h"
#include "ImportedOrder.h"
#include "OrderColumnMapping.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QIODevice;

namespace waybill::commerce {

/// Turns an order export (CSV or tab-separated) into orders through a column mapping: finds the header, merges the
/// consecutive rows of one order (Shopify and Amazon write a row per line item), parses dates and amounts, fills
/// what the file leaves out (subtotal from the lines, total from subtotal + shipping + tax, the carrier from the
/// tracking number), and reports every row it cannot use with its line number and the reason, going on with the
/// next. Does not touch the database. Does not own the device; lives on the thread that reads it.
class OrderCsvReader final {
public:
    /// A row that was left out, for people: "line 12: the date "tomorrow" is not a date".
    struct Problem {
        int line = 0;
        QString reason;
    };

    OrderCsvReader(
        QIODevice &device, OrderColumnMapping mapping, qint64 maxRecordBytes = CsvReader::DefaultMaxRecordBytes);
    ~OrderCsvReader();
    OrderCsvReader(const OrderCsvReader &) = delete;
    OrderCsvReader &operator=(const OrderCsvReader &) = delete;

    /// Reads the header and matches it to the mapping; false with error() when the file cannot be used at all
    /// (empty, or without an order number or date column).
    bool start();
    QString error() const { return m_error; }
    QStringList header() const { return m_header; }

    /// The next order; false at the end of the file.
    bool next(ImportedOrder &order);
    /// The rows left out since the last call.
    QList<Problem> takeProblems();
    /// Data rows read so far (blank lines and footers not counted).
    int rows() const { return m_rows; }
    /// Bytes read so far.
    qint64 position() const;

    /// Where reading must start again to read every order after the last one next() returned: the byte offset and
    /// line of the first row of the order being collected (or of the next row when there is none).
    struct ResumePoint {
        qint64 offset = 0;
        int line = 0;
    };
    ResumePoint resumePoint() const;
    /// Goes on from a resume point taken on the same file (after start()); false when the file cannot seek there.
    bool resumeFrom(const ResumePoint &point);

private:
    struct Row;
    bool parseRow(const CsvReader::Record &record, Row &row, QString &error) const;
    void begin(const Row &row, int line);
    void merge(const Row &row);
    void finish(ImportedOrder &order) const;
    QString cell(const CsvReader::Record &record, OrderField field) const;

    QIODevice &m_device;
    OrderColumnMapping m_mapping;
    qint64 m_maxRecordBytes;
    std::unique_ptr<CsvReader> m_csv;
    OrderColumnMapping::Resolved m_columns;
    QStringList m_header;
    QString m_error;
    QList<Problem> m_problems;
    int m_rows = 0;

    ImportedOrder m_pending;
    bool m_hasPending = false;
    ResumePoint m_pendingStart; ///< where the pending order's first row starts
    bool m_hasSubtotal = false;
    bool m_hasShipping = false;
    bool m_hasTax = false;
    bool m_hasTotal = false;
    qint64 m_linesTotal = 0;
    QString m_symbolCurrency;
};

} // namespace waybill::commerce
