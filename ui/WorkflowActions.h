// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WorkflowForm.h"
#include "domain/ConversationDetail.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace waybill::storage {
class Database;
}

namespace waybill::ui {

class DialogService;

/// The order panel's return and claim actions: builds the form for opening a return (reason, items) or a claim
/// (kind), or for the next step of one (the regular steps first, then the later ones a note must explain), shows it
/// through the DialogService, and runs engine::ReturnWorkflow / engine::ClaimWorkflow on the UI thread's
/// connection; a refused step is shown in the form. Emits changed() after each step taken. Lives on the UI thread.
class WorkflowActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkflowActions)

public:
    WorkflowActions(storage::Database &database, DialogService &dialogs, qint64 agentId, std::function<qint64()> now,
        QWidget *dialogParent, QObject *parent = nullptr);

    /// Each returns true when a step was taken.
    bool openReturn(const domain::ConversationDetail &detail);
    bool openClaim(const domain::ConversationDetail &detail);
    bool advanceReturn(const domain::ConversationDetail &detail, qint64 returnId);
    bool advanceClaim(const domain::ConversationDetail &detail, qint64 claimId);

Q_SIGNALS:
    void changed(qint64 conversationId);

private:
    bool show(qint64 conversationId, const WorkflowForm &form, const std::function<void(const WorkflowForm &)> &take);

    storage::Database &m_database;
    DialogService &m_dialogs;
    qint64 m_agentId;
    std::function<qint64()> m_now;
    QPointer<QWidget> m_dialogParent;
};

} // namespace waybill::ui
