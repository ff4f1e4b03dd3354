// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::channels::email {

/// The HTML alternative of a plain-text reply: everything escaped (what an agent types is never markup),
/// paragraphs at blank lines, line breaks kept, runs of spaces kept, http(s) and www. links and e-mail addresses
/// made clickable. Pure functions, safe on any thread, linear in the input.
class TextToHtml final {
public:
    /// An HTML fragment of <p> elements; empty for empty text.
    static QString convert(const QString &text);
    /// `text` with &, <, > and " escaped.
    static QString escape(const QString &text);
};

} // namespace waybill::channels::email
