// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LateShipmentLoader.h"

#include "commerce/ShipmentRisk.h"
#include "storage/Database.h"
#include "storage/LateShipmentQuery.h"
#include "storage/StorageError.h"

#include <QtConcurrent/QtConcurrentRun>

namespace waybill::ui {

LateShipmentLoader::LateShipmentLoader(const storage::Database &database, std::function<qint64()> now, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_now(std::move(now))
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] { deliver(m_watcher.result()); });
}

LateShipmentLoader::~LateShipmentLoader()
{
    m_watcher.waitForFinished();
}

void LateShipmentLoader::reload()
{
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    start();
}

void LateShipmentLoader::start()
{
    m_pending = false;
    if (m_database.path() == QLatin1String(":memory:")) {
        const Result result = read(m_database, m_now());
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
        return;
    }
    const QString connectionName
        = QStringLiteral("late-shipments-%1-%2").arg(reinterpret_cast<quintptr>(this)).arg(++m_loads);
    m_watcher.setFuture(QtConcurrent::run(&LateShipmentLoader::load, m_database.path(), connectionName, m_now()));
}

LateShipmentLoader::Result LateShipmentLoader::load(
    const QString &databasePath, const QString &connectionName, qint64 now)
{
    try {
        const auto database = storage::Database::open(databasePath, connectionName);
        return read(*database, now);
    } catch (const storage::StorageError &error) {
        Result result;
        result.now = now;
        result.error = error.userMessage();
        return result;
    }
}

LateShipmentLoader::Result LateShipmentLoader::read(const storage::Database &database, qint64 now)
{
    Result result;
    result.now = now;
    try {
        QList<domain::LateShipment> all
            = storage::LateShipmentQuery(database).list(now, commerce::ShipmentRisk::DefaultStaleDays, -1);
        result.total = all.size();
        if (all.size() > PageSize) {
            all.resize(PageSize);
        }
        result.rows = std::move(all);
    } catch (const storage::StorageError &error) {
        result.error = error.userMessage();
    }
    return result;
}

void LateShipmentLoader::deliver(const Result &result)
{
    if (result.error.isEmpty()) {
        Q_EMIT loaded(result.rows, result.total, result.now);
    } else {
        Q_EMIT failed(result.error);
    }
    if (m_pending) {
        start();
    }
}

} // namespace waybill::ui
