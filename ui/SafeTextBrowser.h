// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

namespace waybill::ui {

/// A read-only QTextBrowser that never loads anything from the network: loadResource() refuses http, https, ftp
/// and file URLs (only data: and qrc resources load). Clicked http(s) and mailto links open in the system
/// browser or mail client; other links are reported through linkActivated() for the owner to handle.
class SafeTextBrowser : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SafeTextBrowser)

public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    QVariant loadResource(int type, const QUrl &name) override;

    /// True for URLs loadResource() refuses.
    static bool isRemote(const QUrl &url);

Q_SIGNALS:
    /// A link with an application scheme (e.g. "waybill:") was clicked.
    void linkActivated(const QUrl &url);

private:
    void openLink(const QUrl &url);
};

} // namespace waybill::ui
