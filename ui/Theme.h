// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

namespace waybill::ui {

/// The application's look: Fusion with a light, neutral palette and a few style rules for buttons, inputs and
/// splitters, so that the window looks the same on every platform. Call once, before the first window shows.
class Theme final {
public:
    Theme() = delete;

    static void apply(QApplication &application);
};

} // namespace waybill::ui
