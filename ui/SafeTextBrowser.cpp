// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SafeTextBrowser.h"

#include <QDesktopServices>

namespace waybill::ui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    connect(this, &QTextBrowser::anchorClicked, this, &SafeTextBrowser::openLink);
}

bool SafeTextBrowser::isRemote(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme != QLatin1String("data") && scheme != QLatin1String("qrc") && !scheme.isEmpty();
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    if (isRemote(name) || name.scheme().isEmpty()) {
        // No remote images, style sheets or local files: the document shows what it carries inline, nothing else.
        return {};
    }
    return QTextBrowser::loadResource(type, name);
}

void SafeTextBrowser::openLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto")) {
        QDesktopServices::openUrl(url);
        return;
    }
    Q_EMIT linkActivated(url);
}

} // namespace waybill::ui
