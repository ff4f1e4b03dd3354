// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderSyncCursor.h"

#include "storage/SyncStateRepository.h"

#include <QDateTime>

#include <utility>

namespace waybill::commerce {

OrderSyncCursor::OrderSyncCursor(const storage::Database &database, QString account, QString cursorKey, QString pageKey)
    : m_database(database)
    , m_account(std::move(account))
    , m_cursorKey(std::move(cursorKey))
    , m_pageKey(std::move(pageKey))
{
}

qint64 OrderSyncCursor::epochOf(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return at.isValid() ? at.toSecsSinceEpoch() : 0;
}

QString OrderSyncCursor::value(const QString &key) const
{
    return storage::SyncStateRepository(m_database).value(m_account, key);
}

void OrderSyncCursor::setValue(const QString &key, const QString &value) const
{
    storage::SyncStateRepository(m_database).setValue(m_account, key, value);
}

QString OrderSyncCursor::cursor() const
{
    return value(m_cursorKey);
}

QString OrderSyncCursor::pageToken() const
{
    return value(m_pageKey);
}

void OrderSyncCursor::forgetPageToken() const
{
    setValue(m_pageKey, QString());
}

void OrderSyncCursor::beginRun(qint64 storeClock) const
{
    const qint64 ceiling = storeClock > 0 ? storeClock - CeilingMarginSeconds : 0;
    setValue(QString::fromLatin1(RunMaxKey), QString());
    setValue(QString::fromLatin1(RunCeilingKey), ceiling > 0 ? QString::number(ceiling) : QString());
}

void OrderSyncCursor::pageStored(const QList<StoreOrder> &orders, const QString &nextPageToken) const
{
    const QString runMaxKey = QString::fromLatin1(RunMaxKey);
    const QString runCeilingKey = QString::fromLatin1(RunCeilingKey);
    QString runMax = value(runMaxKey);
    for (const StoreOrder &order : orders) {
        if (!order.updatedAtText.isEmpty() && (runMax.isEmpty() || order.order.updatedAt > epochOf(runMax))) {
            runMax = order.updatedAtText;
        }
    }
    if (!nextPageToken.isEmpty()) {
        setValue(m_pageKey, nextPageToken);
        setValue(runMaxKey, runMax);
        return;
    }
    // The pass is complete: the cursor moves, bounded by the store's clock when the pass began.
    const QString oldCursor = cursor();
    const qint64 runCeiling = value(runCeilingKey).toLongLong();
    QString next = runMax;
    if (runCeiling > 0 && (runMax.isEmpty() || epochOf(runMax) > runCeiling)) {
        next = QDateTime::fromSecsSinceEpoch(runCeiling).toUTC().toString(Qt::ISODate);
    }
    if (!next.isEmpty() && epochOf(next) > epochOf(oldCursor)) {
        setValue(m_cursorKey, next);
    }
    setValue(m_pageKey, QString());
    setValue(runMaxKey, QString());
    setValue(runCeilingKey, QString());
}

} // namespace waybill::commerce
