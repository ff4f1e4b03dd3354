// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Agent.h"
#include "domain/ConversationStatus.h"
#include "domain/ConversationSummary.h"
#include "domain/Team.h"

#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QMenu;
class QTimer;
class QToolButton;

namespace waybill::ui {

/// The bar above a thread: subject, channel, customer, status, assignee and tags of the current conversation,
/// with the Assign, Status and Tags menus. When several conversations are selected the menus act on all of them
/// (the bar says how many). A marketplace conversation waiting for an answer shows the marketplace's deadline
/// clock (Amazon: 24 hours in all hours, from engine::SlaClock via the conversation's market_due_at), refreshed
/// every half minute and coloured at risk / overdue. Only emits requests; the owner performs them.
class ConversationHeaderWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationHeaderWidget)

public:
    explicit ConversationHeaderWidget(QWidget *parent = nullptr);

    /// Agents and teams offered by the Assign menu; `meId` is listed first as "Me".
    void setPeople(const QList<domain::Agent> &agents, const QList<domain::Team> &teams, qint64 meId);
    void setSummary(const domain::ConversationSummary &summary, int selectedCount);
    void clear();
    /// What "now" is (epoch seconds) for the deadline clock; the system clock by default.
    void setClock(std::function<qint64()> now);

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
    void updateDeadline();

    QLabel *m_subjectLabel;
    QLabel *m_metaLabel;
    QLabel *m_selectionLabel;
    QLabel *m_deadlineLabel;
    QTimer *m_deadlineTimer;
    QToolButton *m_assignButton;
    QToolButton *m_statusButton;
    QToolButton *m_tagButton;
    QMenu *m_assignMenu;
    QMenu *m_statusMenu;
    QMenu *m_tagMenu;
    std::function<qint64()> m_now;
    domain::Channel m_channel = domain::Channel::Email;
    qint64 m_marketDueAt = 0; ///< 0: no marketplace clock runs
};

} // namespace waybill::ui
