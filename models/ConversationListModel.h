// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/ConversationSummary.h"
#include "domain/InboxView.h"
#include "storage/InboxQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QScopeGuard>
#include <QString>

#include <functional>
#include <optional>

namespace waybill::storage {
class Database;
}
namespace waybill::engine {
class SlaClock;
}

namespace waybill::models {

/// The conversation list: one inbox view (or the results of a search), loaded lazily in keyset pages of
/// PageSize rows through canFetchMore()/fetchMore() only. rowCount() and data() are const, cheap and never touch
/// the database. A conversation appears at most once even when rows change between pages.
///
/// Reads through the given database on its thread (the UI thread). setSearch() and refreshConversation() throw
/// storage::StorageError for the caller to show; fetchMore(), which views call from inside Qt, reports a
/// failure through loadFailed() instead and stops paging.
/// Deadline roles are computed from the injected clock: the marketplace clock in wall seconds, the company SLA
/// in business seconds (engine::SlaClock).
class ConversationListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationListModel)

public:
    static constexpr int PageSize = 100;
    /// Search results kept for one query (then paged like a view).
    static constexpr int SearchLimit = 1000;

    enum Column {
        ChannelColumn,
        CustomerColumn,
        SubjectColumn,
        AgeColumn,
        OrderColumn,
        TrackingColumn,
        WorkflowColumn,
        MarketDeadlineColumn,
        SlaDeadlineColumn,
        AssigneeColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    enum Role {
        ConversationIdRole = Qt::UserRole + 1, ///< qint64
        SummaryRole, ///< domain::ConversationSummary (the whole row, for the delegate)
        SortRole, ///< the column's raw value: epoch seconds, remaining seconds, or text
        ChannelKeyRole, ///< QString: domain::channelKey()
        UnreadRole, ///< bool
        VersionRole, ///< int: the row's version for ConversationActions
        MarketRemainingRole, ///< QVariant(qint64) wall seconds until the marketplace deadline; null without one
        SlaRemainingRole, ///< QVariant(qint64) business seconds until the SLA deadline; null without one
        TrackingLabelRole, ///< QString: tracking status for people, "Late" for a late shipment; empty without one
        WorkflowLabelRole, ///< QString: "Return: Label sent" / "Claim: Filed"; empty without either
    };
    Q_ENUM(Role)

    enum class Mode {
        View,
        Search,
    };

    using Clock = std::function<qint64()>;

    ConversationListModel(const storage::Database &database, const engine::SlaClock &sla, qint64 agentId, Clock now,
        QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    /// Shows `view` in `sort` order from its first row (nothing is read until the view asks for rows).
    void setView(const domain::InboxView &view, domain::InboxSort sort);
    void setSort(domain::InboxSort sort);
    /// Shows the conversations matching `text` (storage::SearchIndex), newest first; an empty text returns to
    /// the view.
    void setSearch(const QString &text);
    /// Starts the current view or search again from its first page.
    void reload();

    Mode mode() const { return m_mode; }
    domain::InboxView view() const { return m_view; }
    domain::InboxSort sort() const { return m_sort; }
    QString searchText() const { return m_searchText; }

    const domain::ConversationSummary &summaryAt(int row) const { return m_rows.at(row); }
    /// The row of conversation `id`, or -1 when it is not loaded.
    int rowOfId(qint64 id) const;

    enum class LeftView {
        RemoveRow, ///< a conversation that no longer belongs to the view disappears (closed from "All open")
        KeepRow, ///< it stays, updated, until the view is loaded again (a reply the agent wants to see)
    };

    /// Reads conversation `id` again after a change and updates its row; what happens when it left the view is
    /// `policy`. Returns false when the row was removed.
    bool refreshConversation(qint64 id, LeftView policy = LeftView::RemoveRow);
    /// After a change from outside (new mail): updates the row of `id` if it is loaded (keeping it even if it left
    /// the view), or inserts it at the top when it belongs to the view shown (not in search results). Returns
    /// whether the conversation is in the list afterwards.
    bool showConversation(qint64 id);
    /// Emits dataChanged for the deadline columns (their countdowns move with the clock).
    void refreshClocks();

    static QString trackingLabel(const domain::ConversationSummary &summary);
    static QString workflowLabel(const domain::ConversationSummary &summary);
    /// "5m", "3h", "2d", "Mar 4" for how long ago `at` was.
    static QString formatAge(qint64 seconds);

Q_SIGNALS:
    /// fetchMore() could not read the next page (a storage::StorageError's userMessage()); paging stops.
    void loadFailed(const QString &message);

private:
    using ChangeGuard = QScopeGuard<std::function<void()>>;
    /// Marks the rows as changing until the guard goes: fetchMore() from a listener of this change (a view, a model
    /// tester) does nothing instead of nesting one change inside another; it asks again afterwards.
    ChangeGuard changing();
    QVariant displayData(const domain::ConversationSummary &row, int column) const;
    QVariant sortData(const domain::ConversationSummary &row, int column) const;
    std::optional<qint64> marketRemaining(const domain::ConversationSummary &row) const;
    std::optional<qint64> slaRemaining(const domain::ConversationSummary &row) const;
    storage::InboxQuery query() const;
    bool isInView(const domain::ConversationSummary &row) const;
    void fetchPage();
    void appendRows(const QList<domain::ConversationSummary> &rows);

    const storage::Database &m_database;
    const engine::SlaClock &m_sla;
    qint64 m_agentId;
    Clock m_now;

    Mode m_mode = Mode::View;
    domain::InboxView m_view;
    domain::InboxSort m_sort = domain::InboxSort::LastActivity;
    qint64 m_riskHorizon = 0;
    QString m_searchText;
    QList<qint64> m_searchIds;
    int m_searchOffset = 0;

    QList<domain::ConversationSummary> m_rows;
    QHash<qint64, int> m_rowOfId;
    std::optional<storage::PageCursor> m_cursor;
    bool m_hasMore = true;
    bool m_busy = false; ///< inside a change of the rows (changing()): fetchMore() does nothing
};

} // namespace waybill::models
