// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Google Benchmark of the order import: WAYBILL_BENCH_ORDERS orders (default 100,000) of OrderCsvGenerator's
// Shopify export, imported into a new on-disk workspace (first import), and the same file imported again into it
// (every order updated). The budget is 10 s for 100,000 orders.
#include "OrderCsvGenerator.h"
#include "commerce/OrderColumnMapping.h"
#include "commerce/OrderImporter.h"
#include "storage/Database.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <cstdlib>

using namespace waybill;

namespace {

int orderCount()
{
    const char *env = std::getenv("WAYBILL_BENCH_ORDERS");
    const int count = env ? std::atoi(env) : 0;
    return count > 0 ? count : 100'000;
}

const QString &csvFile()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("orders_export.csv"));
        bench::OrderCsvGenerator(1).writeShopify(file, orderCount(), nullptr);
        return file;
    }();
    return path;
}

int s_connection = 0;

void importInto(const QString &workspaceDir, benchmark::State &state)
{
    const auto database
        = storage::Workspace(workspaceDir).openDatabase(QStringLiteral("bench-") + QString::number(++s_connection));
    commerce::OrderImporter importer(*database, [] { return qint64(1'795'000'000); });
    const auto stats = importer.importFile(csvFile(), commerce::OrderColumnMapping::shopify());
    state.counters["orders"] = stats.orders();
    state.counters["bad_rows"] = stats.badRows;
}

void BM_ImportOrdersFirstTime(benchmark::State &state)
{
    csvFile();
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir workspace;
        state.ResumeTiming();
        importInto(workspace.path(), state);
        state.PauseTiming();
        workspace.remove();
        state.ResumeTiming();
    }
}

void BM_ImportOrdersAgain(benchmark::State &state)
{
    csvFile();
    QTemporaryDir workspace;
    importInto(workspace.path(), state);
    for (auto _ : state) {
        importInto(workspace.path(), state);
    }
}

} // namespace

BENCHMARK(BM_ImportOrdersFirstTime)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ImportOrdersAgain)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
