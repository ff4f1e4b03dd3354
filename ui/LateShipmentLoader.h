// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/LateShipment.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::ui {

/// Reads the late-shipments list (storage::LateShipmentQuery) off the UI thread: each load runs on the thread
/// pool through its own connection to the file of `database`, reads every shipment at risk, and delivers the first
/// PageSize of them with the total on the loader's thread. A private in-memory database (tests) cannot be opened
/// from another thread, so it is read on the loader's thread and the result still arrives queued. At most one load
/// runs; a reload() asked for while one runs starts one more when it ends, so a burst of change notices costs two
/// loads, not one per notice. The destructor waits for a running load (it reads a copy of everything it needs).
class LateShipmentLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LateShipmentLoader)

public:
    static constexpr int PageSize = 200;

    /// `now` gives epoch seconds; it is called on the loader's thread when a load starts. `database` is the
    /// loader's thread's connection and must outlive it.
    LateShipmentLoader(const storage::Database &database, std::function<qint64()> now, QObject *parent = nullptr);
    ~LateShipmentLoader() override;

    /// Starts a load, or asks for one more after the running one.
    void reload();
    bool isLoading() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    /// The first PageSize shipments at risk at `now`, most urgent first, out of `total`.
    void loaded(const QList<domain::LateShipment> &rows, qint64 total, qint64 now);
    /// The load failed; the message is for the user.
    void failed(const QString &message);

private:
    struct Result {
        QList<domain::LateShipment> rows;
        qint64 total = 0;
        qint64 now = 0;
        QString error; ///< empty on success
    };

    static Result read(const storage::Database &database, qint64 now);
    static Result load(const QString &databasePath, const QString &connectionName, qint64 now);
    void start();
    void deliver(const Result &result);

    const storage::Database &m_database;
    std::function<qint64()> m_now;
    QFutureWatcher<Result> m_watcher;
    bool m_pending = false;
    int m_loads = 0;
};

} // namespace waybill::ui
