// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace waybill::testing {

/// Saves `widget` as `<dir>/<name>.png` when WAYBILL_UI_SCREENSHOTS names a folder (run the UI tests under Xvfb
/// with QT_QPA_PLATFORM=xcb to see what people see); does nothing otherwise.
void saveScreenshot(QWidget *widget, const QString &name);

} // namespace waybill::testing
