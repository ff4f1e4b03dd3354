// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace waybill::testing {

/// A fresh database for one test: in memory by default, or in a temporary workspace folder that is removed
/// afterwards. Each instance uses its own connection name.
class TestWorkspace final {
public:
    enum class Kind {
        InMemory,
        OnDisk,
    };

    explicit TestWorkspace(Kind kind = Kind::InMemory);
    ~TestWorkspace();

    storage::Database &db() { return *m_database; }
    QString directory() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_database;
};

/// Runs the event loop until `predicate` holds or `timeoutMs` passes; returns whether it held.
bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = 5000);

} // namespace waybill::testing
