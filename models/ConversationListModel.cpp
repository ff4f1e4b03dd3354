// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConversationListModel.h"

#include "domain/TrackingStatus.h"
#include "domain/WorkflowStates.h"
#include "engine/SlaClock.h"
#include "storage/ConversationRepository.h"
#include "storage/SearchIndex.h"
#include "storage/StorageError.h"

#include <QFont>
#include <QScopeGuard>

namespace waybill::models {

using domain::ConversationSummary;
using domain::InboxSort;

ConversationListModel::ConversationListModel(
    const storage::Database &database, const engine::SlaClock &sla, qint64 agentId, Clock now, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_sla(sla)
    , m_agentId(agentId)
    , m_now(std::move(now))
    , m_riskHorizon(m_sla.riskHorizon(m_now()))
{
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ConversationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const ConversationSummary &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == SubjectColumn ? row.preview : QVariant();
    case Qt::FontRole:
        if (row.unread) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ConversationIdRole:
        return row.id;
    case SummaryRole:
        return QVariant::fromValue(row);
    case SortRole:
        return sortData(row, index.column());
    case ChannelKeyRole:
        return domain::channelKey(row.channel);
    case UnreadRole:
        return row.unread;
    case VersionRole:
        return row.version;
    case MarketRemainingRole:
        if (const auto left = marketRemaining(row)) {
            return *left;
        }
        return {};
    case SlaRemainingRole:
        if (const auto left = slaRemaining(row)) {
            return *left;
        }
        return {};
    case TrackingLabelRole:
        return trackingLabel(row);
    case WorkflowLabelRole:
        return workflowLabel(row);
    default:
        return {};
    }
}

QVariant ConversationListModel::displayData(const ConversationSummary &row, int column) const
{
    switch (static_cast<Column>(column)) {
    case ChannelColumn:
        return domain::channelDisplayName(row.channel);
    case CustomerColumn:
        return row.customerName;
    case SubjectColumn:
        return row.subject.isEmpty() ? row.preview : row.subject;
    case AgeColumn:
        return formatAge(m_now() - row.lastActivity);
    case OrderColumn:
        return row.orderNumber;
    case TrackingColumn:
        return trackingLabel(row);
    case WorkflowColumn:
        return workflowLabel(row);
    case MarketDeadlineColumn:
        if (const auto left = marketRemaining(row)) {
            return engine::SlaClock::formatRemaining(*left);
        }
        return QString();
    case SlaDeadlineColumn:
        if (const auto left = slaRemaining(row)) {
            return engine::SlaClock::formatRemaining(*left);
        }
        return QString();
    case AssigneeColumn:
        return row.assigneeName;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ConversationListModel::sortData(const ConversationSummary &row, int column) const
{
    switch (static_cast<Column>(column)) {
    case ChannelColumn:
        return static_cast<int>(row.channel);
    case AgeColumn:
        return row.lastActivity;
    case MarketDeadlineColumn:
        return row.marketDueAt ? row.marketDueAt : ConversationSummary::NoDeadline;
    case SlaDeadlineColumn:
        return row.slaDueAt ? row.slaDueAt : ConversationSummary::NoDeadline;
    default:
        return displayData(row, column);
    }
}

QVariant ConversationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case ChannelColumn:
        return tr("Channel");
    case CustomerColumn:
        return tr("Customer");
    case SubjectColumn:
        return tr("Subject");
    case AgeColumn:
        return tr("Age");
    case OrderColumn:
        return tr("Order");
    case TrackingColumn:
        return tr("Tracking");
    case WorkflowColumn:
        return tr("Return / claim");
    case MarketDeadlineColumn:
        return tr("Marketplace deadline");
    case SlaDeadlineColumn:
        return tr("SLA");
    case AssigneeColumn:
        return tr("Assignee");
    case ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(ConversationIdRole, "conversationId");
    names.insert(SummaryRole, "summary");
    names.insert(SortRole, "sortValue");
    names.insert(ChannelKeyRole, "channelKey");
    names.insert(UnreadRole, "unread");
    names.insert(VersionRole, "version");
    names.insert(MarketRemainingRole, "marketRemaining");
    names.insert(SlaRemainingRole, "slaRemaining");
    names.insert(TrackingLabelRole, "trackingLabel");
    names.insert(WorkflowLabelRole, "workflowLabel");
    return names;
}

std::optional<qint64> ConversationListModel::marketRemaining(const ConversationSummary &row) const
{
    if (row.marketDueAt <= 0 || row.marketDueAt >= ConversationSummary::NoDeadline) {
        return std::nullopt;
    }
    return row.marketDueAt - m_now();
}

std::optional<qint64> ConversationListModel::slaRemaining(const ConversationSummary &row) const
{
    if (row.slaDueAt <= 0 || row.slaDueAt >= ConversationSummary::NoDeadline) {
        return std::nullopt;
    }
    return m_sla.businessSecondsBetween(m_now(), row.slaDueAt);
}

QString ConversationListModel::trackingLabel(const ConversationSummary &summary)
{
    if (summary.trackingStatus.isEmpty()) {
        return {};
    }
    const domain::TrackingStatus status = domain::trackingStatusFromKey(summary.trackingStatus);
    if (summary.deliveryProblem && !domain::isDeliveryProblem(status)) {
        return tr("Late");
    }
    return domain::trackingStatusDisplayName(status);
}

QString ConversationListModel::workflowLabel(const ConversationSummary &summary)
{
    const bool claimActive = !summary.claimState.isEmpty() && domain::ClaimState::isActive(summary.claimState);
    if (claimActive || (summary.returnState.isEmpty() && !summary.claimState.isEmpty())) {
        return tr("Claim: %1").arg(domain::ClaimState::displayName(summary.claimState));
    }
    if (!summary.returnState.isEmpty()) {
        return tr("Return: %1").arg(domain::ReturnState::displayName(summary.returnState));
    }
    return {};
}

QString ConversationListModel::formatAge(qint64 seconds)
{
    if (seconds < 60) {
        return tr("now");
    }
    if (seconds < 3600) {
        return tr("%1m").arg(seconds / 60);
    }
    if (seconds < 86400) {
        return tr("%1h").arg(seconds / 3600);
    }
    if (seconds < 30 * 86400) {
        return tr("%1d").arg(seconds / 86400);
    }
    return tr("%1mo").arg(seconds / (30 * 86400));
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore;
}

storage::InboxQuery ConversationListModel::query() const
{
    return storage::InboxQuery(m_view, m_sort, m_agentId, m_riskHorizon);
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    // Not re-entrant: a listener asking for more from a slot of this model's own signals (rowsAboutToBeInserted,
    // modelReset, ...) would nest one change inside another. Views simply ask again once the change is done.
    if (parent.isValid() || !m_hasMore || m_busy) {
        return;
    }
    const auto done = changing();
    // Called by views from inside Qt: a storage failure must not leave here as an exception.
    try {
        fetchPage();
    } catch (const storage::StorageError &error) {
        m_hasMore = false;
        Q_EMIT loadFailed(error.userMessage());
    }
}

void ConversationListModel::fetchPage()
{
    const storage::ConversationRepository repository(m_database);
    QList<ConversationSummary> rows;
    if (m_mode == Mode::Search) {
        const QList<qint64> ids = m_searchIds.mid(m_searchOffset, PageSize);
        m_searchOffset += static_cast<int>(ids.size());
        m_hasMore = m_searchOffset < m_searchIds.size();
        rows = repository.findMany(ids);
    } else {
        const storage::InboxQuery inboxQuery = query();
        rows = repository.page(inboxQuery, m_cursor ? &*m_cursor : nullptr, PageSize);
        m_hasMore = rows.size() == PageSize;
        if (!rows.isEmpty()) {
            // The cursor follows the rows as read, not as later refreshed, so no row is skipped.
            const ConversationSummary &last = rows.constLast();
            m_cursor = storage::InboxQuery::cursorOf(inboxQuery.sort(), last.lastActivity, last.dueAt, last.id);
        }
    }
    appendRows(rows);
}

void ConversationListModel::appendRows(const QList<ConversationSummary> &rows)
{
    QList<ConversationSummary> fresh;
    fresh.reserve(rows.size());
    for (const ConversationSummary &row : rows) {
        const int existing = rowOfId(row.id);
        if (existing >= 0) {
            // Moved within the view since its page was read: keep the one row, with current data.
            m_rows[existing] = row;
            Q_EMIT dataChanged(index(existing, 0), index(existing, ColumnCount - 1));
        } else {
            fresh.append(row);
        }
    }
    if (fresh.isEmpty()) {
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    for (const ConversationSummary &row : fresh) {
        m_rowOfId.insert(row.id, static_cast<int>(m_rows.size()));
        m_rows.append(row);
    }
    endInsertRows();
}

void ConversationListModel::setView(const domain::InboxView &view, InboxSort sort)
{
    m_mode = Mode::View;
    m_view = view;
    m_sort = sort;
    m_searchText.clear();
    m_searchIds.clear();
    reload();
}

void ConversationListModel::setSort(InboxSort sort)
{
    m_sort = sort;
    if (m_mode == Mode::View) {
        reload();
    }
}

void ConversationListModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        setView(m_view, m_sort);
        return;
    }
    const QList<qint64> ids = storage::SearchIndex(m_database).search(trimmed, SearchLimit);
    m_mode = Mode::Search;
    m_searchText = trimmed;
    m_searchIds = ids;
    reload();
}

void ConversationListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_rowOfId.clear();
    m_searchOffset = 0;
    m_cursor.reset();
    m_hasMore = m_mode == Mode::View || !m_searchIds.isEmpty();
    m_riskHorizon = m_sla.riskHorizon(m_now());
    const auto done = changing();
    endResetModel();
}

ConversationListModel::ChangeGuard ConversationListModel::changing()
{
    m_busy = true;
    return ChangeGuard(std::function<void()>([this] { m_busy = false; }));
}

int ConversationListModel::rowOfId(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

bool ConversationListModel::isInView(const ConversationSummary &row) const
{
    if (m_mode == Mode::Search) {
        return true;
    }
    // A cursor just before the row: the first row after it is the row itself exactly when it is in the view.
    const storage::InboxQuery inboxQuery = query();
    storage::PageCursor before = storage::InboxQuery::cursorOf(inboxQuery.sort(), row.lastActivity, row.dueAt, row.id);
    before.id += inboxQuery.sort() == InboxSort::LastActivity ? 1 : -1;
    const QList<ConversationSummary> first = storage::ConversationRepository(m_database).page(inboxQuery, &before, 1);
    return !first.isEmpty() && first.constFirst().id == row.id;
}

bool ConversationListModel::refreshConversation(qint64 id, LeftView policy)
{
    const int row = rowOfId(id);
    if (row < 0) {
        return false;
    }
    const auto summary = storage::ConversationRepository(m_database).find(id);
    if (!summary || (policy == LeftView::RemoveRow && !isInView(*summary))) {
        const auto done = changing();
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        m_rowOfId.remove(id);
        for (int i = row; i < m_rows.size(); ++i) {
            m_rowOfId.insert(m_rows.at(i).id, i);
        }
        endRemoveRows();
        return false;
    }
    m_rows[row] = *summary;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

bool ConversationListModel::showConversation(qint64 id)
{
    if (rowOfId(id) >= 0) {
        return refreshConversation(id, LeftView::KeepRow);
    }
    if (m_mode != Mode::View) {
        return false;
    }
    const auto summary = storage::ConversationRepository(m_database).find(id);
    if (!summary || !isInView(*summary)) {
        return false;
    }
    const auto done = changing();
    beginInsertRows({}, 0, 0);
    m_rows.prepend(*summary);
    for (int i = 0; i < m_rows.size(); ++i) {
        m_rowOfId.insert(m_rows.at(i).id, i);
    }
    endInsertRows();
    return true;
}

void ConversationListModel::refreshClocks()
{
    if (m_rows.isEmpty()) {
        return;
    }
    const int last = static_cast<int>(m_rows.size()) - 1;
    Q_EMIT dataChanged(index(0, AgeColumn), index(last, AgeColumn));
    Q_EMIT dataChanged(index(0, MarketDeadlineColumn), index(last, SlaDeadlineColumn));
}

} // namespace waybill::models
