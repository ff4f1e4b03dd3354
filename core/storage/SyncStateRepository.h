// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::storage {

/// Per-account synchronisation state (last seen UID, cursors, tokens' expiry — never secrets).
class SyncStateRepository final {
public:
    explicit SyncStateRepository(const Database &database);

    QString value(const QString &account, const QString &key, const QString &fallback = {}) const;
    void setValue(const QString &account, const QString &key, const QString &value) const;

private:
    const Database &m_database;
};

} // namespace waybill::storage
