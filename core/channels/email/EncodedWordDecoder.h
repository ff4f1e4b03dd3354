// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

/// Reads RFC 2047 header text the way real mail writes it, not only the way the RFC does: encoded words inside
/// quotes or glued to other words, Q words with spaces, adjacent words whose multi-byte characters are split
/// between them (decoded bytes are joined per charset before conversion), unknown or wrong charset labels, and
/// unencoded 8-bit or ISO-2022-JP header bytes (charset detected over the whole value, see CharsetDecoder).
/// Pure functions, safe on any thread, linear in the input.
class EncodedWordDecoder final {
public:
    /// Decodes an unstructured header value (Subject, a display name, a file name) from its raw, possibly folded
    /// bytes. Control characters and runs of white space become one space; the result is trimmed.
    static QString decode(const QByteArray &rawValue);
    /// Removes folding line breaks and trims: the logical header value.
    static QByteArray unfold(const QByteArray &rawValue);
    /// Re-encodes any unencoded 8-bit text of a structured header (an address list) as UTF-8, leaving ASCII and
    /// encoded words untouched, so that an address parser can read it afterwards.
    static QByteArray repair8bit(const QByteArray &rawValue);
    /// The display name of a single-mailbox header ("=?utf-8?B?…?= <a@b>", "\"Doe, John\" <j@d>") decoded by
    /// `decode`, without quotes; `fallback` when the value has no phrase before an angle-bracketed address.
    static QString displayName(const QByteArray &rawValue, const QString &fallback);
};

} // namespace waybill::channels::email
