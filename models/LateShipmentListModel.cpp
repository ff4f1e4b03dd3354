// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LateShipmentListModel.h"

#include "commerce/CarrierDirectory.h"
#include "commerce/ShipmentRisk.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace waybill::models {

namespace {

QString dateText(qint64 epochSeconds)
{
    return epochSeconds > 0
        ? QLocale().toString(QDateTime::fromSecsSinceEpoch(epochSeconds).date(), QLocale::ShortFormat)
        : QStringLiteral("—");
}

} // namespace

LateShipmentListModel::LateShipmentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int LateShipmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LateShipmentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int LateShipmentListModel::daysLate(const domain::LateShipment &shipment, qint64 now)
{
    const qint64 lateDate = shipment.lateAfter > 0 ? shipment.lateAfter : shipment.expectedAt;
    if (lateDate <= 0 || now <= lateDate) {
        return 0;
    }
    return static_cast<int>((now - lateDate) / commerce::ShipmentRisk::Day);
}

QVariant LateShipmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const domain::LateShipment &s = m_rows.at(index.row());
    const int days = daysLate(s, m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Risk:
            return s.riskScore;
        case Order:
            return s.orderNumber;
        case Customer:
            return s.customerName.isEmpty() ? tr("(no customer)") : s.customerName;
        case Carrier:
            return tr("%1 %2").arg(commerce::CarrierDirectory::displayName(s.carrier), s.trackingNumber);
        case LastEvent:
            if (s.lastEventAt <= 0) {
                return tr("No scan yet");
            }
            return tr("%1 · %2").arg(dateText(s.lastEventAt), s.lastEvent.isEmpty() ? tr("(no text)") : s.lastEvent);
        case Expected:
            return dateText(s.expectedAt);
        case DaysLate:
            return days > 0 ? QVariant(days) : QVariant(QStringLiteral("—"));
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == Risk || index.column() == DaysLate ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                    : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Carrier
            && !commerce::CarrierDirectory::trackingUrl(s.carrier, s.trackingNumber).isEmpty()) {
            return QColor(0x1d, 0x4e, 0xd8);
        }
        if (index.column() == DaysLate && days > 0) {
            return QColor(0xb9, 0x1c, 0x1c);
        }
        return {};
    case Qt::FontRole:
        if (index.column() == Carrier
            && !commerce::CarrierDirectory::trackingUrl(s.carrier, s.trackingNumber).isEmpty()) {
            QFont font;
            font.setUnderline(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Carrier) {
            const QString url = commerce::CarrierDirectory::trackingUrl(s.carrier, s.trackingNumber);
            return url.isEmpty() ? tr("No tracking page known for this carrier") : url;
        }
        if (index.column() == LastEvent) {
            return s.lastEvent;
        }
        return {};
    case ShipmentIdRole:
        return s.shipmentId;
    case ConversationIdRole:
        return s.conversationId;
    case CustomerIdRole:
        return s.customerId;
    case OrderNumberRole:
        return s.orderNumber;
    case TrackingUrlRole:
        return commerce::CarrierDirectory::trackingUrl(s.carrier, s.trackingNumber);
    case SortRole:
        switch (index.column()) {
        case Risk:
            return s.riskScore;
        case LastEvent:
            return s.lastEventAt;
        case Expected:
            return s.expectedAt;
        case DaysLate:
            return days;
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant LateShipmentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        return section == Risk || section == DaysLate ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Risk:
        return tr("Risk");
    case Order:
        return tr("Order");
    case Customer:
        return tr("Customer");
    case Carrier:
        return tr("Carrier and tracking");
    case LastEvent:
        return tr("Last event");
    case Expected:
        return tr("Expected");
    case DaysLate:
        return tr("Days late");
    default:
        return {};
    }
}

void LateShipmentListModel::setRows(const QList<domain::LateShipment> &rows, qint64 total, qint64 now)
{
    beginResetModel();
    m_rows = rows;
    m_total = total;
    m_now = now;
    endResetModel();
}

} // namespace waybill::models
