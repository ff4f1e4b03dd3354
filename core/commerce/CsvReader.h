// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace waybill::commerce {

/// Reads delimited text (RFC 4180 CSV, or tab-separated) one record at a time from a device, without loading the
/// file: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF and LF both end a record; a UTF-8
/// byte order mark at the start is dropped; fields that are not valid UTF-8 are read as Latin-1. A record longer than
/// the length limit or a quoted field still open at the end of the input comes back as a record with an error (and the
/// line it started on), and reading goes on at the next line. Does not own the device; lives on the thread that reads
/// it; ends at atEnd().
class CsvReader final {
public:
    static constexpr qint64 DefaultMaxRecordBytes = 1 << 20;

    /// One record: its fields, the 1-based line it starts on, and an error for people when it could not be read.
    /// The fields are kept as UTF-8 and decoded when asked for, so that unused columns cost nothing.
    struct Record {
        QByteArray text; ///< the unescaped fields, one after another
        QList<qsizetype> ends; ///< where each field ends in `text`
        int line = 0;
        QString error;

        qsizetype size() const { return ends.size(); }
        /// Field `index`, decoded from UTF-8, or from Latin-1 when it is not valid UTF-8.
        QString field(qsizetype index) const;
        QStringList fields() const;
        /// True for a record without any text (an empty line).
        bool isBlank() const;
    };

    explicit CsvReader(QIODevice &device, char delimiter = ',', qint64 maxRecordBytes = DefaultMaxRecordBytes);

    /// Reads the next record into `record`; false at the end of the input.
    bool next(Record &record);
    bool atEnd() const;
    /// Bytes consumed so far (for progress against the file size); before next(), where the next record starts.
    qint64 position() const { return m_consumed; }
    /// The line the next record starts on.
    int line() const { return m_line; }
    /// Goes on from byte `offset` of the device, which is where a record starting on `line` begins (a position()
    /// and line() taken earlier on the same file). False when the device cannot seek there.
    bool seek(qint64 offset, int line);

private:
    bool fill();
    void skipRestOfLine();

    QIODevice &m_device;
    char m_delimiter;
    qint64 m_maxRecordBytes;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_consumed = 0;
    int m_line = 1;
    bool m_started = false;
    bool m_eof = false;
};

} // namespace waybill::commerce
