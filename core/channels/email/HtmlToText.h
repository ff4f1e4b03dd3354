// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace waybill::channels::email {

/// Plain text from an HTML mail body, for previews, search and mail that has no text/plain part: scripts, styles
/// and comments dropped, block elements become line breaks, entities decoded, white space collapsed.
/// Pure function, safe on any thread, linear in the input (no DOM is built).
class HtmlToText final {
public:
    static QString convert(const QString &html);
    /// The text an HTML character reference names without its & and ; ("amp", "#39", "#x27", "nbsp" gives a plain
    /// space), or an empty string for one it does not know.
    static QString decodeEntity(QStringView name);
};

} // namespace waybill::channels::email
