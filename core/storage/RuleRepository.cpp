// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RuleRepository.h"

#include "Database.h"
#include "SqlQuery.h"
#include "StorageError.h"

#include <QCoreApplication>

namespace waybill::storage {

namespace {

const QString Columns = QStringLiteral(
    "name, enabled, trigger, trigger_state, trigger_amount, cond_channel, cond_marketplace, cond_min_cents, "
    "cond_max_cents, cond_tags, cond_sms_consent, cond_not_messaged, quiet_start, quiet_end, act_open, act_assign, "
    "act_tag, act_template, act_review, created_at, updated_at");

domain::Rule readRule(const SqlQuery &q)
{
    domain::Rule r;
    r.id = q.int64(0);
    r.name = q.text(1);
    r.enabled = q.int64(2) != 0;
    r.trigger = domain::ruleTriggerFromKey(q.text(3)).value_or(domain::RuleTrigger::Late);
    r.triggerState = q.text(4);
    r.triggerAmount = static_cast<int>(q.int64(5));
    r.channel = q.text(6);
    r.marketplace = q.text(7);
    r.minOrderCents = q.int64(8);
    r.maxOrderCents = q.int64(9);
    r.tags = q.text(10).split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.requireSmsConsent = q.int64(11) != 0;
    r.onlyIfNotMessaged = q.int64(12) != 0;
    r.quietStart = static_cast<int>(q.int64(13));
    r.quietEnd = static_cast<int>(q.int64(14));
    r.openConversation = q.int64(15) != 0;
    r.assignAgentId = q.int64(16);
    r.tag = q.text(17);
    r.templateName = q.text(18);
    r.reviewRequest = q.int64(19) != 0;
    r.createdAt = q.int64(20);
    r.updatedAt = q.int64(21);
    return r;
}

void bindRule(SqlQuery &q, const domain::Rule &r)
{
    QStringList tags;
    for (const QString &tag : r.tags) {
        if (!tag.trimmed().isEmpty()) {
            tags << tag.trimmed().toLower();
        }
    }
    q.bind(r.name.trimmed())
        .bind(r.enabled ? 1 : 0)
        .bind(domain::ruleTriggerKey(r.trigger))
        .bind(r.triggerState)
        .bind(r.triggerAmount)
        .bind(r.channel)
        .bind(r.marketplace)
        .bind(r.minOrderCents)
        .bind(r.maxOrderCents)
        .bind(tags.join(QLatin1Char(',')))
        .bind(r.requireSmsConsent ? 1 : 0)
        .bind(r.onlyIfNotMessaged ? 1 : 0)
        .bind(r.quietStart)
        .bind(r.quietEnd)
        .bind(r.openConversation ? 1 : 0)
        .bindOptional(r.assignAgentId)
        .bind(r.tag.trimmed().toLower())
        .bind(r.templateName)
        .bind(r.reviewRequest ? 1 : 0)
        .bind(r.createdAt)
        .bind(r.updatedAt);
}

void requireName(const domain::Rule &rule)
{
    if (rule.name.trimmed().isEmpty()) {
        throw StorageError(
            StorageError::Kind::Invalid, QCoreApplication::translate("RuleRepository", "Give the rule a name."));
    }
}

} // namespace

RuleRepository::RuleRepository(const Database &database)
    : m_database(database)
{
}

QList<domain::Rule> RuleRepository::all() const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id, ") + Columns + QStringLiteral(" FROM rules ORDER BY name, id"));
    q.exec();
    QList<domain::Rule> rules;
    while (q.next()) {
        rules.append(readRule(q));
    }
    return rules;
}

std::optional<domain::Rule> RuleRepository::find(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT id, ") + Columns + QStringLiteral(" FROM rules WHERE id = ?"));
    q.bind(id).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return readRule(q);
}

qint64 RuleRepository::insert(const domain::Rule &rule) const
{
    requireName(rule);
    SqlQuery q(m_database,
        QStringLiteral("INSERT INTO rules (") + Columns
            + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bindRule(q, rule);
    q.exec();
    return q.lastInsertId();
}

void RuleRepository::update(const domain::Rule &rule) const
{
    requireName(rule);
    SqlQuery q(m_database,
        QStringLiteral("UPDATE rules SET (") + Columns
            + QStringLiteral(") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?"));
    bindRule(q, rule);
    q.bind(rule.id).exec();
    if (q.rowsAffected() == 0) {
        throw StorageError(
            StorageError::Kind::NotFound, QCoreApplication::translate("RuleRepository", "This rule no longer exists."));
    }
}

void RuleRepository::setEnabled(qint64 id, bool enabled, qint64 now) const
{
    SqlQuery q(m_database, QStringLiteral("UPDATE rules SET enabled = ?, updated_at = ? WHERE id = ?"));
    q.bind(enabled ? 1 : 0).bind(now).bind(id).exec();
}

bool RuleRepository::remove(qint64 id) const
{
    SqlQuery q(m_database, QStringLiteral("DELETE FROM rules WHERE id = ?"));
    q.bind(id).exec();
    return q.rowsAffected() > 0;
}

bool RuleRepository::recordFiring(qint64 ruleId, qint64 orderId, qint64 at) const
{
    SqlQuery &q = m_database.prepared(QStringLiteral(
        "INSERT INTO rule_firings (rule_id, order_id, fired_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    q.bind(ruleId).bind(orderId).bind(at).exec();
    return q.rowsAffected() > 0;
}

void RuleRepository::setFiringOutcome(
    qint64 ruleId, qint64 orderId, qint64 conversationId, bool messaged, bool review, const QString &outcome) const
{
    SqlQuery &q = m_database.prepared(
        QStringLiteral("UPDATE rule_firings SET conversation_id = ?, messaged = ?, review = ?, outcome = ? "
                       "WHERE rule_id = ? AND order_id = ?"));
    q.bindOptional(conversationId).bind(messaged ? 1 : 0).bind(review ? 1 : 0).bind(outcome).bind(ruleId).bind(orderId);
    q.exec();
}

std::optional<QString> RuleRepository::firingOutcome(qint64 ruleId, qint64 orderId) const
{
    SqlQuery q(m_database, QStringLiteral("SELECT outcome FROM rule_firings WHERE rule_id = ? AND order_id = ?"));
    q.bind(ruleId).bind(orderId).exec();
    if (!q.next()) {
        return std::nullopt;
    }
    return q.text(0);
}

} // namespace waybill::storage
