// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BodyEncoder.h"

#include <QList>

#include <algorithm>

namespace waybill::channels::email {

namespace {

constexpr qsizetype MaxEncodedLine = 76; // RFC 2045 §6.7 (5), §6.8
constexpr qsizetype MaxLine = 998; // RFC 5322 §2.1.1, without CRLF

QByteArray hexEscape(char c)
{
    return '=' + QByteArray(1, c).toHex().toUpper();
}

/// One line of canonical text (no CRLF) as quoted-printable, with soft line breaks.
void encodeLine(const QByteArray &line, QByteArray &out)
{
    QByteArray current;
    const auto push = [&current, &out](const QByteArray &piece) {
        // Keep room for the "=" of a soft line break.
        if (current.size() + piece.size() > MaxEncodedLine - 1) {
            out += current + "=\r\n";
            current.clear();
        }
        current += piece;
    };
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        const auto u = static_cast<unsigned char>(c);
        const bool last = i + 1 == line.size();
        const bool lineStart = i == 0;
        bool escape = u > 126 || (u < 32 && c != '\t') || c == '=';
        escape = escape || ((c == ' ' || c == '\t') && last); // RFC 2045 §6.7 (3)
        escape = escape || (lineStart && c == '.');
        escape = escape || (lineStart && c == 'F' && line.startsWith("From "));
        push(escape ? hexEscape(c) : QByteArray(1, c));
    }
    out += current + "\r\n";
}

} // namespace

QByteArray BodyEncoder::canonical(const QString &text)
{
    QString normalised = text;
    normalised.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    normalised.replace(QChar(0x2028), QLatin1Char('\n'));
    normalised.replace(QChar(0x2029), QLatin1Char('\n'));
    QByteArray out = normalised.toUtf8();
    out.replace("\n", "\r\n");
    if (!out.endsWith("\r\n")) {
        out += "\r\n";
    }
    return out;
}

QByteArray BodyEncoder::quotedPrintable(const QByteArray &canonical)
{
    QByteArray out;
    out.reserve(canonical.size() + canonical.size() / 4);
    QList<QByteArray> lines = canonical.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty()) {
        lines.removeLast();
    }
    for (QByteArray &line : lines) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        encodeLine(line, out);
    }
    return out;
}

QByteArray BodyEncoder::base64(const QByteArray &content)
{
    const QByteArray encoded = content.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / MaxEncodedLine * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += MaxEncodedLine) {
        out.append(encoded.constData() + i, std::min(MaxEncodedLine, encoded.size() - i));
        out += "\r\n";
    }
    return out;
}

BodyEncoder::Encoded BodyEncoder::text(const QString &text, bool allow8bit)
{
    const QByteArray bytes = canonical(text);
    if (allow8bit) {
        bool fits = true;
        for (const QByteArray &line : bytes.split('\n')) {
            fits = fits && line.size() <= MaxLine + 1 && !line.contains('\0') && line.indexOf('\r') >= line.size() - 1;
        }
        if (fits) {
            const bool ascii = std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return (c & 0x80) == 0; });
            return { ascii ? QByteArrayLiteral("7bit") : QByteArrayLiteral("8bit"), bytes };
        }
    }
    QByteArray qp = quotedPrintable(bytes);
    const qsizetype base64Length = (bytes.size() + 2) / 3 * 4;
    if (qp.size() <= base64Length + base64Length / MaxEncodedLine * 2 + 2) {
        return { QByteArrayLiteral("quoted-printable"), qp };
    }
    return { QByteArrayLiteral("base64"), base64(bytes) };
}

} // namespace waybill::channels::email
