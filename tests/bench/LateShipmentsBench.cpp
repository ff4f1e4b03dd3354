// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Google Benchmark of the supervisors' late-shipments list (storage::LateShipmentQuery: one query, then the
// commerce::ShipmentRisk score) on the demo workspace (demo::DemoGenerator) scaled to WAYBILL_BENCH_CONVERSATIONS
// conversations (default 100,000; the demo makes about one order with a shipment per conversation), with the
// delivery estimates the engine stores (commerce::DeliveryEstimator::refresh) so that late dates are set.
//
//   BM_LateShipmentsList   the first 200 rows, most urgent first (what the view shows)
//   BM_LateShipmentsCount  how many shipments are at risk (the count beside the view)
#include "commerce/DeliveryEstimator.h"
#include "commerce/ShipmentRisk.h"
#include "demo/DemoGenerator.h"
#include "storage/Database.h"
#include "storage/LateShipmentQuery.h"
#include "storage/SqlQuery.h"
#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <cstdlib>

using namespace waybill;

namespace {

constexpr qint64 Now = 1795000000;

int conversationCount()
{
    const char *env = std::getenv("WAYBILL_BENCH_CONVERSATIONS");
    const int count = env ? std::atoi(env) : 0;
    return count > 0 ? count : 100'000;
}

/// The demo workspace, generated once.
const storage::Database &workspace()
{
    static QTemporaryDir dir;
    static const std::unique_ptr<storage::Database> database = [] {
        auto db = storage::Workspace(dir.path()).openDatabase(QStringLiteral("late-shipments-bench"));
        demo::DemoGenerator(*db, { conversationCount(), 1, Now, {} }).run();
        commerce::DeliveryEstimator::refresh(*db);
        return db;
    }();
    return *database;
}

void BM_LateShipmentsList(benchmark::State &state)
{
    const storage::Database &db = workspace();
    storage::SqlQuery shipments(db, QStringLiteral("SELECT count(*) FROM shipments"));
    shipments.exec();
    state.counters["shipments"] = shipments.next() ? static_cast<double>(shipments.int64(0)) : 0;
    for (auto _ : state) {
        const auto rows = storage::LateShipmentQuery(db).list(Now, commerce::ShipmentRisk::DefaultStaleDays, 200);
        state.counters["rows"] = static_cast<double>(rows.size());
    }
}

void BM_LateShipmentsCount(benchmark::State &state)
{
    const storage::Database &db = workspace();
    for (auto _ : state) {
        state.counters["at_risk"]
            = static_cast<double>(storage::LateShipmentQuery(db).count(Now, commerce::ShipmentRisk::DefaultStaleDays));
    }
}

} // namespace

BENCHMARK(BM_LateShipmentsList)->Unit(benchmark::kMillisecond)->Iterations(20)->UseRealTime();
BENCHMARK(BM_LateShipmentsCount)->Unit(benchmark::kMillisecond)->Iterations(20)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
