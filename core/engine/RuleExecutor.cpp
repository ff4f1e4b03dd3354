// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RuleExecutor.h"

#include "TemplateRenderer.h"
#include "channels/marketplace/AmazonMessagePolicy.h"
#include "domain/Channel.h"
#include "storage/AccountRepository.h"
#include "storage/AgentRepository.h"
#include "storage/AmazonSolicitationRepository.h"
#include "storage/AuditLogRepository.h"
#include "storage/ConversationRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/OrderRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/RuleRepository.h"
#include "storage/SqlQuery.h"
#include "storage/TagRepository.h"
#include "storage/TransactionGuard.h"
#include "storage/WorkflowRepository.h"

#include <QCoreApplication>

#include <stdexcept>

namespace waybill::engine {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RuleExecutor", text);
}

QString channelName(const QString &key)
{
    const auto channel = domain::channelFromKey(key);
    return channel ? domain::channelDisplayName(*channel) : key;
}

} // namespace

RuleExecutor::RuleExecutor(const storage::Database &database, Clock now, QString emailAccount, QString senderName)
    : m_database(database)
    , m_now(std::move(now))
    , m_emailAccount(std::move(emailAccount))
    , m_senderName(std::move(senderName))
{
}

void RuleExecutor::audit(qint64 conversationId, const domain::RuleDecision &decision, const QString &what) const
{
    storage::AuditLogRepository(m_database)
        .record({ 0, m_now(), 0, {}, conversationId, QStringLiteral("rule"),
            tr("Rule “%1” (order %2, %3): %4").arg(decision.ruleName, decision.orderNumber, decision.reason, what) });
}

RuleExecutor::Result RuleExecutor::apply(const domain::RuleDecision &decision) const
{
    if (decision.kind != domain::RuleDecision::Kind::Fire) {
        throw std::invalid_argument("RuleExecutor::apply: only Fire decisions are applied");
    }
    Result result;
    const storage::RuleRepository rules(m_database);
    storage::TransactionGuard transaction(m_database);
    if (!rules.recordFiring(decision.ruleId, decision.orderId, m_now())) {
        return result; // acted before; the guard rolls back nothing but the empty savepoint
    }
    result.applied = true;
    QStringList done;
    // The message is written out first: one that cannot be sent must not leave an empty conversation behind.
    QString notSent;
    const bool solicitation = decision.amazonSolicitation(); // Amazon writes that message itself
    const std::optional<QString> text
        = decision.templateName.isEmpty() || solicitation ? std::nullopt : compose(decision, notSent);
    const bool needsConversation = decision.openConversation || text.has_value();
    const qint64 conversationId
        = needsConversation ? ensureConversation(decision, done) : existingConversation(decision);
    const storage::ConversationRepository conversations(m_database);
    if (conversationId && decision.assignAgentId) {
        const auto agent = storage::AgentRepository(m_database).find(decision.assignAgentId);
        const auto conversation = conversations.find(conversationId);
        if (agent && conversation) {
            conversations.setAssignee(conversationId, decision.assignAgentId, 0, conversation->version);
            done << tr("assigned to %1").arg(agent->name);
            audit(conversationId, decision, done.last());
        }
    }
    if (conversationId && !decision.tag.isEmpty()) {
        if (storage::TagRepository(m_database).addTag(conversationId, decision.tag)) {
            done << tr("tagged %1").arg(decision.tag);
            audit(conversationId, decision, done.last());
        }
    }
    if (!conversationId && (decision.assignAgentId || !decision.tag.isEmpty())) {
        done << tr("no conversation about the order to assign or tag");
        audit(0, decision, done.last());
    }
    if (solicitation) {
        if (storage::AmazonSolicitationRepository(m_database).request(decision.orderId, m_now())) {
            done << tr("queued Amazon's review request (Solicitations API)");
            result.messaged = true;
        } else {
            done << tr("Amazon's review request was already asked for this order");
        }
        audit(conversationId, decision, done.last());
    } else if (text) {
        done << queue(decision, conversationId, *text);
        result.messaged = true;
        audit(conversationId, decision, done.last());
    } else if (!notSent.isEmpty()) {
        done << notSent;
        audit(conversationId, decision, done.last());
    }
    if (done.isEmpty()) {
        done << tr("nothing to do");
        audit(conversationId, decision, done.last());
    }
    result.conversationId = conversationId;
    result.outcome = done.join(QStringLiteral("; "));
    rules.setFiringOutcome(decision.ruleId, decision.orderId, conversationId, result.messaged,
        result.messaged && decision.reviewRequest, result.outcome);
    transaction.commit();
    return result;
}

qint64 RuleExecutor::ensureConversation(const domain::RuleDecision &decision, QStringList &done) const
{
    const storage::ConversationRepository conversations(m_database);
    const qint64 now = m_now();
    if (decision.conversationId) {
        const auto conversation = conversations.find(decision.conversationId);
        if (conversation) {
            if (decision.openConversation && conversation->status != domain::ConversationStatus::Open) {
                conversations.setStatus(conversation->id, domain::ConversationStatus::Open, 0, conversation->version);
                conversations.setUnread(conversation->id, true);
                done << tr("reopened conversation #%1").arg(conversation->id);
                audit(conversation->id, decision, done.last());
            }
            return conversation->id;
        }
    }
    domain::ConversationSummary c;
    c.channel = domain::channelFromKey(decision.sendChannel).value_or(domain::Channel::Email);
    c.subject = tr("Your order %1").arg(decision.orderNumber);
    c.customerId = decision.customerId;
    c.customerName = decision.customerName;
    c.orderId = decision.orderId;
    c.orderNumber = decision.orderNumber;
    c.status = decision.openConversation ? domain::ConversationStatus::Open : domain::ConversationStatus::Waiting;
    c.unread = decision.openConversation;
    c.createdAt = now;
    c.lastActivity = now;
    c.linkReason = tr("opened by rule “%1”").arg(decision.ruleName);
    const qint64 id = conversations.insert(c);
    conversations.refreshOrderSnapshot(id, now);
    done << tr("opened conversation #%1").arg(id);
    audit(id, decision, done.last());
    return id;
}

QString RuleExecutor::receivingAccount(qint64 conversationId) const
{
    storage::SqlQuery &q = m_database.prepared(
        QStringLiteral("SELECT account FROM messages WHERE conversation_id = ? AND direction = 'in' AND account <> '' "
                       "ORDER BY created_at DESC, id DESC LIMIT 1"));
    q.bind(conversationId).exec();
    const QString account = q.next() ? q.text(0) : m_emailAccount;
    q.finish();
    return account;
}

QString RuleExecutor::smsAccount(qint64 conversationId) const
{
    // The number the customer last texted, so the conversation stays on one thread on their phone.
    storage::SqlQuery &q = m_database.prepared(
        QStringLiteral("SELECT account FROM messages WHERE conversation_id = ? AND account LIKE 'sms:%' "
                       "ORDER BY created_at DESC, id DESC LIMIT 1"));
    q.bind(conversationId).exec();
    QString account = q.next() ? q.text(0) : QString();
    q.finish();
    return account.isEmpty() ? sendingAccounts().firstTwilio : account;
}

QString RuleExecutor::amazonAccount(const std::optional<domain::Order> &order) const
{
    if (!order || order->externalId.isEmpty()) {
        return {};
    }
    return sendingAccounts().amazon.contains(order->account) ? order->account : QString();
}

const RuleExecutor::SendingAccounts &RuleExecutor::sendingAccounts() const
{
    if (!m_sendingAccounts) {
        SendingAccounts accounts;
        const storage::AccountRepository repository(m_database);
        for (const domain::TwilioAccount &twilio : repository.twilioAccounts()) {
            if (twilio.enabled && accounts.firstTwilio.isEmpty()) {
                accounts.firstTwilio = twilio.id;
            }
        }
        for (const domain::AmazonAccount &amazon : repository.amazonAccounts()) {
            if (amazon.enabled) {
                accounts.amazon.insert(amazon.id);
            }
        }
        m_sendingAccounts = accounts;
    }
    return *m_sendingAccounts;
}

qint64 RuleExecutor::existingConversation(const domain::RuleDecision &decision) const
{
    return decision.conversationId && storage::ConversationRepository(m_database).find(decision.conversationId)
        ? decision.conversationId
        : 0;
}

std::optional<QString> RuleExecutor::compose(const domain::RuleDecision &decision, QString &notSent) const
{
    if (!decision.sends()) {
        notSent = tr("“%1” not sent: %2").arg(decision.templateName, decision.sendNote);
        return std::nullopt;
    }
    if (!m_templatesRead) {
        for (const domain::Template &t : storage::TagRepository(m_database).templates()) {
            m_templates.insert(t.name, t.body);
        }
        m_templatesRead = true;
    }
    const auto found = m_templates.constFind(decision.templateName);
    if (found == m_templates.cend()) {
        notSent = tr("“%1” not sent: there is no template with that name").arg(decision.templateName);
        return std::nullopt;
    }
    // What the template reads, gathered inside this transaction (ConversationDetailReader opens its own).
    domain::ConversationDetail detail;
    const storage::OrderRepository orders(m_database);
    detail.order = orders.find(decision.orderId);
    detail.shipments = orders.shipments(decision.orderId);
    detail.returns = storage::WorkflowRepository(m_database).returnsForOrder(decision.orderId);
    if (decision.customerId) {
        detail.customer = storage::CustomerRepository(m_database).find(decision.customerId);
    }
    const TemplateRenderer::Result rendered = TemplateRenderer::render(*found, detail, m_senderName);
    if (!rendered.missing.isEmpty() || !rendered.unknown.isEmpty()) {
        notSent = tr("“%1” not sent: nothing to fill in for %2")
                      .arg(decision.templateName, (rendered.missing + rendered.unknown).join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (decision.sendChannel == QLatin1String("amazon")) {
        const QString account = amazonAccount(detail.order);
        if (account.isEmpty()) {
            notSent = tr("“%1” not sent: the order was not synchronised from a connected Amazon account")
                          .arg(decision.templateName);
            return std::nullopt;
        }
        // No one reads a warning before an automatic message goes: any finding holds it back.
        using channels::marketplace::AmazonMessagePolicy;
        const QStringList warnings = AmazonMessagePolicy::messages(AmazonMessagePolicy::check(rendered.text));
        if (!warnings.isEmpty()) {
            notSent = tr("“%1” not sent: %2").arg(decision.templateName, warnings.join(QLatin1Char(' ')));
            return std::nullopt;
        }
    }
    return rendered.text;
}

QString RuleExecutor::queue(const domain::RuleDecision &decision, qint64 conversationId, const QString &text) const
{
    QString account;
    if (decision.sendChannel == QLatin1String("email")) {
        account = receivingAccount(conversationId);
    } else if (decision.sendChannel == QLatin1String("sms")) {
        account = smsAccount(conversationId);
    } else if (decision.sendChannel == QLatin1String("amazon")) {
        account = amazonAccount(storage::OrderRepository(m_database).find(decision.orderId));
    }
    storage::OutboxRepository(m_database)
        .queueText(conversationId, decision.sendChannel, account, m_senderName, text, m_now());
    storage::ConversationRepository(m_database).recordActivity(conversationId, m_now(), text.simplified(), 0, 0);
    QString what = tr("queued “%1” for %2").arg(decision.templateName, channelName(decision.sendChannel));
    if (!decision.sendNote.isEmpty()) {
        what += tr(" (%1)").arg(decision.sendNote);
    }
    return what;
}

} // namespace waybill::engine
