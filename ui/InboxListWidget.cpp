// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "InboxListWidget.h"

#include "ConversationListDelegate.h"
#include "models/ConversationListModel.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QShortcut>

namespace waybill::ui {

InboxListWidget::InboxListWidget(models::ConversationListModel *model, qint64 atRiskSeconds, QWidget *parent)
    : QWidget(parent)
    , m_searchField(new QLineEdit(this))
    , m_title(new QLabel(this))
    , m_sortCombo(new QComboBox(this))
    , m_list(new QListView(this))
{
    setObjectName(QStringLiteral("inboxList"));
    m_searchField->setObjectName(QStringLiteral("searchField"));
    m_title->setObjectName(QStringLiteral("listTitle"));
    m_sortCombo->setObjectName(QStringLiteral("sortCombo"));
    m_list->setObjectName(QStringLiteral("conversationList"));

    m_searchField->setPlaceholderText(tr("Search messages, orders, tracking, customers   /"));
    m_searchField->setClearButtonEnabled(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.08);
    m_title->setFont(titleFont);
    m_sortCombo->addItem(tr("Last activity"), static_cast<int>(domain::InboxSort::LastActivity));
    m_sortCombo->addItem(tr("Deadline"), static_cast<int>(domain::InboxSort::Deadline));

    m_list->setModel(model);
    m_list->setItemDelegate(new ConversationListDelegate(atRiskSeconds, m_list));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setUniformItemSizes(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QPalette palette = m_list->palette();
    palette.setColor(QPalette::Highlight, QColor(0xe3, 0xec, 0xfd));
    palette.setColor(QPalette::HighlightedText, QColor(0x11, 0x18, 0x27));
    m_list->setPalette(palette);

    auto *searchRow = new QHBoxLayout;
    searchRow->setContentsMargins(8, 8, 8, 0);
    searchRow->addWidget(m_searchField);
    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(12, 8, 8, 4);
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(new QLabel(tr("Sort"), this));
    titleRow->addWidget(m_sortCombo);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(searchRow);
    layout->addLayout(titleRow);
    layout->addWidget(m_list, 1);

    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(SearchDelayMs);
    connect(&m_searchDebounce, &QTimer::timeout, this, &InboxListWidget::emitSearch);
    connect(m_searchField, &QLineEdit::textChanged, this, [this] { m_searchDebounce.start(); });
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        emitSearch();
        m_list->setFocus();
    });
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_searchField);
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        m_searchField->clear();
        emitSearch();
        m_list->setFocus();
    });
    connect(m_sortCombo, &QComboBox::activated, this, [this] { Q_EMIT sortChanged(sort()); });
}

domain::InboxSort InboxListWidget::sort() const
{
    return static_cast<domain::InboxSort>(m_sortCombo->currentData().toInt());
}

void InboxListWidget::setSort(domain::InboxSort sort)
{
    m_sortCombo->setCurrentIndex(m_sortCombo->findData(static_cast<int>(sort)));
}

void InboxListWidget::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString InboxListWidget::searchText() const
{
    return m_searchField->text();
}

void InboxListWidget::clearSearchSilently()
{
    const QSignalBlocker blocker(m_searchField);
    m_searchField->clear();
    m_searchDebounce.stop();
}

void InboxListWidget::focusSearch()
{
    m_searchField->setFocus(Qt::ShortcutFocusReason);
    m_searchField->selectAll();
}

void InboxListWidget::emitSearch()
{
    m_searchDebounce.stop();
    Q_EMIT searchRequested(m_searchField->text());
}

} // namespace waybill::ui
