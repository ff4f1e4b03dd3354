// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace waybill::ui {

/// What a return or claim dialog asks for (the fields a caller fills before showing it) and what the agent
/// answered (the fields the dialog fills). A value.
struct WorkflowForm {
    /// An order line that can be returned.
    struct Line {
        qint64 id = 0;
        QString title;
        int ordered = 0;
    };

    // Asked
    QString title;
    QList<std::pair<QString, QString>> steps; ///< (state key, name) to choose from; empty when opening
    QList<std::pair<QString, QString>> kinds; ///< (claim kind key, name) when opening a claim
    bool asksReason = false; ///< opening a return
    QList<Line> lines; ///< opening a return: the order's lines
    QList<std::pair<qint64, QString>> attachments; ///< evidence candidates: (attachment id, file name)
    QString currency;
    bool forClaim = false; ///< a claim's step (remedy, claim number, evidence) rather than a return's

    // Answered
    QString step;
    QString kind;
    QString reason;
    QString note;
    QString reference; ///< the return's tracking number, or the carrier's claim number
    QString remedy; ///< "", reship, refund
    qint64 amountCents = 0;
    QList<std::pair<qint64, int>> quantities; ///< (line id, quantity > 0)
    QList<qint64> evidence; ///< chosen attachment ids
};

} // namespace waybill::ui
