// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

#include <optional>

namespace waybill::ui {

/// The colours of status chips, shared by the conversation list, the order panel and the thread so that one
/// status always looks the same. Pure functions.
class StatusPalette final {
public:
    struct Colors {
        QColor foreground;
        QColor background;
    };

    StatusPalette() = delete;

    /// For a TrackingStatus key; `late` colours a late shipment whose status is not itself a problem.
    static Colors tracking(const QString &statusKey, bool late);
    static Colors returnState(const QString &stateKey);
    static Colors claimState(const QString &stateKey);
    /// Overdue red, due within the at-risk window amber, otherwise neutral.
    static Colors deadline(qint64 remainingSeconds, qint64 atRiskSeconds);
    static Colors neutral();
    static Colors note();
};

} // namespace waybill::ui
