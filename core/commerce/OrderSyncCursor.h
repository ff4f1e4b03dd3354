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

/// Where an incremental order sync of one store account stands, kept in SyncStateRepository under the account id:
/// the cursor (the latest update time of a finished pass, as the store wrote it), the page token of a pass under
/// way (Shopify's page_info, Amazon's NextToken, a WooCommerce page number), the latest update seen by that pass,
/// and the store's clock when the pass began, minus a margin, which bounds the next cursor so that orders changed
/// while the pass was paging are seen again. The cursor moves only when the last page of a pass is stored. Every
/// change is written through the caller's connection, inside the transaction that stores the page. Throws
/// storage::StorageError. Any thread that owns `database`.
class OrderSyncCursor final {
public:
    /// The sync_state keys under the account id.
    static constexpr const char *RunMaxKey = "orders.run_max";
    static constexpr const char *RunCeilingKey = "orders.run_ceiling";
    /// How much earlier than the store's clock at the start of a pass the next pass starts looking.
    static constexpr qint64 CeilingMarginSeconds = 5 * 60;

    /// `cursorKey` and `pageKey` name the cursor and the page token for this kind of store.
    OrderSyncCursor(const storage::Database &database, QString account, QString cursorKey, QString pageKey);

    QString cursor() const;
    QString pageToken() const;
    /// Forgets the page token of the pass under way (it expired): the next pass starts again from the cursor.
    void forgetPageToken() const;

    /// The first page of a pass that did not resume: `storeClock` is the store's clock now (epoch seconds; 0 when
    /// not known).
    void beginRun(qint64 storeClock) const;
    /// The page with these orders is stored; `nextPageToken` is empty when it was the last one, which completes the
    /// pass and moves the cursor.
    void pageStored(const QList<StoreOrder> &orders, const QString &nextPageToken) const;

    /// Epoch seconds of an ISO 8601 time, 0 for none.
    static qint64 epochOf(const QString &iso);

private:
    QString value(const QString &key) const;
    void setValue(const QString &key, const QString &value) const;

    const storage::Database &m_database;
    QString m_account;
    QString m_cursorKey;
    QString m_pageKey;
};

} // namespace waybill::commerce
