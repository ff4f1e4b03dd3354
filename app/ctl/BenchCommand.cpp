// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchCommand.h"

#include "demo/DemoGenerator.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/ConversationDetailReader.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/SearchIndex.h"
#include "storage/SqlQuery.h"
#include "storage/ViewCounterRepository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>
#include <vector>

namespace waybill::ctl {

namespace {

struct Measure {
    QString name;
    double budgetMs;
    double medianMs;
    double p95Ms;
};

Measure measure(const QString &name, double budgetMs, int iterations, const std::function<void()> &work)
{
    work(); // warm the page cache and prepared statements once
    std::vector<double> samples;
    samples.reserve(size_t(iterations));
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return { name, budgetMs, samples[samples.size() / 2],
        samples[std::min(samples.size() - 1, samples.size() * 95 / 100)] };
}

} // namespace

QString BenchCommand::name() const
{
    return QStringLiteral("bench");
}

QString BenchCommand::summary() const
{
    return QStringLiteral(
        "Measure the hot paths (paging, counts, opening, search) on a workspace against their budgets.");
}

void BenchCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    parser.addOption(
        { QStringLiteral("iterations"), QStringLiteral("Samples per measurement (default 50)."), QStringLiteral("N") });
}

int BenchCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const int iterations = positiveInt(parser, QStringLiteral("iterations"), 50, err);
    if (iterations < 0) {
        return 2;
    }
    const auto database = openExisting(parser);
    const auto agent = storage::AgentRepository(*database).findByEmail(demo::DemoGenerator::defaultAgentEmail());
    const qint64 agentId = agent ? agent->id : 0;
    const engine::SlaClock sla;
    const qint64 horizon = sla.riskHorizon(QDateTime::currentSecsSinceEpoch());
    const storage::ConversationRepository conversations(*database);
    constexpr int PageSize = 100;

    storage::SqlQuery total(*database, QStringLiteral("SELECT max(id) FROM conversations"));
    total.exec();
    const qint64 conversationCount = total.next() ? total.int64(0) : 0;

    std::vector<Measure> results;
    for (const domain::InboxView &view : domain::InboxView::all()) {
        for (const domain::InboxSort sort : { domain::InboxSort::LastActivity, domain::InboxSort::Deadline }) {
            const storage::InboxQuery query(view, sort, agentId, horizon);
            const QString suffix
                = query.sort() == domain::InboxSort::Deadline ? QStringLiteral(" by deadline") : QString();
            if (sort == domain::InboxSort::Deadline && view.kind == domain::InboxView::Kind::DeadlineAtRisk) {
                continue; // the at-risk view is always by deadline: measured once
            }
            results.push_back(measure(QStringLiteral("first page: ") + view.key() + suffix, 2.0, iterations,
                [&] { conversations.page(query, nullptr, PageSize); }));
            const auto first = conversations.page(query, nullptr, PageSize);
            if (!first.isEmpty()) {
                const auto &last = first.constLast();
                const auto cursor = storage::InboxQuery::cursorOf(query.sort(), last.lastActivity, last.dueAt, last.id);
                results.push_back(measure(QStringLiteral("next page: ") + view.key() + suffix, 2.0, iterations,
                    [&] { conversations.page(query, &cursor, PageSize); }));
            }
        }
    }
    const storage::ViewCounterRepository counters(*database);
    results.push_back(
        measure(QStringLiteral("all view counts"), 5.0, iterations, [&] { counters.counts(agentId, horizon); }));

    // The longest thread among the first conversations (the demo makes some with 50 messages).
    storage::SqlQuery longest(*database,
        QStringLiteral("SELECT conversation_id, count(*) AS n FROM messages "
                       "WHERE conversation_id <= 20000 GROUP BY conversation_id "
                       "ORDER BY n DESC LIMIT 1"));
    longest.exec();
    if (longest.next()) {
        const qint64 id = longest.int64(0);
        const storage::ConversationDetailReader reader(*database);
        results.push_back(
            measure(QStringLiteral("open conversation (%1 messages) with order panel").arg(longest.int64(1)), 10.0,
                iterations, [&] { reader.load(id); }));
    }
    const storage::SearchIndex search(*database);
    const auto firstConversation = conversations.find(1);
    QStringList queries { QStringLiteral("order"), QStringLiteral("配送") };
    if (firstConversation && !firstConversation->orderNumber.isEmpty()) {
        queries << firstConversation->orderNumber;
    }
    for (const QString &q : queries) {
        results.push_back(measure(QStringLiteral("search first page: ") + q, 20.0, iterations,
            [&] { conversations.findMany(search.search(q, 50)); }));
    }

    bool allWithin = true;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const Measure &m : results) {
            allWithin = allWithin && m.medianMs <= m.budgetMs;
            array.append(QJsonObject { { QStringLiteral("name"), m.name }, { QStringLiteral("budget_ms"), m.budgetMs },
                { QStringLiteral("median_ms"), m.medianMs }, { QStringLiteral("p95_ms"), m.p95Ms } });
        }
        out << QJsonDocument(QJsonObject { { QStringLiteral("conversations"), conversationCount },
                                 { QStringLiteral("iterations"), iterations }, { QStringLiteral("results"), array } })
                   .toJson(QJsonDocument::Indented);
    } else {
        out << "Workspace: " << conversationCount << " conversations, " << iterations << " samples each\n";
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(QStringLiteral("measurement"), -58)
                   .arg(QStringLiteral("median"), 9)
                   .arg(QStringLiteral("p95"), 9)
                   .arg(QStringLiteral("budget"), 8);
        for (const Measure &m : results) {
            const bool within = m.medianMs <= m.budgetMs;
            allWithin = allWithin && within;
            out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(m.name, -58)
                       .arg(m.medianMs, 7, 'f', 3)
                       .arg(m.p95Ms, 9, 'f', 3)
                       .arg(m.budgetMs, 6, 'f', 1)
                       .arg(within ? QStringLiteral("ok") : QStringLiteral("OVER"));
        }
    }
    return allWithin ? 0 : 1;
}

} // namespace waybill::ctl
