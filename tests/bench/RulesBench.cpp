// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Google Benchmark of the proactive rules pass over WAYBILL_BENCH_SHIPMENTS active shipments (default 100,000) in
// an on-disk workspace: customers (e-mail, some phones, some SMS consent), orders from Shopify, Amazon and eBay,
// shipments in every state (a tenth of them late, a third delivered in the last three weeks), conversations with
// messages and tags on a third of the orders, returns and claims, and the three example rules plus a "no reply"
// rule, all enabled. The budget is 2 s for one pass over 100,000 active shipments.
//
//   BM_RulesDryRun     facts (one query) + evaluation, nothing written
//   BM_RulesFirstPass  the first pass after the rules were switched on: every matching order acts at once
//   BM_RulesPass       a steady pass: 1 % of the orders have something new (their firings are forgotten first)
#include "domain/EmailAccount.h"
#include "engine/RulesPass.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"
#include "storage/SqlQuery.h"
#include "storage/TransactionGuard.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <benchmark/benchmark.h>
#include <cstdlib>
#include <random>

using namespace waybill;
using storage::SqlQuery;

namespace {

constexpr qint64 Day = 24 * 3600;
constexpr qint64 Now = 1795000000 - 1795000000 % Day + 12 * 3600; // noon UTC, outside the quiet hours

int shipmentCount()
{
    const char *env = std::getenv("WAYBILL_BENCH_SHIPMENTS");
    const int count = env ? std::atoi(env) : 0;
    return count > 0 ? count : 100'000;
}

int s_connection = 0;

std::unique_ptr<storage::Database> open(const QString &dir)
{
    return storage::Workspace(dir).openDatabase(QStringLiteral("rules-bench-") + QString::number(++s_connection));
}

/// Fills a new workspace in one transaction with bound statements; deterministic (mt19937 with a fixed seed).
void generate(const storage::Database &db, int shipments)
{
    std::mt19937 random(4711);
    const auto chance = [&random](int percent) { return static_cast<int>(random() % 100) < percent; };
    const auto below = [&random](int n) { return static_cast<qint64>(random() % static_cast<unsigned>(n)); };

    domain::EmailAccount account;
    account.id = QStringLiteral("email:support@shop.example");
    account.name = QStringLiteral("Support");
    account.address = QStringLiteral("support@shop.example");
    storage::AccountRepository(db).saveEmailAccount(account, Now);

    storage::TransactionGuard transaction(db);
    SqlQuery customer(db,
        QStringLiteral("INSERT INTO customers (name, first_name, created_at, sms_consent, preferred_channel) "
                       "VALUES (?, ?, ?, ?, ?)"));
    SqlQuery identity(db, QStringLiteral("INSERT INTO identities (customer_id, kind, value) VALUES (?, ?, ?)"));
    SqlQuery order(db,
        QStringLiteral("INSERT INTO orders (source, number, customer_id, placed_at, currency, total_cents) "
                       "VALUES (?, ?, ?, ?, 'USD', ?)"));
    SqlQuery shipment(db,
        QStringLiteral("INSERT INTO shipments (order_id, carrier, tracking_number, status, shipped_at, expected_at, "
                       "late_after, delivered_at, updated_at) VALUES (?, 'ups', ?, ?, ?, ?, ?, ?, ?)"));
    SqlQuery conversation(db,
        QStringLiteral("INSERT INTO conversations (channel, subject, customer_id, customer_name, order_id, "
                       "order_number, status, created_at, last_activity) VALUES (?, 'Where is my order?', ?, ?, ?, "
                       "?, ?, ?, ?)"));
    SqlQuery message(db,
        QStringLiteral("INSERT INTO messages (conversation_id, direction, body_text, created_at) VALUES (?, ?, "
                       "'Hello', ?)"));
    SqlQuery tag(db, QStringLiteral("INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)"));
    SqlQuery ret(
        db, QStringLiteral("INSERT INTO returns (order_id, state, created_at, updated_at) VALUES (?, ?, ?, ?)"));
    SqlQuery claim(db,
        QStringLiteral("INSERT INTO claims (order_id, kind, state, created_at, updated_at) VALUES (?, 'lost', ?, ?, "
                       "?)"));
    db.execute(QStringLiteral("INSERT INTO tags (id, name) VALUES (1, 'vip'), (2, 'wismo')"));

    const QStringList sources { QStringLiteral("shopify"), QStringLiteral("amazon"), QStringLiteral("ebay") };
    const QStringList returnStates { QStringLiteral("requested"), QStringLiteral("approved"),
        QStringLiteral("received"), QStringLiteral("closed") };
    qint64 customerId = 0;
    for (int i = 0; i < shipments; ++i) {
        if (customerId == 0 || chance(70)) { // some customers order more than once
            const QString name = QStringLiteral("Customer %1").arg(i);
            customer.bind(name).bind(QStringLiteral("Pat")).bind(Now - 400 * Day).bind(chance(5) ? 1 : 0);
            customer.bind(chance(10) ? QStringLiteral("sms") : QString()).exec();
            customerId = customer.lastInsertId();
            identity.bind(customerId).bind(QStringLiteral("email")).bind(QStringLiteral("c%1@example.com").arg(i));
            identity.exec();
            if (chance(20)) {
                identity.bind(customerId).bind(QStringLiteral("phone")).bind(QStringLiteral("+1555%1").arg(i)).exec();
            }
        }
        const int sourceRoll = static_cast<int>(below(100));
        const QString &source = sourceRoll < 85 ? sources.at(0) : sourceRoll < 95 ? sources.at(1) : sources.at(2);
        const QString number = QStringLiteral("#%1").arg(100000 + i);
        order.bind(source).bind(number).bind(customerId).bind(Now - 30 * Day + below(25 * Day));
        order.bind(1000 + below(20000)).exec();
        const qint64 orderId = order.lastInsertId();

        const qint64 shipped = Now - 2 * Day - below(20 * Day);
        const int roll = static_cast<int>(below(100));
        QString status = QStringLiteral("in_transit");
        qint64 expected = Now + below(5 * Day);
        qint64 delivered = 0;
        qint64 updated = shipped + below(Now - shipped);
        if (roll < 10) {
            expected = Now - 1 - below(5 * Day); // late
        } else if (roll < 45) {
            status = QStringLiteral("delivered");
            delivered = Now - below(21 * Day);
            updated = delivered;
        } else if (roll < 48) {
            status = QStringLiteral("exception");
            updated = Now - below(4 * Day);
        } else if (roll < 55) {
            status = QStringLiteral("pre_transit");
        } else if (roll < 60) {
            status = QStringLiteral("out_for_delivery");
        }
        shipment.bind(orderId).bind(QStringLiteral("1Z%1").arg(i)).bind(status).bind(shipped).bind(expected);
        shipment.bind(expected).bindOptional(delivered).bind(updated).exec();

        if (chance(33)) {
            const bool closed = chance(60);
            conversation.bind(source == sources.at(0) ? QStringLiteral("email") : source).bind(customerId);
            conversation.bind(QStringLiteral("Customer %1").arg(i)).bind(orderId).bind(number);
            conversation.bind(closed ? QStringLiteral("closed") : QStringLiteral("open")).bind(shipped);
            conversation.bind(shipped + Day).exec();
            const qint64 conversationId = conversation.lastInsertId();
            const int messages = 1 + static_cast<int>(below(3));
            for (int m = 0; m < messages; ++m) {
                message.bind(conversationId).bind(m % 2 == 0 ? QStringLiteral("in") : QStringLiteral("out"));
                message.bind(shipped + m * 3600 + below(Day)).exec();
            }
            if (chance(15)) {
                tag.bind(conversationId).bind(1 + below(2)).exec();
            }
        }
        if (chance(3)) {
            ret.bind(orderId).bind(returnStates.at(below(4))).bind(Now - 5 * Day).bind(Now - below(5 * Day)).exec();
        }
        if (chance(1)) {
            claim.bind(orderId).bind(QStringLiteral("filed")).bind(Now - 5 * Day).bind(Now - below(5 * Day)).exec();
        }
    }
    db.execute(QStringLiteral("UPDATE rules SET enabled = 1"));
    db.execute(
        QStringLiteral("INSERT INTO rules (name, trigger, trigger_amount, act_open, act_tag, created_at, updated_at) "
                       "VALUES ('Waiting a day: raise it', 'no_reply', 24, 1, 'waiting', 0, 0)"));
    transaction.commit();
}

/// The generated workspace's folder, made once.
const QString &templateWorkspace()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        generate(*open(dir.path()), shipmentCount());
        return dir.path();
    }();
    return path;
}

/// A copy of the generated workspace (the database file only: the template's connection is closed, so its WAL
/// was checkpointed into it).
void copyWorkspace(const QString &to)
{
    const QString from = templateWorkspace();
    for (const QString &file : QDir(from).entryList(QDir::Files)) {
        QFile::remove(to + QLatin1Char('/') + file);
        QFile::copy(from + QLatin1Char('/') + file, to + QLatin1Char('/') + file);
    }
}

engine::RulesPass pass(const storage::Database &db)
{
    return engine::RulesPass(
        db, [] { return Now; }, QTimeZone::utc());
}

void BM_RulesDryRun(benchmark::State &state)
{
    QTemporaryDir dir;
    copyWorkspace(dir.path());
    const auto db = open(dir.path());
    for (auto _ : state) {
        const auto report = pass(*db).dryRun();
        state.counters["shipments"] = report.shipments;
        state.counters["decisions"] = static_cast<double>(report.decisions.size());
    }
}

void BM_RulesFirstPass(benchmark::State &state)
{
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        copyWorkspace(dir.path());
        const auto db = open(dir.path());
        state.ResumeTiming();
        const auto report = pass(*db).run();
        state.counters["shipments"] = report.shipments;
        state.counters["decisions"] = static_cast<double>(report.decisions.size());
        state.counters["failed"] = report.failed;
    }
}

void BM_RulesPass(benchmark::State &state)
{
    QTemporaryDir dir;
    copyWorkspace(dir.path());
    const auto db = open(dir.path());
    pass(*db).run(); // the first pass: from here on, only what is new acts
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        // 1 % of the orders: as if their parcels had just become late, been delivered or raised an exception.
        db->execute(
            QStringLiteral("DELETE FROM rule_firings WHERE order_id % 100 = ") + QString::number(round++ % 100));
        state.ResumeTiming();
        const auto report = pass(*db).run();
        state.counters["shipments"] = report.shipments;
        state.counters["decisions"] = static_cast<double>(report.decisions.size());
        state.counters["failed"] = report.failed;
    }
}

} // namespace

BENCHMARK(BM_RulesDryRun)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK(BM_RulesFirstPass)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
BENCHMARK(BM_RulesPass)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
