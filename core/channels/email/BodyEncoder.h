// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace waybill::channels::email {

/// Content-Transfer-Encodings for outgoing MIME parts (RFC 2045): quoted-printable and base64 with CRLF line
/// endings and lines of at most 76 characters, and the choice between them for text. Lines of quoted-printable
/// text that start with "From " or "." are escaped, so that neither mbox storage nor SMTP can alter them.
/// Pure functions, safe on any thread.
class BodyEncoder final {
public:
    /// An encoded body and the Content-Transfer-Encoding value that names it.
    struct Encoded {
        QByteArray encoding; ///< "quoted-printable", "base64", "8bit" or "7bit"
        QByteArray body; ///< CRLF line endings, ending with CRLF
    };

    /// Text as UTF-8 in canonical form (CRLF line endings), quoted-printable or base64, whichever is shorter
    /// (Japanese text is usually shorter in base64); "8bit" when `allow8bit` and every line fits 998 bytes.
    static Encoded text(const QString &text, bool allow8bit);
    /// Binary content, base64 in 76-character lines.
    static QByteArray base64(const QByteArray &content);
    /// Quoted-printable of already canonical (CRLF) text.
    static QByteArray quotedPrintable(const QByteArray &canonical);
    /// `text` with every line ending (CRLF, CR, LF, U+2028, U+2029) as CRLF, as UTF-8.
    static QByteArray canonical(const QString &text);
};

} // namespace waybill::channels::email
