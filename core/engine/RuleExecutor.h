// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Order.h"
#include "domain/RuleDecision.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace waybill::storage {
class Database;
}

namespace waybill::engine {

/// Applies what RuleEvaluator decided: opens or raises the order's conversation (creating one when there is none),
/// assigns, tags, and writes the message as a queued outbound message plus its outbox row for the chosen channel
/// (nothing is sent here; the channel's outbox worker does that). Each decision is one transaction that first
/// records the firing (rule, order), so a rule acts on an order once even when two passes race; every action, and
/// every message not sent with its reason, goes to the audit log as action "rule". Lives on the thread that owns
/// the database connection. A review request of an Amazon order (RuleDecision::amazonSolicitation()) writes no
/// message: it adds the order's pending row to amazon_solicitations (once per order), which the account's
/// AmazonSolicitationSender sends through the Selling Partner API. Any other message to an Amazon order is queued
/// on channel "amazon" for the order's Amazon account (AmazonOutbound sends it through the Messaging API), and only
/// when AmazonMessagePolicy finds nothing in it. Throws StorageError (the transaction is rolled
/// back). Templates are read once per executor: make one per pass.
class RuleExecutor final {
public:
    using Clock = std::function<qint64()>;

    /// What one decision did.
    struct Result {
        bool applied = false; ///< false: the rule had already acted on the order, nothing was written
        qint64 conversationId = 0;
        bool messaged = false;
        QString outcome; ///< for people: "opened conversation #12; tagged late; sent “Delivery delayed” by e-mail"
    };

    /// `emailAccount` sends e-mail for conversations no account has received mail on; `senderName` signs the
    /// messages ({{agent.name}}).
    RuleExecutor(const storage::Database &database, Clock now, QString emailAccount, QString senderName);

    /// Applies a Fire decision; a Deferred one is refused with std::invalid_argument.
    Result apply(const domain::RuleDecision &decision) const;

private:
    /// The order's conversation, reopened when the rule opens it, or a new one about the order.
    qint64 ensureConversation(const domain::RuleDecision &decision, QStringList &done) const;
    /// The decision's conversation when it still exists, else 0.
    qint64 existingConversation(const domain::RuleDecision &decision) const;
    /// The rendered message, or nothing with the reason in `notSent` ("“…” not sent: no e-mail address").
    std::optional<QString> compose(const domain::RuleDecision &decision, QString &notSent) const;
    /// Writes `text` as a queued message plus its outbox row; returns what was done, for people.
    QString queue(const domain::RuleDecision &decision, qint64 conversationId, const QString &text) const;
    void audit(qint64 conversationId, const domain::RuleDecision &decision, const QString &what) const;
    QString receivingAccount(qint64 conversationId) const;
    /// The Twilio account an SMS on the conversation leaves from: the one the customer last texted, else the first
    /// enabled one.
    QString smsAccount(qint64 conversationId) const;
    /// The order's Amazon account when it is connected (enabled) and the order has its Amazon order id, else empty:
    /// that account's AmazonOutbound sends the message.
    QString amazonAccount(const std::optional<domain::Order> &order) const;

    /// The enabled Twilio and Amazon accounts, read on the first message that needs them.
    struct SendingAccounts {
        QString firstTwilio;
        QSet<QString> amazon;
    };
    const SendingAccounts &sendingAccounts() const;

    const storage::Database &m_database;
    Clock m_now;
    QString m_emailAccount;
    QString m_senderName;
    mutable QHash<QString, QString> m_templates; ///< template bodies by name, read on the first message
    mutable bool m_templatesRead = false;
    mutable std::optional<SendingAccounts> m_sendingAccounts;
};

} // namespace waybill::engine
