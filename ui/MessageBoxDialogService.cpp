// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBoxDialogService.h"

#include "LinkOrderDialog.h"
#include "MergeConversationDialog.h"
#include "OrderActionDialog.h"
#include "SnoozeDialog.h"
#include "WorkflowStepDialog.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>

namespace waybill::ui {

void MessageBoxDialogService::showError(QWidget *parent, const QString &title, const QString &message)
{
    QMessageBox::warning(parent, title, message);
}

bool MessageBoxDialogService::confirm(QWidget *parent, const QString &title, const QString &question)
{
    return QMessageBox::question(parent, title, question) == QMessageBox::Yes;
}

std::optional<QString> MessageBoxDialogService::askText(
    QWidget *parent, const QString &title, const QString &label, const QStringList &suggestions)
{
    bool ok = false;
    const QString text = QInputDialog::getItem(parent, title, label, suggestions, -1, true, &ok);
    if (!ok || text.trimmed().isEmpty()) {
        return std::nullopt;
    }
    return text.trimmed();
}

std::optional<QDateTime> MessageBoxDialogService::askDateTime(
    QWidget *parent, const QString &title, const QDateTime &initial)
{
    SnoozeDialog dialog(initial, parent);
    dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.dateTime();
}

std::optional<qint64> MessageBoxDialogService::chooseOrder(
    QWidget *parent, const storage::Database &database, const QString &initialText)
{
    LinkOrderDialog dialog(database, parent);
    dialog.setSearchText(initialText);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedOrderId() == 0) {
        return std::nullopt;
    }
    return dialog.selectedOrderId();
}

std::optional<qint64> MessageBoxDialogService::chooseConversation(
    QWidget *parent, const storage::Database &database, qint64 excludeId, const QString &initialText)
{
    MergeConversationDialog dialog(database, excludeId, parent);
    dialog.setSearchText(initialText);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedConversationId() == 0) {
        return std::nullopt;
    }
    return dialog.selectedConversationId();
}

std::optional<QString> MessageBoxDialogService::askSaveFileName(
    QWidget *parent, const QString &title, const QString &suggestedName)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, suggestedName);
    if (path.isEmpty()) {
        return std::nullopt;
    }
    return path;
}

bool MessageBoxDialogService::fillWorkflowForm(
    QWidget *parent, const WorkflowForm &form, const std::function<QString(const WorkflowForm &)> &apply)
{
    WorkflowStepDialog dialog(form, apply, parent);
    return dialog.exec() == QDialog::Accepted;
}

bool MessageBoxDialogService::confirmOrderAction(QWidget *parent, OrderActionForm &form)
{
    OrderActionDialog dialog(form, parent);
    if (dialog.exec() != QDialog::Accepted) {
        return false;
    }
    form = dialog.form();
    return true;
}

} // namespace waybill::ui
