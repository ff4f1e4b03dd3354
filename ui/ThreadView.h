// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SafeTextBrowser.h"

#include <QPointer>

namespace waybill::models {
class TimelineModel;
struct TimelineEntry;
} // namespace waybill::models

namespace waybill::ui {

/// Shows a conversation's timeline (models::TimelineModel): inbound and outbound messages as cards, internal notes
/// in yellow, and the order's events (placed, shipped, tracking scans, return and claim steps, audit entries) as
/// compact lines between them. HTML bodies pass through text::HtmlSanitizer and nothing is loaded from the
/// network. Outbound messages show their delivery state: Queued, Sent, or Failed with the error.
/// Re-renders whenever the model resets or changes; it does not own the model.
class ThreadView final : public SafeTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadView)

public:
    explicit ThreadView(QWidget *parent = nullptr);

    void setModel(models::TimelineModel *model);
    /// Shows a line of text instead of a thread ("Select a conversation").
    void showPlaceholder(const QString &text);

private:
    void render();
    static QString messageHtml(const models::TimelineEntry &entry);
    static QString eventHtml(const models::TimelineEntry &entry);

    QPointer<models::TimelineModel> m_model;
};

} // namespace waybill::ui
