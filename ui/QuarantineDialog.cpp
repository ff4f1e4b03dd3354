// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "QuarantineDialog.h"

#include "ui_QuarantineDialog.h"

#include "DialogService.h"
#include "models/Formatting.h"
#include "storage/AttachmentStore.h"
#include "storage/QuarantineRepository.h"
#include "storage/StorageError.h"

#include <QFile>
#include <QHeaderView>
#include <QPushButton>

namespace waybill::ui {

namespace {
constexpr int EntryIdRole = Qt::UserRole + 1;
constexpr int Sha256Role = Qt::UserRole + 2;
} // namespace

QuarantineDialog::QuarantineDialog(
    const storage::Database &database, QString attachmentsDirectory, DialogService &dialogs, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::QuarantineDialog>())
    , m_database(database)
    , m_attachmentsDirectory(std::move(attachmentsDirectory))
    , m_dialogs(dialogs)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("quarantineDialog"));
    m_ui->messageTree->header()->setStretchLastSection(true);
    m_ui->messageTree->setColumnWidth(0, 200);
    m_ui->messageTree->setColumnWidth(1, 130);
    m_ui->messageTree->setColumnWidth(2, 70);
    connect(m_ui->messageTree, &QTreeWidget::itemSelectionChanged, this, &QuarantineDialog::updateButtons);
    connect(m_ui->saveButton, &QPushButton::clicked, this, &QuarantineDialog::saveSelected);
    connect(m_ui->dismissButton, &QPushButton::clicked, this, &QuarantineDialog::dismissSelected);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

QuarantineDialog::~QuarantineDialog() = default;

void QuarantineDialog::reload()
{
    m_ui->messageTree->clear();
    try {
        const QList<storage::QuarantinedMessage> entries = storage::QuarantineRepository(m_database).open();
        for (const storage::QuarantinedMessage &entry : entries) {
            auto *item = new QTreeWidgetItem(m_ui->messageTree);
            item->setText(0, entry.account.section(u':', 1).isEmpty() ? entry.account : entry.account.section(u':', 1));
            item->setText(1, models::Formatting::dateTime(entry.receivedAt));
            item->setText(2, models::Formatting::fileSize(entry.sizeBytes));
            item->setText(3, entry.reason);
            item->setToolTip(3, entry.reason);
            item->setData(0, EntryIdRole, entry.id);
            item->setData(0, Sha256Role, entry.rawSha256);
        }
        m_ui->statusLabel->setText(entries.isEmpty() ? tr("Nothing in quarantine.")
                                                     : tr("%n message(s)", nullptr, static_cast<int>(entries.size())));
        if (!entries.isEmpty()) {
            m_ui->messageTree->setCurrentItem(m_ui->messageTree->topLevelItem(0));
        }
    } catch (const storage::StorageError &error) {
        m_ui->statusLabel->setText(error.userMessage());
    }
    updateButtons();
}

void QuarantineDialog::saveSelected()
{
    const QTreeWidgetItem *item = m_ui->messageTree->currentItem();
    if (!item) {
        return;
    }
    const QString source
        = storage::AttachmentStore(m_attachmentsDirectory).pathOf(item->data(0, Sha256Role).toString());
    if (source.isEmpty()) {
        m_dialogs.showError(this, tr("Could not save the message"),
            tr("Its raw bytes are not in this workspace's attachment folder any more."));
        return;
    }
    const QString suggested = tr("quarantined-%1.eml").arg(item->data(0, EntryIdRole).toLongLong());
    const auto target = m_dialogs.askSaveFileName(this, tr("Save raw message"), suggested);
    if (!target) {
        return;
    }
    if (QFile::exists(*target)) {
        QFile::remove(*target);
    }
    if (!QFile::copy(source, *target)) {
        m_dialogs.showError(this, tr("Could not save the message"), tr("Could not write %1.").arg(*target));
        return;
    }
    m_ui->statusLabel->setText(tr("Saved to %1.").arg(*target));
}

void QuarantineDialog::dismissSelected()
{
    const QList<QTreeWidgetItem *> items = m_ui->messageTree->selectedItems();
    if (items.isEmpty()) {
        return;
    }
    try {
        const storage::QuarantineRepository quarantine(m_database);
        for (const QTreeWidgetItem *item : items) {
            quarantine.resolve(item->data(0, EntryIdRole).toLongLong());
        }
    } catch (const storage::StorageError &error) {
        m_dialogs.showError(this, tr("Could not dismiss"), error.userMessage());
    }
    reload();
    Q_EMIT changed();
}

void QuarantineDialog::updateButtons()
{
    const bool any = !m_ui->messageTree->selectedItems().isEmpty();
    m_ui->saveButton->setEnabled(any && m_ui->messageTree->selectedItems().size() == 1);
    m_ui->dismissButton->setEnabled(any);
}

} // namespace waybill::ui
