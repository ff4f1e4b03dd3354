// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DialogService.h"

namespace waybill::ui {

/// The DialogService of the application: QMessageBox, QInputDialog, SnoozeDialog, LinkOrderDialog,
/// MergeConversationDialog and QFileDialog, each modal to the given parent. Stateless; use one instance per
/// application.
class MessageBoxDialogService final : public DialogService {
public:
    MessageBoxDialogService() = default;

    void showError(QWidget *parent, const QString &title, const QString &message) override;
    bool confirm(QWidget *parent, const QString &title, const QString &question) override;
    std::optional<QString> askText(
        QWidget *parent, const QString &title, const QString &label, const QStringList &suggestions) override;
    std::optional<QDateTime> askDateTime(QWidget *parent, const QString &title, const QDateTime &initial) override;
    std::optional<qint64> chooseOrder(
        QWidget *parent, const storage::Database &database, const QString &initialText) override;
    std::optional<qint64> chooseConversation(
        QWidget *parent, const storage::Database &database, qint64 excludeId, const QString &initialText) override;
    bool fillWorkflowForm(
        QWidget *parent, const WorkflowForm &form, const std::function<QString(const WorkflowForm &)> &apply) override;
    std::optional<QString> askSaveFileName(
        QWidget *parent, const QString &title, const QString &suggestedName) override;
    bool confirmOrderAction(QWidget *parent, OrderActionForm &form) override;
};

} // namespace waybill::ui
