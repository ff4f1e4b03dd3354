// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StoreOrder.h"

#include <QList>
#include <QString>

namespace waybill::storage {
class Database;
}

namespace waybill::commerce {

/// Stores the orders a store sync read (StoreOrder) as upserts: the customer found or created by e-mail identity,
/// the order with its lines, its shipments (store shipments no longer listed are removed, unless a claim holds
/// them), refunds and notes. An order whose source and number another account already owns (two stores numbering
/// alike) is skipped with a warning. Runs inside the caller's transaction on the caller's connection; any thread
/// that owns `database`. Throws storage::StorageError.
class StoreOrderWriter final {
public:
    /// `account` is the store account's id; `label` names it in log lines ("WooCommerce shop.example").
    StoreOrderWriter(const storage::Database &database, QString account, QString label);

    /// Stores the orders; returns how many were stored (the others belong to another account).
    int write(const QList<StoreOrder> &orders) const;
    /// The customer for the order's e-mail address (found by identity, else created), or 0 without an address.
    qint64 customerFor(const StoreOrder &order) const;

private:
    const storage::Database &m_database;
    QString m_account;
    QString m_label;
};

} // namespace waybill::commerce
