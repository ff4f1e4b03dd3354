// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MimePreflight.h"

#include <algorithm>

namespace waybill::channels::email {

namespace {

constexpr qsizetype ContentTypeLength = 13; // "content-type:"
constexpr qsizetype MaxContentTypeScan = 512;

bool isContainerType(const QByteArray &raw, qsizetype valueStart)
{
    QByteArray value;
    for (qsizetype i = valueStart; i < raw.size() && value.size() < MaxContentTypeScan; ++i) {
        const char c = raw.at(i);
        if (c == '\n') {
            if (i + 1 >= raw.size() || (raw.at(i + 1) != ' ' && raw.at(i + 1) != '\t')) {
                break;
            }
            continue;
        }
        if (c != '\r' && c != ' ' && c != '\t') {
            value.append(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
        }
        if (value.size() >= 9) {
            break;
        }
    }
    return value.startsWith("multipart") || value.startsWith("message/");
}

} // namespace

MimeParseResult::Failure MimePreflight::check(const QByteArray &raw, const MimeLimits &limits, QString *reason)
{
    using Failure = MimeParseResult::Failure;
    // Only whitespace? (Scanned, not trimmed: trimming copies every message that ends in a newline.)
    if (std::all_of(raw.cbegin(), raw.cend(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); })) {
        *reason = QStringLiteral("The message is empty");
        return Failure::Empty;
    }
    if (raw.size() > limits.maxMessageBytes) {
        *reason = QStringLiteral("The message has %1 bytes, more than the limit of %2")
                      .arg(raw.size())
                      .arg(limits.maxMessageBytes);
        return Failure::TooLarge;
    }
    qsizetype headerEnd = raw.indexOf("\n\n");
    // A CRLF header ends earlier, if at all: look only there (mail with bare LF would be read to its end).
    const qsizetype crlfEnd
        = QByteArrayView(raw).first(headerEnd < 0 ? raw.size() : headerEnd + 1).indexOf(QByteArrayView("\n\r\n"));
    if (headerEnd < 0 || crlfEnd >= 0) {
        headerEnd = crlfEnd;
    }
    if (headerEnd < 0) {
        headerEnd = raw.size();
    }
    if (headerEnd > limits.maxHeaderBytes) {
        *reason = QStringLiteral("The message header has %1 bytes, more than the limit of %2")
                      .arg(headerEnd)
                      .arg(limits.maxHeaderBytes);
        return Failure::HeadersTooLarge;
    }
    int containers = 0;
    qsizetype lineStart = 0;
    while (lineStart < raw.size()) {
        const char first = raw.at(lineStart);
        if ((first == 'c' || first == 'C') && raw.size() - lineStart > ContentTypeLength
            && qstrnicmp(raw.constData() + lineStart, "content-type:", ContentTypeLength) == 0
            && isContainerType(raw, lineStart + ContentTypeLength)) {
            if (++containers > limits.maxParts) {
                *reason = QStringLiteral("The message has more than %1 MIME parts").arg(limits.maxParts);
                return Failure::TooManyParts;
            }
        }
        const qsizetype newline = raw.indexOf('\n', lineStart);
        if (newline < 0) {
            break;
        }
        lineStart = newline + 1;
    }
    reason->clear();
    return Failure::None;
}

} // namespace waybill::channels::email
