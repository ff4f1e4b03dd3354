// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationDetail.h"
#include "domain/OrderAction.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace waybill::ui {

class DialogService;
struct OrderActionForm;

/// The order panel's refund, cancel and resend: builds the confirmation (what will happen, the amount and
/// currency) from the conversation's order, asks the agent through the DialogService, and on confirmation emits
/// requested() for the engine (engine::Engine::requestOrderAction), which checks the role and the amount again,
/// stores the action and sends it. showResult() reports the engine's answer. Lives on the UI thread; owned by the
/// main window.
class OrderActionController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderActionController)

public:
    OrderActionController(DialogService &dialogs, qint64 agentId, QWidget *window);

    /// The confirmation for `kind` on the detail's order; nothing when the conversation has no order.
    static std::optional<OrderActionForm> formFor(
        const domain::ConversationDetail &detail, domain::OrderAction::Kind kind);
    /// Asks the agent to confirm `kind` on the detail's order; emits requested() when confirmed.
    void ask(const domain::ConversationDetail &detail, domain::OrderAction::Kind kind);

public Q_SLOTS:
    /// The engine's answer (engine::Engine::orderActionEnded): a failure is shown as an error, the rest as a status
    /// line.
    void showResult(qint64 actionId, qint64 conversationId, int state, const QString &message);

Q_SIGNALS:
    /// `kind` is a domain::OrderAction::Kind as int (for queued connections to the engine's thread).
    void requested(
        qint64 orderId, qint64 conversationId, qint64 agentId, int kind, qint64 amountCents, const QString &note);
    /// A line for the status bar.
    void statusMessage(const QString &text);

private:
    DialogService &m_dialogs;
    qint64 m_agentId;
    QPointer<QWidget> m_window;
};

} // namespace waybill::ui
