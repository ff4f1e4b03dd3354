// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ViewListModel.h"

#include "storage/ViewCounterRepository.h"

namespace waybill::models {

ViewListModel::ViewListModel(
    const storage::Database &database, qint64 agentId, std::function<qint64()> riskHorizon, QObject *parent)
    : QAbstractListModel(parent)
    , m_database(database)
    , m_agentId(agentId)
    , m_riskHorizon(std::move(riskHorizon))
    , m_views(domain::InboxView::all())
{
}

int ViewListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_views.size()) + 1;
}

QVariant ViewListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    if (isLateShipmentsRow(index.row())) {
        return lateShipmentsData(index.row(), role);
    }
    const domain::InboxView &view = m_views.at(index.row());
    const qint64 count = m_counts.value(view.key(), -1);
    switch (role) {
    case Qt::DisplayRole:
        return view.displayName();
    case Qt::ToolTipRole:
        return count < 0 ? view.displayName()
                         : tr("%1: %n conversation(s)", nullptr, static_cast<int>(count)).arg(view.displayName());
    case Qt::AccessibleDescriptionRole:
        return count < 0 ? QString() : QString::number(count);
    case ViewKeyRole:
        return view.key();
    case CountRole:
        return count;
    case IsChannelRole:
        return view.kind == domain::InboxView::Kind::ChannelInbox;
    case ChannelKeyRole:
        return view.kind == domain::InboxView::Kind::ChannelInbox ? domain::channelKey(view.channel) : QString();
    case SortRole:
        return index.row();
    case IsSupervisorRole:
        return false;
    default:
        return {};
    }
}

QVariant ViewListModel::lateShipmentsData(int row, int role) const
{
    const QString name = tr("Late shipments");
    const qint64 count = m_lateShipmentCount;
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case Qt::ToolTipRole:
        return count < 0 ? name : tr("%1: %n shipment(s) at risk", nullptr, static_cast<int>(count)).arg(name);
    case Qt::AccessibleDescriptionRole:
        return count < 0 ? QString() : QString::number(count);
    case ViewKeyRole:
        return lateShipmentsKey();
    case CountRole:
        return count;
    case IsChannelRole:
        return false;
    case ChannelKeyRole:
        return QString();
    case SortRole:
        return row;
    case IsSupervisorRole:
        return true;
    default:
        return {};
    }
}

QHash<int, QByteArray> ViewListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ViewKeyRole, "viewKey");
    names.insert(CountRole, "count");
    names.insert(IsChannelRole, "isChannel");
    names.insert(ChannelKeyRole, "channelKey");
    names.insert(SortRole, "sortValue");
    names.insert(IsSupervisorRole, "isSupervisor");
    return names;
}

void ViewListModel::setLateShipmentCount(qint64 count)
{
    if (count == m_lateShipmentCount) {
        return;
    }
    m_lateShipmentCount = count;
    const QModelIndex changed = index(lateShipmentsRow());
    Q_EMIT dataChanged(changed, changed, { CountRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole });
}

int ViewListModel::rowOf(const domain::InboxView &view) const
{
    return static_cast<int>(m_views.indexOf(view));
}

qint64 ViewListModel::countOf(const domain::InboxView &view) const
{
    return m_counts.value(view.key(), -1);
}

void ViewListModel::refresh()
{
    const QHash<QString, qint64> counts = storage::ViewCounterRepository(m_database).counts(m_agentId, m_riskHorizon());
    for (int row = 0; row < m_views.size(); ++row) {
        const QString key = m_views.at(row).key();
        const qint64 count = counts.value(key, 0);
        if (m_counts.value(key, -1) != count) {
            m_counts.insert(key, count);
            const QModelIndex changed = index(row);
            Q_EMIT dataChanged(changed, changed, { CountRole, Qt::ToolTipRole, Qt::AccessibleDescriptionRole });
        }
    }
}

} // namespace waybill::models
