// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestWorkspace.h"

#include "storage/Workspace.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <atomic>

namespace waybill::testing {

namespace {
std::atomic<int> s_counter { 0 };
}

TestWorkspace::TestWorkspace(Kind kind)
{
    const QString name = QStringLiteral("test-") + QString::number(++s_counter);
    if (kind == Kind::InMemory) {
        m_database = storage::Database::open(QStringLiteral(":memory:"), name);
    } else {
        m_database = storage::Workspace(m_dir.path()).openDatabase(name);
    }
}

TestWorkspace::~TestWorkspace() = default;

bool waitUntil(const std::function<bool()> &predicate, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!predicate()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(1);
    }
    return true;
}

} // namespace waybill::testing
