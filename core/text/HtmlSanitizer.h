// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::text {

/// Reduces HTML mail to a safe subset for QTextBrowser: no scripts, styles, forms, frames or event handlers;
/// remote images are dropped unless allowed (data: and cid: stay); every link shows its real target.
/// Pure function, safe on any thread.
class HtmlSanitizer final {
public:
    struct Result {
        QString html;
        int blockedImages = 0; ///< remote images removed
    };

    static Result sanitize(const QString &html, bool allowRemoteImages = false);
    /// Plain text as HTML paragraphs with links made clickable and everything else escaped.
    static QString fromPlainText(const QString &text);
};

} // namespace waybill::text
