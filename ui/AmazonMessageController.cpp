// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmazonMessageController.h"

#include "AmazonMessageDialog.h"

#include <QWidget>

namespace waybill::ui {

AmazonMessageController::AmazonMessageController(ConversationActionController &actions,
    std::function<ConversationActionController::Target()> current, QWidget *window)
    : QObject(window)
    , m_actions(actions)
    , m_current(std::move(current))
    , m_window(window)
{
}

AmazonMessageController::~AmazonMessageController()
{
    delete m_dialog.data(); // before the controller it sends through
}

bool AmazonMessageController::canMessage(const domain::ConversationDetail &detail)
{
    return detail.order && detail.order->source == QLatin1String("amazon") && !detail.order->account.isEmpty()
        && !detail.order->externalId.isEmpty();
}

AmazonMessageDialog *AmazonMessageController::dialog() const
{
    return m_dialog;
}

void AmazonMessageController::open(const domain::ConversationDetail &detail)
{
    if (!canMessage(detail)) {
        return;
    }
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    const qint64 conversationId = detail.conversation.id;
    m_dialog = new AmazonMessageDialog(conversationId, detail.order->number,
        detail.customer ? detail.customer->name : detail.conversation.customerName, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &AmazonMessageDialog::typesRequested, this, &AmazonMessageController::typesRequested);
    connect(m_dialog, &AmazonMessageDialog::sendRequested, this, &AmazonMessageController::send);
    m_dialog->open();
    Q_EMIT typesRequested(conversationId);
}

void AmazonMessageController::showTypes(qint64 conversationId, const QStringList &types, const QString &problem)
{
    if (!m_dialog || m_dialog->conversationId() != conversationId) {
        return;
    }
    if (problem.isEmpty()) {
        m_dialog->showTypes(types);
    } else {
        m_dialog->showProblem(problem);
    }
}

void AmazonMessageController::send(qint64 conversationId, const QString &type, const QString &text)
{
    ConversationActionController::Target target = m_current();
    if (target.id != conversationId) {
        target = { conversationId, 0 }; // not open any more: the version check refuses it with the reason
    }
    const qint64 messageId = m_actions.messageOnAmazon(target, type, text);
    if (messageId == 0) {
        m_dialog->sendFailed();
        return;
    }
    Q_EMIT queued(messageId);
    m_dialog->accept();
}

} // namespace waybill::ui
