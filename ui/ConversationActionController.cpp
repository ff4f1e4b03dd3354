// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationActionController.h"

#include "DialogService.h"
#include "engine/ConversationActions.h"
#include "storage/StorageError.h"

#include <QDebug>

namespace waybill::ui {

ConversationActionController::ConversationActionController(
    engine::ConversationActions &actions, DialogService &dialogs, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_actions(actions)
    , m_dialogs(dialogs)
    , m_dialogParent(dialogParent)
{
}

bool ConversationActionController::run(const QString &failureTitle, Effect effect, const QList<Target> &targets,
    const std::function<void(const Target &)> &action)
{
    QList<qint64> touched;
    bool ok = true;
    for (const Target &target : targets) {
        touched << target.id;
        try {
            action(target);
        } catch (const storage::StorageError &error) {
            qWarning() << "Action failed on conversation" << target.id << error.what();
            m_dialogs.showError(m_dialogParent, failureTitle, error.userMessage());
            ok = false;
            break;
        }
    }
    if (!touched.isEmpty()) {
        Q_EMIT conversationsChanged(touched, effect);
    }
    return ok;
}

bool ConversationActionController::assign(const QList<Target> &targets, qint64 agentId, qint64 teamId)
{
    return run(tr("Could not assign"), Effect::Membership, targets,
        [&](const Target &target) { m_actions.assign(target.id, target.version, agentId, teamId); });
}

bool ConversationActionController::setStatus(
    const QList<Target> &targets, domain::ConversationStatus status, qint64 snoozedUntil)
{
    return run(tr("Could not change the status"), Effect::Membership, targets,
        [&](const Target &target) { m_actions.setStatus(target.id, target.version, status, snoozedUntil); });
}

bool ConversationActionController::addTag(const QList<Target> &targets, const QString &tag)
{
    return run(tr("Could not add the tag"), Effect::Content, targets,
        [&](const Target &target) { m_actions.addTag(target.id, tag); });
}

bool ConversationActionController::removeTag(const QList<Target> &targets, const QString &tag)
{
    return run(tr("Could not remove the tag"), Effect::Content, targets,
        [&](const Target &target) { m_actions.removeTag(target.id, tag); });
}

bool ConversationActionController::linkOrder(const Target &target, qint64 orderId, const QString &reason)
{
    return run(orderId ? tr("Could not link the order") : tr("Could not unlink the order"), Effect::Membership,
        { target }, [&](const Target &one) { m_actions.linkOrder(one.id, one.version, orderId, reason); });
}

bool ConversationActionController::setContactPreferences(
    const Target &target, qint64 customerId, bool smsConsent, const QString &channel)
{
    return run(tr("Could not change the customer's preferences"), Effect::Content, { target },
        [&](const Target &one) { m_actions.setContactPreferences(one.id, customerId, smsConsent, channel); });
}

qint64 ConversationActionController::reply(const Target &target, const QString &text)
{
    qint64 messageId = 0;
    run(tr("Could not save the reply"), Effect::Content, { target },
        [&](const Target &one) { messageId = m_actions.reply(one.id, one.version, text); });
    return messageId;
}

qint64 ConversationActionController::messageOnAmazon(const Target &target, const QString &type, const QString &text)
{
    qint64 messageId = 0;
    run(tr("Could not queue the message"), Effect::Content, { target },
        [&](const Target &one) { messageId = m_actions.messageOnAmazon(one.id, one.version, type, text); });
    return messageId;
}

qint64 ConversationActionController::addNote(const Target &target, const QString &text)
{
    qint64 messageId = 0;
    run(tr("Could not save the note"), Effect::Content, { target },
        [&](const Target &one) { messageId = m_actions.addNote(one.id, text); });
    return messageId;
}

void ConversationActionController::markRead(qint64 conversationId)
{
    try {
        m_actions.markRead(conversationId);
    } catch (const storage::StorageError &error) {
        qWarning() << "Could not mark conversation" << conversationId << "read:" << error.what();
        return;
    }
    Q_EMIT conversationsChanged({ conversationId }, Effect::Content);
}

qint64 ConversationActionController::splitMessage(const Target &target, qint64 messageId)
{
    qint64 splitId = 0;
    run(tr("Could not split the message"), Effect::Membership, { target },
        [&](const Target &one) { splitId = m_actions.splitMessage(one.id, one.version, messageId); });
    if (splitId != 0) {
        Q_EMIT conversationsChanged({ splitId }, Effect::Membership);
    }
    return splitId;
}

bool ConversationActionController::merge(const Target &target, const Target &source)
{
    const bool ok = run(tr("Could not merge the conversations"), Effect::Membership, { source },
        [&](const Target &one) { m_actions.merge(target.id, target.version, one.id, one.version); });
    Q_EMIT conversationsChanged({ target.id }, Effect::Membership);
    return ok;
}

} // namespace waybill::ui
