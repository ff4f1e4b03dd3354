// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Agent.h"
#include "domain/ConversationStatus.h"
#include "domain/ConversationSummary.h"
#include "domain/Team.h"

#include <QList>
#include <QWidget>

class QLabel;
class QMenu;
class QToolButton;

namespace waybill::ui {

/// The bar above a thread: subject, channel, customer, status, assignee and tags of the current conversation,
/// with the Assign, Status and Tags menus. When several conversations are selected the menus act on all of them
/// (the bar says how many). Only emits requests; the owner performs them.
class ConversationHeaderWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationHeaderWidget)

public:
    explicit ConversationHeaderWidget(QWidget *parent = nullptr);

    /// Agents and teams offered by the Assign menu; `meId` is listed first as "Me".
    void setPeople(const QList<domain::Agent> &agents, const QList<domain::Team> &teams, qint64 meId);
    void setSummary(const domain::ConversationSummary &summary, int selectedCount);
    void clear();

    QMenu *assignMenu() const { return m_assignMenu; }
    QMenu *statusMenu() const { return m_statusMenu; }

Q_SIGNALS:
    /// agentId 0 with teamId 0 unassigns.
    void assignRequested(qint64 agentId, qint64 teamId);
    void statusRequested(waybill::domain::ConversationStatus status);
    void snoozeRequested();
    void addTagRequested();
    void removeTagRequested(const QString &tag);

private:
    void rebuildTagMenu(const QStringList &tags);

    QLabel *m_subjectLabel;
    QLabel *m_metaLabel;
    QLabel *m_selectionLabel;
    QToolButton *m_assignButton;
    QToolButton *m_statusButton;
    QToolButton *m_tagButton;
    QMenu *m_assignMenu;
    QMenu *m_statusMenu;
    QMenu *m_tagMenu;
};

} // namespace waybill::ui
