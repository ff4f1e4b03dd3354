// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/DialogService.h"

#include <QStringList>

#include <optional>

namespace waybill::testing {

/// A DialogService with scripted answers: it records every error shown and answers questions with whatever the
/// test set beforehand (nothing set means "cancelled").
class FakeDialogService final : public ui::DialogService {
public:
    void showError(QWidget *parent, const QString &title, const QString &message) override;
    bool confirm(QWidget *parent, const QString &title, const QString &question) override;
    std::optional<QString> askText(
        QWidget *parent, const QString &title, const QString &label, const QStringList &suggestions) override;
    std::optional<QDateTime> askDateTime(QWidget *parent, const QString &title, const QDateTime &initial) override;
    std::optional<qint64> chooseOrder(
        QWidget *parent, const storage::Database &database, const QString &initialText) override;
    std::optional<qint64> chooseConversation(
        QWidget *parent, const storage::Database &database, qint64 excludeId, const QString &initialText) override;
    /// Answers with `nextWorkflowAnswers` (the asked form is kept in `lastWorkflowForm`) and applies it once; the
    /// refusal, if any, goes to `workflowRefusals` and counts as cancelled.
    bool fillWorkflowForm(QWidget *parent, const ui::WorkflowForm &form,
        const std::function<QString(const ui::WorkflowForm &)> &apply) override;
    std::optional<QString> askSaveFileName(
        QWidget *parent, const QString &title, const QString &suggestedName) override;
    /// Keeps the shown form in `lastOrderActionForm`; answers with `nextOrderActionAnswer` (amount and note), or
    /// cancels when that is empty.
    bool confirmOrderAction(QWidget *parent, ui::OrderActionForm &form) override;

    QStringList errors;
    bool confirmAnswer = true;
    std::optional<QString> nextText;
    std::optional<QDateTime> nextDateTime;
    std::optional<qint64> nextOrderId;
    std::optional<qint64> nextConversationId;
    std::optional<QString> nextSavePath;
    QStringList questions; ///< every confirm() question, in order
    QString lastSuggestedName;
    std::optional<ui::WorkflowForm> nextWorkflowAnswers;
    std::optional<ui::WorkflowForm> lastWorkflowForm;
    QStringList workflowRefusals;
    std::optional<ui::OrderActionForm> lastOrderActionForm;
    std::optional<std::pair<qint64, QString>> nextOrderActionAnswer;
};

} // namespace waybill::testing
