// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConversationActionController.h"
#include "domain/ConversationDetail.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QWidget;

namespace waybill::ui {

class AmazonMessageDialog;

/// "Message through Amazon…" on a conversation about an Amazon order: opens the AmazonMessageDialog (one at a
/// time, window-modal), asks the engine which message types Amazon allows for the order (typesRequested(), for
/// engine::Engine::listAmazonMessageTypes) and shows its answer (showTypes(), from
/// engine::Engine::amazonMessageTypesListed). Send queues the message with its type through
/// ConversationActionController::messageOnAmazon and emits queued() (for engine::Engine::pokeOutbox); a failure is
/// shown by that controller and the dialog stays open with the text. Lives on the UI thread; owned by the main
/// window; `actions` and `window` must outlive it.
class AmazonMessageController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AmazonMessageController)

public:
    /// `current` gives the open conversation with the version the agent sees now (it may move while the dialog is
    /// open, as mail arrives).
    AmazonMessageController(ConversationActionController &actions,
        std::function<ConversationActionController::Target()> current, QWidget *window);
    ~AmazonMessageController() override;

    /// Whether the detail's order is one Amazon can deliver a message about (synchronised from an Amazon account).
    static bool canMessage(const domain::ConversationDetail &detail);
    /// Opens the dialog for the detail's conversation (raises it when it is already open) and asks for the types.
    void open(const domain::ConversationDetail &detail);
    /// The open dialog; null when none is.
    AmazonMessageDialog *dialog() const;

public Q_SLOTS:
    /// The engine's answer to typesRequested(); ignored when no dialog waits for that conversation.
    void showTypes(qint64 conversationId, const QStringList &types, const QString &problem);

Q_SIGNALS:
    void typesRequested(qint64 conversationId);
    /// A message was queued in the outbox.
    void queued(qint64 messageId);

private:
    void send(qint64 conversationId, const QString &type, const QString &text);

    ConversationActionController &m_actions;
    std::function<ConversationActionController::Target()> m_current;
    QPointer<QWidget> m_window;
    QPointer<AmazonMessageDialog> m_dialog;
};

} // namespace waybill::ui
