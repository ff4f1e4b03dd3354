// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MergeConversationDialog.h"

#include "ui_MergeConversationDialog.h"

#include "models/Formatting.h"
#include "storage/ConversationRepository.h"
#include "storage/SearchIndex.h"
#include "storage/StorageError.h"

#include <QHeaderView>
#include <QPushButton>

namespace waybill::ui {

namespace {
constexpr int ConversationIdRole = Qt::UserRole + 1;
}

MergeConversationDialog::MergeConversationDialog(const storage::Database &database, qint64 excludeId, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::MergeConversationDialog>())
    , m_database(database)
    , m_excludeId(excludeId)
{
    m_ui->setupUi(this);
    m_ui->resultTree->header()->setStretchLastSection(true);
    m_ui->resultTree->setColumnWidth(0, 70);
    m_ui->resultTree->setColumnWidth(1, 150);
    m_ui->resultTree->setColumnWidth(2, 90);
    m_ui->resultTree->setColumnWidth(3, 110);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &MergeConversationDialog::search);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_ui->resultTree, &QTreeWidget::itemSelectionChanged, this, &MergeConversationDialog::updateButtons);
    connect(m_ui->resultTree, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    m_ui->explanationLabel->setText(
        tr("All messages of conversation #%1 move into the conversation you choose; #%1 is then closed and later "
           "replies to it arrive in the chosen one.")
            .arg(m_excludeId));
    updateButtons();
}

MergeConversationDialog::~MergeConversationDialog() = default;

void MergeConversationDialog::setSearchText(const QString &text)
{
    m_ui->searchEdit->setText(text);
    search();
}

qint64 MergeConversationDialog::selectedConversationId() const
{
    const QTreeWidgetItem *item = m_ui->resultTree->currentItem();
    return item && item->isSelected() ? item->data(0, ConversationIdRole).toLongLong() : 0;
}

void MergeConversationDialog::search()
{
    m_ui->resultTree->clear();
    const QString text = m_ui->searchEdit->text().trimmed();
    if (text.isEmpty()) {
        m_ui->statusLabel->setText(tr("Type a conversation number (#123), an order number, a customer's name or "
                                      "e-mail."));
        updateButtons();
        return;
    }
    try {
        const storage::ConversationRepository conversations(m_database);
        QList<qint64> ids;
        bool isNumber = false;
        const qint64 number = QString(text).remove(u'#').toLongLong(&isNumber);
        if (isNumber && conversations.find(number)) {
            ids << number;
        }
        for (const qint64 id : storage::SearchIndex(m_database).search(text, ResultLimit)) {
            if (!ids.contains(id)) {
                ids << id;
            }
        }
        ids.removeAll(m_excludeId);
        const QList<domain::ConversationSummary> rows = conversations.findMany(ids);
        for (const domain::ConversationSummary &row : rows) {
            auto *item = new QTreeWidgetItem(m_ui->resultTree);
            item->setText(0, QStringLiteral("#%1").arg(row.id));
            item->setText(1, row.customerName);
            item->setText(2, row.orderNumber);
            item->setText(3, models::Formatting::dateTime(row.lastActivity));
            item->setText(4, row.subject.isEmpty() ? row.preview : row.subject);
            item->setToolTip(4, row.preview);
            item->setData(0, ConversationIdRole, row.id);
        }
        m_ui->statusLabel->setText(rows.isEmpty() ? tr("No matching conversations.")
                                                  : tr("%n conversation(s)", nullptr, static_cast<int>(rows.size())));
        if (!rows.isEmpty()) {
            m_ui->resultTree->setCurrentItem(m_ui->resultTree->topLevelItem(0));
        }
    } catch (const storage::StorageError &error) {
        m_ui->statusLabel->setText(error.userMessage());
    }
    updateButtons();
}

void MergeConversationDialog::updateButtons()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(selectedConversationId() != 0);
}

} // namespace waybill::ui
