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

/// The inbox views of the sidebar (InboxView::all(): the queues, then one per channel) with their live counts,
/// then one supervisor row, "Late shipments" (not a conversation view: the last row, lateShipmentsRow()).
/// Inbox counts come from storage::ViewCounterRepository (counters kept by the writing transaction), so refresh() is
/// cheap enough to call after every action and on a timer. The late-shipments count costs a query over every
/// undelivered shipment, so the model does not read it: whoever loads that list sets it (setLateShipmentCount). Reads
/// through the database it is given, on the thread that owns it (the UI thread). A failed refresh keeps the last counts
/// and rethrows storage::StorageError.
class ViewListModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewListModel)

public:
    enum Role {
        ViewKeyRole = Qt::UserRole + 1, ///< QString: InboxView::key()
        CountRole, ///< qint64: conversations in the view; -1 before the first refresh
        IsChannelRole, ///< bool: a per-channel view (the sidebar draws a separator above them)
        ChannelKeyRole, ///< QString: domain::channelKey() for channel views, empty otherwise
        SortRole, ///< int: the position in the sidebar
        IsSupervisorRole, ///< bool: the late-shipments row (a caption is drawn above it)
    };
    Q_ENUM(Role)

    /// `riskHorizon` gives the instant before which deadlines are at risk (SlaClock::riskHorizon of now).
    ViewListModel(const storage::Database &database, qint64 agentId, std::function<qint64()> riskHorizon,
        QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The stable key of the late-shipments row, as InboxView::key() is for the others (settings' last view).
    static QString lateShipmentsKey() { return QStringLiteral("late_shipments"); }
    int lateShipmentsRow() const { return static_cast<int>(m_views.size()); }
    bool isLateShipmentsRow(int row) const { return row == lateShipmentsRow(); }
    /// The inbox view of `row`; not for the late-shipments row.
    domain::InboxView viewAt(int row) const { return m_views.at(row); }
    int rowOf(const domain::InboxView &view) const;
    qint64 countOf(const domain::InboxView &view) const;

    /// Reads every inbox count again and emits dataChanged for the rows whose count changed.
    void refresh();
    /// Shipments at risk, as counted by the last load of the late-shipments list (-1: not known yet).
    void setLateShipmentCount(qint64 count);
    qint64 lateShipmentCount() const { return m_lateShipmentCount; }

private:
    QVariant lateShipmentsData(int row, int role) const;

    const storage::Database &m_database;
    qint64 m_agentId;
    std::function<qint64()> m_riskHorizon;
    QList<domain::InboxView> m_views;
    QHash<QString, qint64> m_counts;
    qint64 m_lateShipmentCount = -1;
};

} // namespace waybill::models
