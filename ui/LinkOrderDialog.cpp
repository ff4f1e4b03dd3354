// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LinkOrderDialog.h"

#include "ui_LinkOrderDialog.h"

#include "models/Formatting.h"
#include "storage/OrderRepository.h"
#include "storage/StorageError.h"

#include <QHeaderView>
#include <QPushButton>

namespace waybill::ui {

namespace {
constexpr int OrderIdRole = Qt::UserRole + 1;
}

LinkOrderDialog::LinkOrderDialog(const storage::Database &database, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LinkOrderDialog>())
    , m_database(database)
{
    m_ui->setupUi(this);
    m_ui->resultTree->header()->setStretchLastSection(true);
    m_ui->resultTree->setColumnWidth(0, 170);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &LinkOrderDialog::search);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_ui->resultTree, &QTreeWidget::itemSelectionChanged, this, &LinkOrderDialog::updateButtons);
    connect(m_ui->resultTree, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Link"));
    updateButtons();
}

LinkOrderDialog::~LinkOrderDialog() = default;

void LinkOrderDialog::setSearchText(const QString &text)
{
    m_ui->searchEdit->setText(text);
    search();
}

qint64 LinkOrderDialog::selectedOrderId() const
{
    const QTreeWidgetItem *item = m_ui->resultTree->currentItem();
    return item && item->isSelected() ? item->data(0, OrderIdRole).toLongLong() : 0;
}

void LinkOrderDialog::search()
{
    m_ui->resultTree->clear();
    const QString text = m_ui->searchEdit->text().trimmed();
    if (text.isEmpty()) {
        m_ui->statusLabel->setText(tr("Type an order number, a customer's name or e-mail."));
        updateButtons();
        return;
    }
    try {
        const QList<domain::Order> orders = storage::OrderRepository(m_database).lookup(text, ResultLimit);
        for (const domain::Order &order : orders) {
            auto *item = new QTreeWidgetItem(m_ui->resultTree);
            item->setText(0, order.number);
            item->setText(1, order.source);
            item->setText(2, models::Formatting::date(order.placedAt));
            item->setText(3, models::Formatting::money(order.totalCents, order.currency));
            item->setText(4, order.status);
            item->setData(0, OrderIdRole, order.id);
        }
        m_ui->statusLabel->setText(
            orders.isEmpty() ? tr("No matching orders.") : tr("%n order(s)", nullptr, static_cast<int>(orders.size())));
        if (!orders.isEmpty()) {
            m_ui->resultTree->setCurrentItem(m_ui->resultTree->topLevelItem(0));
        }
    } catch (const storage::StorageError &error) {
        m_ui->statusLabel->setText(error.userMessage());
    }
    updateButtons();
}

void LinkOrderDialog::updateButtons()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(selectedOrderId() != 0);
}

} // namespace waybill::ui
