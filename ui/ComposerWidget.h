// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationDetail.h"
#include "domain/Template.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace waybill::ui {

/// Writes a reply on the conversation's channel or an internal note. Shows channel hints while typing (SMS
/// segments and encoding, length) and, on Amazon conversations, the findings of
/// channels::marketplace::AmazonMessagePolicy: a link outside Amazon keeps Send disabled until it is removed, contact
/// details and forbidden wording are warnings the agent may send past. Fills templates from the linked order through
/// engine::TemplateRenderer and warns about placeholders that have no value. Does not write anything itself:
/// emits submitted() and the owner performs the action and calls clearText() on success.
class ComposerWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposerWidget)

public:
    enum class Mode {
        Reply,
        Note,
    };
    Q_ENUM(Mode)

    explicit ComposerWidget(QWidget *parent = nullptr);

    /// The conversation being answered (its channel, customer and order fill templates and hints).
    void setConversation(const domain::ConversationDetail &detail, const QString &agentName);
    /// No conversation: the composer is disabled.
    void clearConversation();
    void setTemplates(const QList<domain::Template> &templates);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    QString text() const;
    void setText(const QString &text);
    void clearText();
    /// Switches to `mode` and puts the cursor in the editor.
    void startWriting(Mode mode);
    /// Shows "typing…" for the customer of a live chat (until false or another conversation is set).
    void setCustomerTyping(bool typing);
    /// Placeholders of the applied template that still have no value in the text.
    QStringList missingPlaceholders() const { return m_missing; }

Q_SIGNALS:
    void submitted(waybill::ui::ComposerWidget::Mode mode, const QString &text);
    void modeChanged(waybill::ui::ComposerWidget::Mode mode);
    /// The agent started writing a reply in a live chat (true), or stopped: sent it, cleared it, left the
    /// conversation or paused for TypingPauseMs (false). For engine::Engine::setAgentTyping.
    void typingChanged(qint64 conversationId, bool typing);

private:
    void applyTemplate(int comboIndex);
    void updateHints();
    /// Follows the editor for typingChanged().
    void noteTyping();
    void stopTyping();
    void submit();

    QToolButton *m_replyButton;
    QToolButton *m_noteButton;
    QButtonGroup *m_modeGroup;
    QComboBox *m_templateCombo;
    QPlainTextEdit *m_editor;
    QLabel *m_hintLabel;
    QLabel *m_warningLabel;
    QPushButton *m_sendButton;

    Mode m_mode = Mode::Reply;
    bool m_hasConversation = false;
    domain::ConversationDetail m_detail;
    QString m_agentName;
    QList<domain::Template> m_templates;
    QStringList m_missing;
    bool m_blocked = false; ///< the Amazon check found something that keeps the reply from being sent
    QTimer *m_typingPause; ///< owned by this object
    bool m_customerTyping = false;
    qint64 m_typingIn = 0; ///< the chat conversation typingChanged(…, true) was emitted for; 0 when none

    static constexpr int TypingPauseMs = 5000;
};

} // namespace waybill::ui
