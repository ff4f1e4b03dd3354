// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowActions.h"

#include "DialogService.h"
#include "WorkflowForm.h"
#include "domain/WorkflowStates.h"
#include "engine/ClaimWorkflow.h"
#include "engine/ReturnWorkflow.h"
#include "storage/Database.h"
#include "storage/StorageError.h"

#include <QWidget>

namespace waybill::ui {

namespace {

/// The steps that may follow `from`: the regular ones, then the later ones (which need a note).
QList<std::pair<QString, QString>> stepsAfter(const engine::WorkflowGraph &graph, const QString &from,
    const QStringList &states, QString (*name)(const QString &))
{
    QList<std::pair<QString, QString>> steps;
    for (const QString &state : graph.next(from)) {
        steps.append({ state, name(state) });
    }
    for (const QString &state : states) {
        if (graph.isSkip(from, state)) {
            steps.append({ state, QObject::tr("%1 (skips steps: say why)").arg(name(state)) });
        }
    }
    return steps;
}

QList<std::pair<qint64, QString>> attachmentsOf(const domain::ConversationDetail &detail)
{
    QList<std::pair<qint64, QString>> attachments;
    for (const domain::Message &message : detail.messages) {
        for (const domain::Attachment &attachment : message.attachments) {
            attachments.append({ attachment.id, attachment.filename });
        }
    }
    return attachments;
}

} // namespace

WorkflowActions::WorkflowActions(storage::Database &database, DialogService &dialogs, qint64 agentId,
    std::function<qint64()> now, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_dialogs(dialogs)
    , m_agentId(agentId)
    , m_now(std::move(now))
    , m_dialogParent(dialogParent)
{
}

bool WorkflowActions::show(
    qint64 conversationId, const WorkflowForm &form, const std::function<void(const WorkflowForm &)> &take)
{
    const bool taken = m_dialogs.fillWorkflowForm(m_dialogParent, form, [&](const WorkflowForm &answers) {
        try {
            take(answers);
            return QString();
        } catch (const storage::StorageError &error) {
            return error.userMessage();
        }
    });
    if (taken) {
        Q_EMIT changed(conversationId);
    }
    return taken;
}

bool WorkflowActions::openReturn(const domain::ConversationDetail &detail)
{
    if (!detail.order) {
        return false;
    }
    WorkflowForm form;
    form.title = tr("New return for order %1").arg(detail.order->number);
    form.asksReason = true;
    form.currency = detail.order->currency;
    for (const domain::OrderLine &line : detail.order->lines) {
        form.lines.append({ line.id, line.title, line.quantity });
    }
    const qint64 conversationId = detail.conversation.id;
    return show(conversationId, form, [&](const WorkflowForm &answers) {
        QList<domain::ReturnItem> items;
        for (const auto &[lineId, quantity] : answers.quantities) {
            items.append({ lineId, {}, {}, quantity });
        }
        engine::ReturnWorkflow(m_database, m_agentId, m_now).open(conversationId, answers.reason, items, answers.note);
    });
}

bool WorkflowActions::openClaim(const domain::ConversationDetail &detail)
{
    if (!detail.order) {
        return false;
    }
    WorkflowForm form;
    form.title = tr("New delivery claim for order %1").arg(detail.order->number);
    form.kinds = { { QStringLiteral("lost"), tr("Lost") }, { QStringLiteral("damaged"), tr("Damaged") },
        { QStringLiteral("late"), tr("Late") } };
    const qint64 conversationId = detail.conversation.id;
    return show(conversationId, form, [&](const WorkflowForm &answers) {
        engine::ClaimWorkflow(m_database, m_agentId, m_now).open(conversationId, answers.kind, 0, answers.note);
    });
}

bool WorkflowActions::advanceReturn(const domain::ConversationDetail &detail, qint64 returnId)
{
    const auto request = std::find_if(detail.returns.cbegin(), detail.returns.cend(),
        [returnId](const domain::ReturnRequest &r) { return r.id == returnId; });
    if (request == detail.returns.cend()) {
        return false;
    }
    WorkflowForm form;
    form.title = tr("Return: %1").arg(domain::ReturnState::displayName(request->state));
    form.steps = stepsAfter(engine::ReturnWorkflow::graph(), request->state, domain::ReturnState::keys(),
        &domain::ReturnState::displayName);
    form.currency = detail.order ? detail.order->currency : QString();
    return show(detail.conversation.id, form, [&](const WorkflowForm &answers) {
        engine::ReturnWorkflow(m_database, m_agentId, m_now)
            .advance(returnId, { answers.step, answers.note, answers.amountCents, answers.reference });
    });
}

bool WorkflowActions::advanceClaim(const domain::ConversationDetail &detail, qint64 claimId)
{
    const auto claim = std::find_if(
        detail.claims.cbegin(), detail.claims.cend(), [claimId](const domain::Claim &c) { return c.id == claimId; });
    if (claim == detail.claims.cend()) {
        return false;
    }
    WorkflowForm form;
    form.title = tr("Claim: %1").arg(domain::ClaimState::displayName(claim->state));
    form.steps = stepsAfter(
        engine::ClaimWorkflow::graph(), claim->state, domain::ClaimState::keys(), &domain::ClaimState::displayName);
    form.forClaim = true;
    form.attachments = attachmentsOf(detail);
    form.currency = detail.order ? detail.order->currency : QString();
    return show(detail.conversation.id, form, [&](const WorkflowForm &answers) {
        engine::ClaimWorkflow(m_database, m_agentId, m_now)
            .advance(claimId,
                { answers.step, answers.note, answers.evidence, answers.reference, answers.amountCents,
                    answers.remedy });
    });
}

} // namespace waybill::ui
