// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Google Benchmark of the inbox hot paths on a demo workspace: WAYBILL_BENCH_WORKSPACE=DIR names an existing
// one (e.g. 1,000,000 conversations made by `waybillctl demo`); without it a 20,000-conversation workspace is
// generated in a temporary folder first.
#include "demo/DemoGenerator.h"
#include "engine/SlaClock.h"
#include "storage/AgentRepository.h"
#include "storage/ConversationDetailReader.h"
#include "storage/ConversationRepository.h"
#include "storage/Database.h"
#include "storage/SearchIndex.h"
#include "storage/ViewCounterRepository.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace waybill;

namespace {

struct Fixture {
    QTemporaryDir temporary;
    std::unique_ptr<storage::Database> database;
    qint64 agentId = 0;
    qint64 horizon = 0;

    Fixture()
    {
        QString dir = qEnvironmentVariable("WAYBILL_BENCH_WORKSPACE");
        const bool generate = dir.isEmpty();
        if (generate) {
            dir = temporary.path();
        }
        database = storage::Workspace(dir).openDatabase(QStringLiteral("bench"));
        if (generate) {
            demo::DemoGenerator(*database, { 20000, 1, 0, {} }).run();
        }
        const auto agent = storage::AgentRepository(*database).findByEmail(demo::DemoGenerator::defaultAgentEmail());
        agentId = agent ? agent->id : 0;
        horizon = engine::SlaClock().riskHorizon(QDateTime::currentSecsSinceEpoch());
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

void BM_FirstPage(benchmark::State &state)
{
    auto &f = fixture();
    const auto view = domain::InboxView::all().at(state.range(0));
    const storage::InboxQuery query(view, domain::InboxSort::LastActivity, f.agentId, f.horizon);
    const storage::ConversationRepository repository(*f.database);
    for (auto _ : state) {
        benchmark::DoNotOptimize(repository.page(query, nullptr, 100));
    }
    state.SetLabel(view.key().toStdString());
}
BENCHMARK(BM_FirstPage)->DenseRange(0, 14)->Unit(benchmark::kMicrosecond);

void BM_NextPage(benchmark::State &state)
{
    auto &f = fixture();
    const storage::InboxQuery query(
        { domain::InboxView::Kind::AllOpen, {} }, domain::InboxSort::LastActivity, f.agentId, f.horizon);
    const storage::ConversationRepository repository(*f.database);
    const auto first = repository.page(query, nullptr, 100);
    const auto cursor = storage::InboxQuery::cursorOf(
        query.sort(), first.constLast().lastActivity, first.constLast().dueAt, first.constLast().id);
    for (auto _ : state) {
        benchmark::DoNotOptimize(repository.page(query, &cursor, 100));
    }
}
BENCHMARK(BM_NextPage)->Unit(benchmark::kMicrosecond);

void BM_AllCounts(benchmark::State &state)
{
    auto &f = fixture();
    const storage::ViewCounterRepository counters(*f.database);
    for (auto _ : state) {
        benchmark::DoNotOptimize(counters.counts(f.agentId, f.horizon));
    }
}
BENCHMARK(BM_AllCounts)->Unit(benchmark::kMicrosecond);

void BM_OpenConversation(benchmark::State &state)
{
    auto &f = fixture();
    const storage::ConversationDetailReader reader(*f.database);
    for (auto _ : state) {
        benchmark::DoNotOptimize(reader.load(1));
    }
}
BENCHMARK(BM_OpenConversation)->Unit(benchmark::kMicrosecond);

void BM_Search(benchmark::State &state, const char *query)
{
    auto &f = fixture();
    const storage::SearchIndex search(*f.database);
    const QString text = QString::fromUtf8(query);
    for (auto _ : state) {
        benchmark::DoNotOptimize(search.search(text, 50));
    }
}
BENCHMARK_CAPTURE(BM_Search, common_word, "order")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Search, cjk_word, "配送")->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
