// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeDialogService.h"

namespace waybill::testing {

void FakeDialogService::showError(QWidget *, const QString &title, const QString &message)
{
    errors << title + QStringLiteral(": ") + message;
}

bool FakeDialogService::confirm(QWidget *, const QString &, const QString &question)
{
    questions << question;
    return confirmAnswer;
}

std::optional<QString> FakeDialogService::askText(QWidget *, const QString &, const QString &, const QStringList &)
{
    return std::exchange(nextText, std::nullopt);
}

std::optional<QDateTime> FakeDialogService::askDateTime(QWidget *, const QString &, const QDateTime &)
{
    return std::exchange(nextDateTime, std::nullopt);
}

std::optional<qint64> FakeDialogService::chooseOrder(QWidget *, const storage::Database &, const QString &)
{
    return std::exchange(nextOrderId, std::nullopt);
}

std::optional<qint64> FakeDialogService::chooseConversation(
    QWidget *, const storage::Database &, qint64, const QString &)
{
    return std::exchange(nextConversationId, std::nullopt);
}

std::optional<QString> FakeDialogService::askSaveFileName(QWidget *, const QString &, const QString &suggestedName)
{
    lastSuggestedName = suggestedName;
    return std::exchange(nextSavePath, std::nullopt);
}

bool FakeDialogService::fillWorkflowForm(
    QWidget *, const ui::WorkflowForm &form, const std::function<QString(const ui::WorkflowForm &)> &apply)
{
    lastWorkflowForm = form;
    if (!nextWorkflowAnswers) {
        return false;
    }
    const QString refusal = apply(*nextWorkflowAnswers);
    if (!refusal.isEmpty()) {
        workflowRefusals.append(refusal);
        return false;
    }
    return true;
}

bool FakeDialogService::confirmOrderAction(QWidget *, ui::OrderActionForm &form)
{
    lastOrderActionForm = form;
    if (!nextOrderActionAnswer) {
        return false;
    }
    form.amountCents = nextOrderActionAnswer->first;
    form.note = nextOrderActionAnswer->second;
    return true;
}

} // namespace waybill::testing
