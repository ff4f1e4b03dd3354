// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::ui {

/// The one-line outcome the account dialogs show under their forms, as rich text: a green tick or a red cross, the
/// outcome in bold, then the details. Both parts are escaped. Stateless.
class ResultLine final {
public:
    ResultLine() = delete;

    static QString ok(const QString &what, const QString &message)
    {
        return QStringLiteral("<div style=\"color:#166534\">&#10003; <b>%1</b> %2</div>")
            .arg(what.toHtmlEscaped(), message.toHtmlEscaped());
    }

    static QString failed(const QString &what, const QString &message)
    {
        return QStringLiteral("<div style=\"color:#991b1b\">&#10007; <b>%1</b> %2</div>")
            .arg(what.toHtmlEscaped(), message.toHtmlEscaped());
    }
};

} // namespace waybill::ui
