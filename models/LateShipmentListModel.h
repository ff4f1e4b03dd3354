// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/LateShipment.h"

#include <QAbstractTableModel>
#include <QList>

namespace waybill::models {

/// The supervisors' late-shipments table: the first rows of storage::LateShipmentQuery (most urgent first, in the
/// order given; the model does not re-sort) and how many shipments are at risk in all. It holds what it is given
/// by setRows() and never reads storage itself, so the caller decides where the query runs (off the UI thread).
/// Days late are counted at the `now` the rows were read at.
class LateShipmentListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LateShipmentListModel)

public:
    enum Column {
        Risk,
        Order,
        Customer,
        Carrier, ///< carrier name and tracking number; TrackingUrlRole is the carrier's tracking page
        LastEvent,
        Expected,
        DaysLate,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        ShipmentIdRole = Qt::UserRole + 1, ///< qint64
        ConversationIdRole, ///< qint64: the conversation about the order; 0 when there is none
        CustomerIdRole, ///< qint64: 0 when the order has no customer
        OrderNumberRole, ///< QString
        TrackingUrlRole, ///< QString: the carrier's tracking page; empty when the carrier is not known
        SortRole, ///< the raw value of the column (score, epoch seconds, days)
    };
    Q_ENUM(Role)

    explicit LateShipmentListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Replaces every row (a model reset): `rows` read at `now`, out of `total` shipments at risk.
    void setRows(const QList<domain::LateShipment> &rows, qint64 total, qint64 now);
    const domain::LateShipment &shipmentAt(int row) const { return m_rows.at(row); }
    /// Shipments at risk in all, of which rowCount() are shown; -1 before the first setRows().
    qint64 total() const { return m_total; }
    /// Whole days since the shipment's late date (its late-after date, else its expected date) at `now`; 0 when
    /// it is not late yet or has no date.
    static int daysLate(const domain::LateShipment &shipment, qint64 now);

private:
    QList<domain::LateShipment> m_rows;
    qint64 m_total = -1;
    qint64 m_now = 0;
};

} // namespace waybill::models
