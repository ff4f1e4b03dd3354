// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComposerWidget.h"

#include "channels/chat/ChatFrame.h"
#include "channels/marketplace/AmazonMessagePolicy.h"
#include "channels/marketplace/ebay/EbayTradingRequest.h"
#include "engine/TemplateRenderer.h"
#include "text/SmsSegments.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QTimer>
#include <QToolButton>

namespace waybill::ui {

ComposerWidget::ComposerWidget(QWidget *parent)
    : QWidget(parent)
    , m_replyButton(new QToolButton(this))
    , m_noteButton(new QToolButton(this))
    , m_modeGroup(new QButtonGroup(this))
    , m_templateCombo(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_hintLabel(new QLabel(this))
    , m_warningLabel(new QLabel(this))
    , m_sendButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("composer"));
    m_replyButton->setObjectName(QStringLiteral("replyModeButton"));
    m_noteButton->setObjectName(QStringLiteral("noteModeButton"));
    m_templateCombo->setObjectName(QStringLiteral("templateCombo"));
    m_editor->setObjectName(QStringLiteral("composerEdit"));
    m_hintLabel->setObjectName(QStringLiteral("composerHints"));
    m_warningLabel->setObjectName(QStringLiteral("composerWarnings"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));

    m_replyButton->setText(tr("Reply"));
    m_noteButton->setText(tr("Internal note"));
    for (QToolButton *button : { m_replyButton, m_noteButton }) {
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_modeGroup->setExclusive(true);
    m_modeGroup->addButton(m_replyButton);
    m_modeGroup->addButton(m_noteButton);
    m_replyButton->setChecked(true);

    m_templateCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_templateCombo->setMinimumContentsLength(14);
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(70);
    m_editor->setMaximumHeight(110);
    m_hintLabel->setStyleSheet(QStringLiteral("color:#6b7280"));
    m_warningLabel->setStyleSheet(QStringLiteral("color:#b45309"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->hide();
    m_sendButton->setDefault(true);
    m_sendButton->setToolTip(tr("Ctrl+Enter"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->setSpacing(2);
    top->addWidget(m_replyButton);
    top->addWidget(m_noteButton);
    top->addStretch();
    top->addWidget(m_templateCombo);

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_hintLabel, 1);
    bottom->addWidget(m_sendButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 8);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_editor);
    layout->addWidget(m_warningLabel);
    layout->addLayout(bottom);

    connect(m_replyButton, &QToolButton::clicked, this, [this] { setMode(Mode::Reply); });
    connect(m_noteButton, &QToolButton::clicked, this, [this] { setMode(Mode::Note); });
    connect(m_templateCombo, &QComboBox::activated, this, &ComposerWidget::applyTemplate);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerWidget::updateHints);
    m_typingPause = new QTimer(this);
    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(TypingPauseMs);
    connect(m_typingPause, &QTimer::timeout, this, &ComposerWidget::stopTyping);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerWidget::noteTyping);
    connect(m_sendButton, &QPushButton::clicked, this, &ComposerWidget::submit);
    for (const QKeySequence &keys :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *shortcut = new QShortcut(keys, m_editor);
        shortcut->setContext(Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &ComposerWidget::submit);
    }

    setTemplates({});
    setMode(Mode::Reply);
    clearConversation();
}

void ComposerWidget::setConversation(const domain::ConversationDetail &detail, const QString &agentName)
{
    const bool sameConversation = m_hasConversation && m_detail.conversation.id == detail.conversation.id;
    m_detail = detail;
    m_agentName = agentName;
    m_hasConversation = true;
    setEnabled(true);
    if (!sameConversation) {
        m_customerTyping = false;
        clearText();
    }
    updateHints();
}

void ComposerWidget::clearConversation()
{
    m_hasConversation = false;
    m_detail = {};
    clearText();
    setEnabled(false);
    updateHints();
}

void ComposerWidget::setTemplates(const QList<domain::Template> &templates)
{
    m_templates = templates;
    m_templateCombo->clear();
    m_templateCombo->addItem(tr("Insert template…"));
    for (const domain::Template &entry : templates) {
        m_templateCombo->addItem(entry.name, entry.id);
    }
    m_templateCombo->setEnabled(!templates.isEmpty());
}

void ComposerWidget::setMode(Mode mode)
{
    const bool changed = m_mode != mode;
    m_mode = mode;
    (mode == Mode::Reply ? m_replyButton : m_noteButton)->setChecked(true);
    m_editor->setStyleSheet(mode == Mode::Note ? QStringLiteral("QPlainTextEdit { background:#fff8d6; }") : QString());
    m_editor->setPlaceholderText(mode == Mode::Note ? tr("Write an internal note — only agents see it")
                                                    : tr("Write a reply…  (r reply, n note, Ctrl+Enter to send)"));
    m_sendButton->setText(mode == Mode::Note ? tr("Add note") : tr("Send reply"));
    updateHints();
    if (changed) {
        Q_EMIT modeChanged(mode);
    }
}

QString ComposerWidget::text() const
{
    return m_editor->toPlainText();
}

void ComposerWidget::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

void ComposerWidget::clearText()
{
    m_missing.clear();
    m_editor->clear();
    m_templateCombo->setCurrentIndex(0);
}

void ComposerWidget::startWriting(Mode mode)
{
    setMode(mode);
    m_editor->setFocus(Qt::ShortcutFocusReason);
}

void ComposerWidget::applyTemplate(int comboIndex)
{
    if (comboIndex <= 0 || comboIndex > m_templates.size()) {
        return;
    }
    const engine::TemplateRenderer::Result result
        = engine::TemplateRenderer::render(m_templates.at(comboIndex - 1).body, m_detail, m_agentName);
    m_missing = result.missing + result.unknown;
    m_editor->setPlainText(result.text);
    m_editor->setFocus(Qt::OtherFocusReason);
    m_templateCombo->setCurrentIndex(0);
    updateHints();
}

void ComposerWidget::updateHints()
{
    const QString body = text();
    QStringList hints;
    QStringList warnings;
    bool blocked = false; // a finding of the Amazon check, or an eBay message too long, that sending must wait for

    QStringList stillMissing;
    for (const QString &placeholder : std::as_const(m_missing)) {
        const QRegularExpression written(
            QStringLiteral("\\{\\{\\s*") + QRegularExpression::escape(placeholder) + QStringLiteral("\\s*\\}\\}"));
        if (body.contains(written)) {
            stillMissing << QStringLiteral("{{") + placeholder + QStringLiteral("}}");
        }
    }
    if (!stillMissing.isEmpty()) {
        warnings << tr("No value for %1 — replace before sending.").arg(stillMissing.join(QStringLiteral(", ")));
    }

    if (m_mode == Mode::Note) {
        hints << tr("Internal note: only agents see it");
    } else if (m_hasConversation) {
        const domain::Channel channel = m_detail.conversation.channel;
        hints << tr("Reply by %1").arg(domain::channelDisplayName(channel));
        if (channel == domain::Channel::Sms) {
            const text::SmsSegments segments = text::SmsSegments::count(body);
            hints << (segments.encoding == text::SmsSegments::Encoding::Gsm7 ? tr("GSM-7") : tr("Unicode (UCS-2)"));
            hints << tr("%n segment(s)", nullptr, segments.segments);
            if (segments.segments > 0) {
                hints << tr("%1 left in segment").arg(segments.remainingInSegment);
            }
        } else if (channel == domain::Channel::Amazon) {
            using channels::marketplace::AmazonMessagePolicy;
            for (const AmazonMessagePolicy::Finding &finding : AmazonMessagePolicy::check(body)) {
                if (AmazonMessagePolicy::blocksSending(finding.kind)) {
                    blocked = true;
                    warnings << tr("Cannot send: %1").arg(finding.message);
                } else {
                    warnings << tr("Check before sending: %1").arg(finding.message);
                }
            }
        } else if (channel == domain::Channel::Ebay
            && body.size() > channels::marketplace::EbayTradingRequest::MaxBodyLength) {
            blocked = true; // eBay refuses longer member messages
            warnings << tr("Cannot send: an eBay message can have up to %1 characters; this one has %2.")
                            .arg(channels::marketplace::EbayTradingRequest::MaxBodyLength)
                            .arg(body.size());
        } else if (channel == domain::Channel::Chat && body.size() > channels::chat::ChatFrame::MaxTextLength) {
            warnings << tr("A chat message can have up to %1 characters; this one has %2.")
                            .arg(channels::chat::ChatFrame::MaxTextLength)
                            .arg(body.size());
        }
    }
    hints << tr("%n character(s)", nullptr, static_cast<int>(body.size()));
    if (m_customerTyping && m_hasConversation) {
        hints.prepend(tr("%1 is typing…").arg(m_detail.conversation.customerName));
    }

    m_hintLabel->setText(hints.join(QStringLiteral("  ·  ")));
    m_warningLabel->setText(warnings.join(QLatin1Char('\n')));
    m_warningLabel->setVisible(!warnings.isEmpty());
    m_blocked = blocked;
    m_sendButton->setEnabled(m_hasConversation && !body.trimmed().isEmpty() && !blocked);
    m_sendButton->setToolTip(blocked ? tr("Remove what the warning names to send") : tr("Ctrl+Enter"));
}

void ComposerWidget::submit()
{
    const QString body = text();
    if (!m_hasConversation || body.trimmed().isEmpty() || m_blocked) {
        return;
    }
    stopTyping();
    Q_EMIT submitted(m_mode, body);
}

void ComposerWidget::setCustomerTyping(bool typing)
{
    m_customerTyping = typing;
    updateHints();
}

void ComposerWidget::noteTyping()
{
    const bool chatReply = m_hasConversation && m_mode == Mode::Reply
        && m_detail.conversation.channel == domain::Channel::Chat && !text().trimmed().isEmpty();
    if (!chatReply || m_typingIn != m_detail.conversation.id) {
        stopTyping();
    }
    if (!chatReply) {
        return;
    }
    if (m_typingIn == 0) {
        m_typingIn = m_detail.conversation.id;
        Q_EMIT typingChanged(m_typingIn, true);
    }
    m_typingPause->start();
}

void ComposerWidget::stopTyping()
{
    m_typingPause->stop();
    if (m_typingIn != 0) {
        Q_EMIT typingChanged(std::exchange(m_typingIn, 0), false);
    }
}

} // namespace waybill::ui
