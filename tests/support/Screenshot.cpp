// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Screenshot.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QWidget>

namespace waybill::testing {

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("WAYBILL_UI_SCREENSHOTS");
    if (directory.isEmpty() || !widget) {
        return;
    }
    QDir().mkpath(directory);
    QApplication::processEvents();
    widget->grab().save(QDir(directory).filePath(name + QStringLiteral(".png")));
}

} // namespace waybill::testing
