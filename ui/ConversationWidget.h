// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationDetail.h"

#include <QWidget>

#include <optional>

namespace waybill::models {
class TimelineModel;
}

namespace waybill::ui {

class ComposerWidget;
class ConversationHeaderWidget;
class ThreadView;

/// The middle of the main window: the conversation's header with its action menus, the thread (timeline of
/// messages, notes and order events) and the composer. Shows the ConversationDetail it is given; the owner loads
/// it and performs the requests of the header and the composer.
class ConversationWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationWidget)

public:
    explicit ConversationWidget(QWidget *parent = nullptr);

    /// `selectedCount` is how many conversations the list has selected (actions apply to all of them).
    void showConversation(const domain::ConversationDetail &detail, const QString &agentName, int selectedCount);
    void clear();

    /// The conversation shown, if any.
    const std::optional<domain::ConversationDetail> &detail() const { return m_detail; }

    ConversationHeaderWidget *header() const { return m_header; }
    ThreadView *thread() const { return m_thread; }
    ComposerWidget *composer() const { return m_composer; }
    models::TimelineModel *timeline() const { return m_timeline; }

private:
    models::TimelineModel *m_timeline;
    ConversationHeaderWidget *m_header;
    ThreadView *m_thread;
    ComposerWidget *m_composer;
    std::optional<domain::ConversationDetail> m_detail;
};

} // namespace waybill::ui
