// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderActionForm.h"
#include "WorkflowForm.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QWidget;

namespace waybill::storage {
class Database;
}

namespace waybill::ui {

/// Every question and message the main window puts to the agent in a modal dialog, behind one interface so that
/// widgets never open dialogs themselves. MessageBoxDialogService shows real dialogs; tests script the answers.
/// All calls happen on the UI thread; `parent` is the window the dialog belongs to.
class DialogService {
public:
    virtual ~DialogService() = default;

    /// Shows a failure the agent has to know about (a StorageError's userMessage()).
    virtual void showError(QWidget *parent, const QString &title, const QString &message) = 0;
    /// Asks a yes/no question; true for yes.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &question) = 0;
    /// Asks for one line of text (e.g. a tag), offering `suggestions`; std::nullopt when cancelled.
    virtual std::optional<QString> askText(
        QWidget *parent, const QString &title, const QString &label, const QStringList &suggestions)
        = 0;
    /// Asks for a future date and time (snooze); std::nullopt when cancelled.
    virtual std::optional<QDateTime> askDateTime(QWidget *parent, const QString &title, const QDateTime &initial) = 0;
    /// Lets the agent find an order by number, customer name or e-mail; returns its id, or std::nullopt.
    virtual std::optional<qint64> chooseOrder(
        QWidget *parent, const storage::Database &database, const QString &initialText)
        = 0;
    /// Lets the agent find another conversation (by number, customer, order or text), leaving out `excludeId`;
    /// returns its id, or std::nullopt when cancelled.
    virtual std::optional<qint64> chooseConversation(
        QWidget *parent, const storage::Database &database, qint64 excludeId, const QString &initialText)
        = 0;
    /// Asks where to save a file, proposing `suggestedName`; the chosen path, or std::nullopt when cancelled.
    virtual std::optional<QString> askSaveFileName(QWidget *parent, const QString &title, const QString &suggestedName)
        = 0;

    /// Shows a return or claim form (WorkflowStepDialog); `apply` takes the answers and returns why they were
    /// refused (the form stays open) or an empty string. True when applied, false when cancelled.
    virtual bool fillWorkflowForm(
        QWidget *parent, const WorkflowForm &form, const std::function<QString(const WorkflowForm &)> &apply)
        = 0;

    /// Shows what a refund, cancellation or resend will do and for how much (OrderActionDialog); on confirmation
    /// fills the agent's amount and note into `form` and returns true; false when cancelled.
    virtual bool confirmOrderAction(QWidget *parent, OrderActionForm &form) = 0;

protected:
    DialogService() = default;
    DialogService(const DialogService &) = default;
    DialogService &operator=(const DialogService &) = default;
};

} // namespace waybill::ui
