// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WorkflowForm.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class WorkflowStepDialog;
}

namespace waybill::ui {

/// Opens a return or a claim, or takes the next step of one: shows the fields the form asks for — the step (and
/// for each step only what it needs: an amount for refunds, credits and payments, the return's tracking number or
/// the carrier's claim number, the remedy, evidence from the conversation's attachments), the reason and items of a
/// new return, the kind of a new claim — and a note. OK hands the answers to `apply`; when that returns a reason
/// (the workflow refused the step) it is shown in the dialog, which stays open. Modal.
class WorkflowStepDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowStepDialog)

public:
    using Apply = std::function<QString(const WorkflowForm &answers)>;

    WorkflowStepDialog(WorkflowForm form, Apply apply, QWidget *parent = nullptr);
    ~WorkflowStepDialog() override;

    /// The form with the agent's answers as they are now.
    WorkflowForm answers() const;
    /// Submits as OK does (tests).
    void submit();

private:
    void updateFields();

    std::unique_ptr<Ui::WorkflowStepDialog> m_ui;
    WorkflowForm m_form;
    Apply m_apply;
};

} // namespace waybill::ui
