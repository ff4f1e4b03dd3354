// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationHeaderWidget.h"

#include "StatusPalette.h"
#include "domain/SlaPolicy.h"
#include "engine/SlaClock.h"

#include <QBoxLayout>
#include <QDateTime>
#include <QLabel>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

namespace waybill::ui {

using domain::ConversationStatus;

ConversationHeaderWidget::ConversationHeaderWidget(QWidget *parent)
    : QWidget(parent)
    , m_subjectLabel(new QLabel(this))
    , m_metaLabel(new QLabel(this))
    , m_selectionLabel(new QLabel(this))
    , m_deadlineLabel(new QLabel(this))
    , m_deadlineTimer(new QTimer(this))
    , m_assignButton(new QToolButton(this))
    , m_statusButton(new QToolButton(this))
    , m_tagButton(new QToolButton(this))
    , m_assignMenu(new QMenu(this))
    , m_statusMenu(new QMenu(this))
    , m_tagMenu(new QMenu(this))
    , m_now([] { return QDateTime::currentSecsSinceEpoch(); })
{
    setObjectName(QStringLiteral("conversationHeader"));
    m_subjectLabel->setObjectName(QStringLiteral("subjectLabel"));
    m_metaLabel->setObjectName(QStringLiteral("conversationMetaLabel"));
    m_assignButton->setObjectName(QStringLiteral("assignButton"));
    m_statusButton->setObjectName(QStringLiteral("statusButton"));
    m_tagButton->setObjectName(QStringLiteral("tagButton"));

    QFont subjectFont = m_subjectLabel->font();
    subjectFont.setPointSizeF(subjectFont.pointSizeF() * 1.18);
    subjectFont.setBold(true);
    m_subjectLabel->setFont(subjectFont);
    m_subjectLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long subjects are cut and the status line wraps (the assignee and tags stay readable beside the buttons); neither
    // may widen the window's columns.
    m_subjectLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_metaLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_metaLabel->setWordWrap(true);
    m_metaLabel->setTextFormat(Qt::RichText);
    m_selectionLabel->setStyleSheet(QStringLiteral("color:#1d4ed8; font-weight:600"));
    m_selectionLabel->hide();
    m_deadlineLabel->setObjectName(QStringLiteral("marketDeadlineLabel"));
    m_deadlineLabel->hide();
    m_deadlineTimer->setInterval(30 * 1000);
    connect(m_deadlineTimer, &QTimer::timeout, this, &ConversationHeaderWidget::updateDeadline);

    const QList<std::pair<QToolButton *, QString>> buttons { { m_assignButton, tr("Assign") },
        { m_statusButton, tr("Status") }, { m_tagButton, tr("Tags") } };
    for (const auto &[button, text] : buttons) {
        button->setText(text);
        button->setPopupMode(QToolButton::InstantPopup);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_assignButton->setMenu(m_assignMenu);
    m_statusButton->setMenu(m_statusMenu);
    m_tagButton->setMenu(m_tagMenu);
    m_assignButton->setToolTip(tr("Assign (a)"));
    m_statusButton->setToolTip(tr("Change status (e closes)"));

    m_statusMenu->addAction(tr("Open"), this, [this] { Q_EMIT statusRequested(ConversationStatus::Open); });
    m_statusMenu->addAction(
        tr("Waiting on customer"), this, [this] { Q_EMIT statusRequested(ConversationStatus::Waiting); });
    m_statusMenu->addAction(tr("Snooze until…"), this, [this] { Q_EMIT snoozeRequested(); });
    m_statusMenu->addSeparator();
    m_statusMenu->addAction(tr("Close"), this, [this] { Q_EMIT statusRequested(ConversationStatus::Closed); });

    auto *titleLayout = new QVBoxLayout;
    titleLayout->setSpacing(2);
    titleLayout->addWidget(m_subjectLabel);
    titleLayout->addWidget(m_metaLabel);
    titleLayout->addWidget(m_deadlineLabel, 0, Qt::AlignLeft);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 10, 8);
    layout->addLayout(titleLayout, 1);
    layout->addWidget(m_selectionLabel);
    layout->addWidget(m_assignButton);
    layout->addWidget(m_statusButton);
    layout->addWidget(m_tagButton);
    clear();
}

void ConversationHeaderWidget::setPeople(
    const QList<domain::Agent> &agents, const QList<domain::Team> &teams, qint64 meId)
{
    m_assignMenu->clear();
    m_assignMenu->addAction(tr("Me"), this, [this, meId] { Q_EMIT assignRequested(meId, 0); });
    m_assignMenu->addAction(tr("Unassigned"), this, [this] { Q_EMIT assignRequested(0, 0); });
    m_assignMenu->addSection(tr("Agents"));
    for (const domain::Agent &agent : agents) {
        const qint64 agentId = agent.id;
        const qint64 teamId = agent.teamId;
        m_assignMenu->addAction(agent.name, this, [this, agentId, teamId] { Q_EMIT assignRequested(agentId, teamId); });
    }
    if (!teams.isEmpty()) {
        m_assignMenu->addSection(tr("Teams"));
        for (const domain::Team &team : teams) {
            const qint64 teamId = team.id;
            m_assignMenu->addAction(team.name, this, [this, teamId] { Q_EMIT assignRequested(0, teamId); });
        }
    }
}

void ConversationHeaderWidget::setSummary(const domain::ConversationSummary &summary, int selectedCount)
{
    setEnabled(true);
    m_subjectLabel->setText(summary.subject.isEmpty()
            ? tr("%1 with %2").arg(domain::channelDisplayName(summary.channel), summary.customerName)
            : summary.subject);
    const auto statusColors = summary.status == ConversationStatus::Open
        ? StatusPalette::tracking(QStringLiteral("in_transit"), false)
        : StatusPalette::neutral();
    QString status = domain::statusDisplayName(summary.status);
    if (summary.status == ConversationStatus::Snoozed && summary.snoozedUntil > 0) {
        status += QLatin1Char(' ')
            + QDateTime::fromSecsSinceEpoch(summary.snoozedUntil).toString(QStringLiteral("MMM d HH:mm"));
    }
    QStringList parts;
    parts << QStringLiteral("<span style=\"color:%2; background-color:%3\">&nbsp;%1&nbsp;</span>")
                 .arg(status.toHtmlEscaped(), statusColors.foreground.name(), statusColors.background.name());
    parts << domain::channelDisplayName(summary.channel).toHtmlEscaped();
    parts << QStringLiteral("<b>%1</b>").arg(summary.customerName.toHtmlEscaped());
    parts << (summary.assigneeName.isEmpty() ? tr("Unassigned") : tr("Assigned to %1").arg(summary.assigneeName))
                 .toHtmlEscaped();
    for (const QString &tag : summary.tags) {
        parts << QStringLiteral("<span style=\"color:#374151; background-color:#eef0f3\">&nbsp;#%1&nbsp;</span>")
                     .arg(tag.toHtmlEscaped());
    }
    m_metaLabel->setText(
        QStringLiteral("<span style=\"color:#4b5563\">%1</span>").arg(parts.join(QStringLiteral(" &nbsp;·&nbsp; "))));
    m_selectionLabel->setVisible(selectedCount > 1);
    m_selectionLabel->setText(tr("%n selected", nullptr, selectedCount));
    rebuildTagMenu(summary.tags);
    m_channel = summary.channel;
    const bool running = summary.marketDueAt > 0 && summary.marketDueAt < domain::ConversationSummary::NoDeadline
        && summary.status != ConversationStatus::Closed;
    m_marketDueAt = running ? summary.marketDueAt : 0;
    updateDeadline();
}

void ConversationHeaderWidget::setClock(std::function<qint64()> now)
{
    m_now = std::move(now);
    updateDeadline();
}

void ConversationHeaderWidget::updateDeadline()
{
    if (m_marketDueAt <= 0) {
        m_deadlineTimer->stop();
        m_deadlineLabel->hide();
        return;
    }
    const qint64 remaining = m_marketDueAt - m_now();
    const auto colors = StatusPalette::deadline(remaining, domain::SlaPolicy {}.atRiskWithinSeconds);
    const QString due = QDateTime::fromSecsSinceEpoch(m_marketDueAt).toString(QStringLiteral("ddd HH:mm"));
    const QString text = remaining >= 0
        ? tr("%1 deadline: %2 left")
              .arg(domain::channelDisplayName(m_channel), engine::SlaClock::formatRemaining(remaining))
        : tr("%1 deadline: %2")
              .arg(domain::channelDisplayName(m_channel), engine::SlaClock::formatRemaining(remaining));
    m_deadlineLabel->setText(text);
    m_deadlineLabel->setToolTip(tr("%1 expects an answer by %2 (counted in all hours, nights and weekends "
                                   "included).")
                                    .arg(domain::channelDisplayName(m_channel), due));
    m_deadlineLabel->setStyleSheet(QStringLiteral("color:%1; background-color:%2; padding:2px 6px; font-weight:600")
                                       .arg(colors.foreground.name(), colors.background.name()));
    m_deadlineLabel->show();
    if (!m_deadlineTimer->isActive()) {
        m_deadlineTimer->start();
    }
}

void ConversationHeaderWidget::clear()
{
    m_subjectLabel->setText(tr("No conversation selected"));
    m_metaLabel->clear();
    m_selectionLabel->hide();
    m_marketDueAt = 0;
    updateDeadline();
    rebuildTagMenu({});
    setEnabled(false);
}

void ConversationHeaderWidget::rebuildTagMenu(const QStringList &tags)
{
    m_tagMenu->clear();
    m_tagMenu->addAction(tr("Add tag…"), this, [this] { Q_EMIT addTagRequested(); });
    if (!tags.isEmpty()) {
        m_tagMenu->addSection(tr("Remove"));
        for (const QString &tag : tags) {
            m_tagMenu->addAction(tag, this, [this, tag] { Q_EMIT removeTagRequested(tag); });
        }
    }
}

} // namespace waybill::ui
