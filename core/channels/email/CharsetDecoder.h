// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

/// Turns mail text bytes into a QString, whatever the sender claimed. Labelled text is decoded with
/// `QStringDecoder` where Qt knows the charset and with Core5Compat `QTextCodec` (ICU) otherwise; labels that are
/// common aliases (gb2312, ks_c_5601-1987, x-sjis, …) are mapped to the superset real mail uses. A label that cannot
/// be right (8-bit bytes marked us-ascii, UTF-8 marked iso-8859-1, invalid UTF-8 marked utf-8, unknown names) falls
/// back to the same plausibility check as unlabelled text: ISO-2022-JP escapes, valid UTF-8, then Shift_JIS, EUC-JP
/// or GB18030 when the result reads like Japanese or Chinese, else windows-1252.
/// Pure functions, safe on any thread; never fails (undecodable bytes become U+FFFD).
class CharsetDecoder final {
public:
    /// Decodes `bytes` labelled `charset` (any case, may be empty or wrong).
    static QString decode(const QByteArray &bytes, const QByteArray &charset);
    /// The charset unlabelled bytes most plausibly are in: "us-ascii", "ISO-2022-JP", "UTF-8", "Shift_JIS",
    /// "EUC-JP", "GB18030" or "windows-1252".
    static QByteArray detect(const QByteArray &bytes);
    /// The name to hand to a decoder for a label from a message ("gb2312" → "GB18030"); empty when unknown.
    static QByteArray canonicalName(const QByteArray &charset);
    /// True when `bytes` is well-formed UTF-8 (pure ASCII included).
    static bool isValidUtf8(const QByteArray &bytes);
    /// True when every byte is 7-bit and there is no ISO-2022 escape.
    static bool isPlainAscii(const QByteArray &bytes);

private:
    static QString decodeWith(const QByteArray &bytes, const QByteArray &canonical, int *invalid);
};

} // namespace waybill::channels::email
