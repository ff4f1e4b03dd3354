// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RulesPass.h"

#include "RuleEvaluator.h"
#include "storage/AccountRepository.h"
#include "storage/RuleFactsReader.h"
#include "storage/RuleRepository.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

namespace waybill::engine {

namespace {

Q_LOGGING_CATEGORY(lcRules, "waybill.rules")

constexpr int BatchSize = 500;

} // namespace

RulesPass::RulesPass(const storage::Database &database, Clock now, QTimeZone zone)
    : m_database(database)
    , m_now(std::move(now))
    , m_zone(std::move(zone))
{
}

RulesPass::Report RulesPass::evaluate() const
{
    Report report;
    QList<domain::Rule> rules = storage::RuleRepository(m_database).all();
    rules.removeIf([](const domain::Rule &rule) { return !rule.enabled; });
    if (rules.isEmpty()) {
        return report;
    }
    const qint64 now = m_now();
    const QTime local = QDateTime::fromSecsSinceEpoch(now, m_zone).time();
    RuleEvaluator::Context context;
    context.now = now;
    context.minuteOfDay = local.hour() * 60 + local.minute();
    const storage::AccountRepository accounts(m_database);
    for (const domain::EmailAccount &account : accounts.emailAccounts()) {
        if (account.enabled) {
            context.sendingChannels.insert(QStringLiteral("email"));
        }
    }
    for (const domain::TwilioAccount &account : accounts.twilioAccounts()) {
        if (account.enabled) {
            context.sendingChannels.insert(QStringLiteral("sms"));
        }
    }
    for (const domain::AmazonAccount &account : accounts.amazonAccounts()) {
        if (account.enabled) {
            context.amazonSolicitations = true;
            context.sendingChannels.insert(QStringLiteral("amazon")); // the Messaging API (AmazonOutbound)
        }
    }
    const QList<domain::RuleFacts> facts = storage::RuleFactsReader(m_database).activeShipments(now);
    report.shipments = static_cast<int>(facts.size());
    report.decisions = RuleEvaluator(context).evaluate(rules, facts);
    return report;
}

RulesPass::Report RulesPass::dryRun() const
{
    return evaluate();
}

RulesPass::Report RulesPass::run() const
{
    Report report = evaluate();
    QString account;
    QString sender;
    for (const domain::EmailAccount &a : storage::AccountRepository(m_database).emailAccounts()) {
        if (a.enabled && account.isEmpty()) {
            account = a.id;
            sender = a.displayName.isEmpty() ? a.name : a.displayName;
        }
    }
    const RuleExecutor executor(m_database, m_now, account, sender);
    // Decisions are committed in batches: each one is a savepoint inside the batch, so a failure undoes only its
    // own writes, and a pass that acts on thousands of orders does not pay for thousands of commits.
    std::optional<storage::TransactionGuard> batch;
    int inBatch = 0;
    QSet<qint64> changed;
    for (const domain::RuleDecision &decision : std::as_const(report.decisions)) {
        if (decision.kind != domain::RuleDecision::Kind::Fire) {
            report.results.append(RuleExecutor::Result {});
            continue;
        }
        if (!batch) {
            batch.emplace(m_database);
        }
        try {
            const RuleExecutor::Result result = executor.apply(decision);
            if (result.applied && result.conversationId && !changed.contains(result.conversationId)) {
                changed.insert(result.conversationId);
                report.conversations.append(result.conversationId);
            }
            report.results.append(result);
        } catch (const storage::StorageError &error) {
            qCWarning(lcRules) << "rule" << decision.ruleName << "on order" << decision.orderNumber
                               << "failed:" << error.userMessage() << error.detail();
            ++report.failed;
            report.results.append(RuleExecutor::Result {});
        }
        if (++inBatch == BatchSize) {
            batch->commit();
            batch.reset();
            inBatch = 0;
        }
    }
    if (batch) {
        batch->commit();
    }
    return report;
}

} // namespace waybill::engine
