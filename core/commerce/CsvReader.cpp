// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvReader.h"

#include <QCoreApplication>
#include <QIODevice>

namespace waybill::commerce {

namespace {

constexpr qint64 ChunkBytes = 256 * 1024;

} // namespace

QString CsvReader::Record::field(qsizetype index) const
{
    if (index < 0 || index >= ends.size()) {
        return {};
    }
    const qsizetype start = index == 0 ? 0 : ends.at(index - 1);
    const QByteArrayView bytes(text.constData() + start, ends.at(index) - start);
    QString decoded = QString::fromUtf8(bytes);
    // Not UTF-8 (a file saved by a spreadsheet in Windows-1252 or Latin-1): read the bytes as Latin-1 rather than
    // turning every accented letter into U+FFFD.
    if (decoded.contains(QChar::ReplacementCharacter) && !bytes.contains(QByteArrayView("\xEF\xBF\xBD"))) {
        decoded = QString::fromLatin1(bytes);
    }
    return decoded;
}

QStringList CsvReader::Record::fields() const
{
    QStringList list;
    list.reserve(ends.size());
    for (qsizetype i = 0; i < ends.size(); ++i) {
        list.append(field(i));
    }
    return list;
}

bool CsvReader::Record::isBlank() const
{
    for (const char c : text) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            return false;
        }
    }
    return true;
}

CsvReader::CsvReader(QIODevice &device, char delimiter, qint64 maxRecordBytes)
    : m_device(device)
    , m_delimiter(delimiter)
    , m_maxRecordBytes(maxRecordBytes)
{
}

bool CsvReader::fill()
{
    if (m_eof) {
        return false;
    }
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray chunk = m_device.read(ChunkBytes);
    if (chunk.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer.append(chunk);
    if (!m_started) {
        m_started = true;
        if (m_buffer.startsWith("\xEF\xBB\xBF")) {
            m_buffer.remove(0, 3);
            m_consumed += 3;
        }
    }
    return true;
}

bool CsvReader::seek(qint64 offset, int line)
{
    if (!m_device.seek(offset)) {
        return false;
    }
    m_buffer.clear();
    m_pos = 0;
    m_consumed = offset;
    m_line = line;
    m_started = true;
    m_eof = false;
    return true;
}

bool CsvReader::atEnd() const
{
    return m_eof && m_pos >= m_buffer.size();
}

void CsvReader::skipRestOfLine()
{
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            return;
        }
        const char c = m_buffer.at(m_pos++);
        ++m_consumed;
        if (c == '\n') {
            ++m_line;
            return;
        }
    }
}

bool CsvReader::next(Record &record)
{
    record.text.resize(0);
    record.ends.resize(0);
    record.error.clear();
    while (m_pos >= m_buffer.size()) {
        if (!fill()) {
            return false;
        }
    }
    record.line = m_line;
    QByteArray &field = record.text;
    qsizetype fieldStart = 0;
    bool quoted = false; // inside a quoted section of the current field
    bool wasQuoted = false;
    qint64 recordBytes = 0;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            // End of input: finish the record.
            if (quoted) {
                record.error = QCoreApplication::translate("CsvReader", "a quoted field is not closed");
            }
            record.ends.append(field.size());
            return true;
        }
        const char *data = m_buffer.constData();
        const qsizetype size = m_buffer.size();
        // Copy runs of ordinary bytes at once.
        qsizetype start = m_pos;
        while (m_pos < size) {
            const char c = data[m_pos];
            if (c == '"' || c == m_delimiter || c == '\n' || c == '\r') {
                break;
            }
            ++m_pos;
        }
        if (m_pos > start) {
            field.append(data + start, m_pos - start);
            m_consumed += m_pos - start;
            recordBytes += m_pos - start;
        }
        if (recordBytes > m_maxRecordBytes) {
            record.error
                = QCoreApplication::translate("CsvReader", "the line is longer than %1 bytes").arg(m_maxRecordBytes);
            record.text.resize(0);
            record.ends.resize(0);
            if (quoted) {
                // The record spans lines; what follows this line is unknowable, so go on at the next line.
                quoted = false;
            }
            skipRestOfLine();
            return true;
        }
        if (m_pos >= size) {
            continue;
        }
        const char c = data[m_pos++];
        ++m_consumed;
        ++recordBytes;
        if (quoted) {
            if (c == '"') {
                if (m_pos >= m_buffer.size()) {
                    fill();
                }
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '"') {
                    field.append('"');
                    ++m_pos;
                    ++m_consumed;
                    ++recordBytes;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') {
                    ++m_line;
                }
                field.append(c);
            }
            continue;
        }
        if (c == '"') {
            if (field.size() == fieldStart && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c); // a stray quote inside an unquoted field is kept as text
            }
        } else if (c == m_delimiter) {
            record.ends.append(field.size());
            fieldStart = field.size();
            wasQuoted = false;
        } else if (c == '\r') {
            // CR of a CRLF (or a lone CR): the record ends at the LF, if one follows.
            if (m_pos >= m_buffer.size()) {
                fill();
            }
            if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '\n') {
                ++m_pos;
                ++m_consumed;
            }
            ++m_line;
            record.ends.append(field.size());
            return true;
        } else { // '\n'
            ++m_line;
            record.ends.append(field.size());
            return true;
        }
    }
}

} // namespace waybill::commerce
