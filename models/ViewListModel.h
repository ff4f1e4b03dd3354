// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/InboxView.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include <functional>

namespace waybill::storage {
class Database;
}

namespace waybill::models {

/// The inbox views of the sidebar (InboxView::all(): the queues, then one per channel) with their live counts.
/// Counts come from storage::ViewCounterRepository (counters kept by the writing transaction), so refresh() is
/// cheap enough to call after every action and on a timer. Reads through the database it is given, on the thread
/// that owns it (the UI thread). A failed refresh keeps the last counts and rethrows storage::StorageError.
class ViewListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewListModel)

public:
    enum Role {
        ViewKeyRole = Qt::UserRole + 1, ///< QString: InboxView::key()
        CountRole, ///< qint64: conversations in the view; -1 before the first refresh
        IsChannelRole, ///< bool: a per-channel view (the sidebar draws a separator above them)
        ChannelKeyRole, ///< QString: domain::channelKey() for channel views, empty otherwise
        SortRole, ///< int: the position in InboxView::all()
    };
    Q_ENUM(Role)

    /// `riskHorizon` gives the instant before which deadlines are at risk (SlaClock::riskHorizon of now).
    ViewListModel(const storage::Database &database, qint64 agentId, std::function<qint64()> riskHorizon,
        QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    domain::InboxView viewAt(int row) const { return m_views.at(row); }
    int rowOf(const domain::InboxView &view) const;
    qint64 countOf(const domain::InboxView &view) const;

    /// Reads every count again and emits dataChanged for the rows whose count changed.
    void refresh();

private:
    const storage::Database &m_database;
    qint64 m_agentId;
    std::function<qint64()> m_riskHorizon;
    QList<domain::InboxView> m_views;
    QHash<QString, qint64> m_counts;
};

} // namespace waybill::models
