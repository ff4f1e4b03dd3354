// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::models {

/// How amounts, times and sizes are written for people, shared by the models and the widgets. Pure functions.
class Formatting final {
public:
    Formatting() = delete;

    /// "$1,234.50", "¥3,200", "€12.00" (falls back to "12.00 XYZ" for unknown currencies).
    static QString money(qint64 cents, const QString &currency);
    /// "Mar 4, 14:05" in local time, with the year when it is not this year; empty for 0.
    static QString dateTime(qint64 epochSeconds);
    /// "Mar 4" (with the year when it is not this year); empty for 0.
    static QString date(qint64 epochSeconds);
    /// "12 KB", "3.4 MB".
    static QString fileSize(qint64 bytes);
};

} // namespace waybill::models
