// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationWidget.h"

#include "ComposerWidget.h"
#include "ConversationHeaderWidget.h"
#include "ThreadView.h"
#include "models/TimelineModel.h"

#include <QBoxLayout>
#include <QFrame>

namespace waybill::ui {

namespace {

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setStyleSheet(QStringLiteral("color:#e3e6ea"));
    return line;
}

} // namespace

ConversationWidget::ConversationWidget(QWidget *parent)
    : QWidget(parent)
    , m_timeline(new models::TimelineModel(this))
    , m_header(new ConversationHeaderWidget(this))
    , m_thread(new ThreadView(this))
    , m_composer(new ComposerWidget(this))
{
    setObjectName(QStringLiteral("conversationWidget"));
    m_thread->setModel(m_timeline);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(separator(this));
    layout->addWidget(m_thread, 1);
    layout->addWidget(separator(this));
    layout->addWidget(m_composer);
    clear();
}

void ConversationWidget::showConversation(
    const domain::ConversationDetail &detail, const QString &agentName, int selectedCount)
{
    m_detail = detail;
    m_header->setSummary(detail.conversation, selectedCount);
    m_timeline->setDetail(detail);
    m_composer->setConversation(detail, agentName);
}

void ConversationWidget::clear()
{
    m_detail.reset();
    m_header->clear();
    m_timeline->clear();
    m_composer->clearConversation();
}

} // namespace waybill::ui
