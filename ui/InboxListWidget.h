// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/InboxView.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace waybill::models {
class ConversationListModel;
}

namespace waybill::ui {

/// The conversation list pane: the search field, the list's title and sort order, and the list itself painted
/// by ConversationListDelegate with extended selection. Search text is reported debounced (or at once on
/// Return) through searchRequested(); Escape clears it. Does not own the model.
class InboxListWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxListWidget)

public:
    static constexpr int SearchDelayMs = 250;

    InboxListWidget(models::ConversationListModel *model, qint64 atRiskSeconds, QWidget *parent = nullptr);

    QListView *listView() const { return m_list; }
    domain::InboxSort sort() const;
    void setSort(domain::InboxSort sort);
    void setTitle(const QString &title);
    QString searchText() const;
    /// Empties the search field without announcing it.
    void clearSearchSilently();
    void focusSearch();

Q_SIGNALS:
    /// The agent searched (an empty text returns to the view).
    void searchRequested(const QString &text);
    void sortChanged(waybill::domain::InboxSort sort);

private:
    void emitSearch();

    QLineEdit *m_searchField;
    QLabel *m_title;
    QComboBox *m_sortCombo;
    QListView *m_list;
    QTimer m_searchDebounce;
};

} // namespace waybill::ui
