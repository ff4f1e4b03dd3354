// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationStatus.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>

namespace waybill::engine {
class ConversationActions;
}

namespace waybill::ui {

class DialogService;

/// Runs the agent's actions (assign, status, tags, order link, reply, note, split, merge) on one or several
/// conversations through engine::ConversationActions, one transaction per conversation. A storage::StorageError —
/// including a Conflict when someone else changed the conversation first — is shown through the DialogService and stops
/// a bulk action at that conversation. Every call ends with conversationsChanged() listing the conversations that may
/// have changed (also after a failure), so the owner refreshes rows, counts and the thread. Lives on the UI thread with
/// the database it acts on.
class ConversationActionController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationActionController)

public:
    /// Whether an action can take conversations out of the view being shown.
    enum class Effect {
        Content, ///< messages, tags, read state: rows stay where they are
        Membership, ///< assignee, status, order: rows may leave the view
    };
    Q_ENUM(Effect)

    /// A conversation with the version the agent saw (optimistic concurrency).
    struct Target {
        qint64 id = 0;
        int version = 0;
    };

    ConversationActionController(
        engine::ConversationActions &actions, DialogService &dialogs, QWidget *dialogParent, QObject *parent = nullptr);

    bool assign(const QList<Target> &targets, qint64 agentId, qint64 teamId);
    bool setStatus(const QList<Target> &targets, domain::ConversationStatus status, qint64 snoozedUntil = 0);
    bool addTag(const QList<Target> &targets, const QString &tag);
    bool removeTag(const QList<Target> &targets, const QString &tag);
    /// `orderId` 0 unlinks.
    bool linkOrder(const Target &target, qint64 orderId, const QString &reason);
    /// Writes a queued reply and its outbox row; returns the message id, or 0 after a failure.
    qint64 reply(const Target &target, const QString &text);
    qint64 addNote(const Target &target, const QString &text);
    /// Writes a queued message to the buyer of the conversation's Amazon order, sent as Amazon's `type`; returns
    /// the message id, or 0 after a failure (shown).
    qint64 messageOnAmazon(const Target &target, const QString &type, const QString &text);
    /// Records the conversation's customer's SMS consent and preferred channel ("" for the last one they wrote on),
    /// audited on the conversation; false after a failure.
    bool setContactPreferences(const Target &target, qint64 customerId, bool smsConsent, const QString &channel);
    /// Marks read without a dialog on failure (reading must never interrupt the agent).
    void markRead(qint64 conversationId);
    /// Moves one message into a new conversation; returns the new conversation's id, or 0 after a failure.
    qint64 splitMessage(const Target &target, qint64 messageId);
    /// Merges `source` into `target` (the source is closed); false after a failure.
    bool merge(const Target &target, const Target &source);

Q_SIGNALS:
    void conversationsChanged(const QList<qint64> &ids, waybill::ui::ConversationActionController::Effect effect);

private:
    bool run(const QString &failureTitle, Effect effect, const QList<Target> &targets,
        const std::function<void(const Target &)> &action);

    engine::ConversationActions &m_actions;
    DialogService &m_dialogs;
    QPointer<QWidget> m_dialogParent;
};

} // namespace waybill::ui
