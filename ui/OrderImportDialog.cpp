// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderImportDialog.h"

#include "ui_OrderImportDialog.h"

#include "commerce/CsvReader.h"
#include "commerce/OrderField.h"
#include "storage/Database.h"
#include "storage/StorageError.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>

namespace waybill::ui {

using commerce::OrderColumnMapping;
using commerce::OrderField;

/// What the worker hands back to the dialog.
struct OrderImportDialog::Outcome {
    QMutex mutex;
    commerce::OrderImporter::Stats stats;
    QString error;
};

namespace {

std::atomic<int> s_connections { 0 };

} // namespace

OrderImportDialog::OrderImportDialog(QString databasePath, std::function<QString()> chooseFile, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OrderImportDialog>())
    , m_databasePath(std::move(databasePath))
    , m_chooseFile(std::move(chooseFile))
{
    m_ui->setupUi(this);
    m_ui->presetCombo->addItem(tr("Shopify (Orders → Export)"), QStringLiteral("shopify"));
    m_ui->presetCombo->addItem(tr("Amazon Seller Central (All Orders report)"), QStringLiteral("amazon"));
    m_ui->presetCombo->addItem(tr("eBay Seller Hub (Orders report)"), QStringLiteral("ebay"));
    m_ui->presetCombo->addItem(tr("Other (choose the columns)"), QString());
    m_importButton = m_ui->buttonBox->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setDefault(true);
    m_ui->progressBar->setVisible(false);
    m_ui->problemsView->setVisible(false);
    m_ui->previewTable->horizontalHeader()->setDefaultSectionSize(150);
    m_ui->previewTable->verticalHeader()->setVisible(false);

    // The button box would close the dialog on AcceptRole; the Import button starts the import instead.
    disconnect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &OrderImportDialog::reject);
    connect(m_importButton, &QPushButton::clicked, this, &OrderImportDialog::startImport);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &OrderImportDialog::browse);
    connect(m_ui->fileEdit, &QLineEdit::editingFinished, this, &OrderImportDialog::readPreview);
    connect(m_ui->fileEdit, &QLineEdit::textChanged, this, &OrderImportDialog::updateButtons);
    connect(m_ui->presetCombo, &QComboBox::currentIndexChanged, this, &OrderImportDialog::presetChanged);
    presetChanged();
}

OrderImportDialog::~OrderImportDialog()
{
    // Hiding the dialog on destruction moves the focus, and the file field would report editingFinished.
    disconnect(m_ui->fileEdit, nullptr, this, nullptr);
    if (m_thread) {
        m_cancel->store(true);
        m_thread->wait();
    }
}

void OrderImportDialog::browse()
{
    const QString path = m_chooseFile ? m_chooseFile() : QString();
    if (!path.isEmpty()) {
        setFile(path);
    }
}

void OrderImportDialog::setFile(const QString &path)
{
    m_ui->fileEdit->setText(path);
    readPreview();
}

void OrderImportDialog::presetChanged()
{
    const bool other = m_ui->presetCombo->currentIndex() == OtherIndex;
    m_ui->mappingLabel->setVisible(other);
    const QString preset = m_ui->presetCombo->currentData().toString();
    m_ui->sourceEdit->setPlaceholderText(preset.isEmpty() ? QStringLiteral("csv") : preset);
    readPreview();
}

void OrderImportDialog::readPreview()
{
    const QString path = m_ui->fileEdit->text().trimmed();
    m_ui->previewTable->clear();
    m_ui->previewTable->setRowCount(0);
    m_ui->previewTable->setColumnCount(0);
    m_header.clear();
    m_previewError.clear();
    m_fieldChoosers.clear();
    if (path.isEmpty()) {
        updateButtons();
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_previewError = QFileInfo::exists(path) ? tr("%1 cannot be read: %2").arg(path, file.errorString())
                                                 : tr("There is no file %1.").arg(path);
        m_ui->resultLabel->setText(m_previewError);
        updateButtons();
        return;
    }
    char delimiter = mapping().delimiter();
    if (delimiter == 0) {
        const QByteArray head = file.peek(64 * 1024);
        const QByteArray firstLine = head.left(head.indexOf('\n'));
        delimiter = firstLine.count('\t') > firstLine.count(',') ? '\t' : ',';
    }
    commerce::CsvReader reader(file, delimiter);
    commerce::CsvReader::Record record;
    QList<QStringList> rows;
    while (rows.size() < PreviewRows && reader.next(record)) {
        if (!record.error.isEmpty() || record.isBlank()) {
            continue;
        }
        if (m_header.isEmpty()) {
            m_header = record.fields();
        } else {
            rows.append(record.fields());
        }
    }
    m_ui->previewTable->setColumnCount(int(m_header.size()));
    m_ui->previewTable->setHorizontalHeaderLabels(m_header);
    m_ui->previewTable->setRowCount(int(rows.size()) + 1);
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < m_header.size(); ++c) {
            QString text = rows.at(r).at(c);
            text.replace(u'\n', u' ');
            m_ui->previewTable->setItem(r + 1, c, new QTableWidgetItem(text));
        }
    }
    for (int c = 0; c < m_header.size(); ++c) {
        auto *chooser = new QComboBox(m_ui->previewTable);
        chooser->setObjectName(QStringLiteral("fieldFor:") + m_header.at(c));
        chooser->addItem(tr("(not imported)"));
        for (const OrderField field : commerce::allOrderFields()) {
            chooser->addItem(commerce::orderFieldLabel(field), commerce::orderFieldKey(field));
        }
        connect(chooser, &QComboBox::currentIndexChanged, this, &OrderImportDialog::updateButtons);
        m_ui->previewTable->setCellWidget(0, c, chooser);
        m_fieldChoosers.append(chooser);
    }
    m_ui->resultLabel->setText(m_header.isEmpty() ? tr("The file is empty.") : QString());
    showFields();
    updateButtons();
}

QComboBox *OrderImportDialog::fieldChooser(int column) const
{
    return m_fieldChoosers.value(column, nullptr);
}

void OrderImportDialog::showFields()
{
    // A preset's fields are shown as it will use them; for "Other" they are guessed from the header
    // ("email", "Customer e-mail", "placed_at", "Placed at") and left to the agent.
    const bool other = m_ui->presetCombo->currentIndex() == OtherIndex;
    QHash<int, OrderField> presetFields;
    if (const auto preset = OrderColumnMapping::preset(m_ui->presetCombo->currentData().toString())) {
        if (const auto resolved = preset->resolve(m_header, nullptr)) {
            for (auto it = resolved->index.cbegin(); it != resolved->index.cend(); ++it) {
                presetFields.insert(it.value(), it.key());
            }
        } else {
            // Without its required columns the preset resolves nothing; show what it does find.
            for (const OrderField field : commerce::allOrderFields()) {
                for (const QString &name : preset->columns(field)) {
                    const auto at = m_header.indexOf(name);
                    if (at >= 0 && !presetFields.contains(int(at))) {
                        presetFields.insert(int(at), field);
                        break;
                    }
                }
            }
        }
    }
    for (int c = 0; c < m_fieldChoosers.size(); ++c) {
        QComboBox *chooser = m_fieldChoosers.at(c);
        const QSignalBlocker blocker(chooser);
        chooser->setEnabled(other);
        chooser->setCurrentIndex(0);
        if (!other) {
            if (const auto found = presetFields.constFind(c); found != presetFields.cend()) {
                chooser->setCurrentIndex(chooser->findData(commerce::orderFieldKey(found.value())));
            }
            continue;
        }
        const QString name = m_header.at(c).trimmed();
        const QString squashed = QString(name).remove(u' ').remove(u'_').remove(u'-');
        for (const OrderField field : commerce::allOrderFields()) {
            const QString key = commerce::orderFieldKey(field);
            if (name.compare(key, Qt::CaseInsensitive) == 0
                || name.compare(commerce::orderFieldLabel(field), Qt::CaseInsensitive) == 0
                || squashed.compare(QString(key).remove(u'_'), Qt::CaseInsensitive) == 0) {
                chooser->setCurrentIndex(chooser->findData(key));
                break;
            }
        }
    }
}

OrderColumnMapping OrderImportDialog::mapping() const
{
    const QString preset = m_ui->presetCombo->currentData().toString();
    OrderColumnMapping result;
    if (const auto known = OrderColumnMapping::preset(preset)) {
        result = *known;
    } else {
        for (int c = 0; c < m_fieldChoosers.size(); ++c) {
            if (const auto field = commerce::orderFieldFromKey(m_fieldChoosers.at(c)->currentData().toString())) {
                result.setColumn(*field, m_header.value(c));
            }
        }
    }
    if (const QString source = m_ui->sourceEdit->text().trimmed(); !source.isEmpty()) {
        result.setSource(source);
    }
    return result;
}

void OrderImportDialog::updateButtons()
{
    bool ready = !m_thread && !m_ui->fileEdit->text().trimmed().isEmpty() && m_previewError.isEmpty();
    if (ready && m_ui->presetCombo->currentIndex() == OtherIndex) {
        const OrderColumnMapping chosen = mapping();
        ready = !chosen.columns(OrderField::Number).isEmpty() && !chosen.columns(OrderField::PlacedAt).isEmpty();
    }
    m_importButton->setEnabled(ready);
    m_ui->browseButton->setEnabled(!m_thread);
    m_ui->presetCombo->setEnabled(!m_thread);
    m_ui->fileEdit->setEnabled(!m_thread);
    m_ui->previewTable->setEnabled(!m_thread);
}

void OrderImportDialog::startImport()
{
    if (m_thread) {
        return;
    }
    const QString path = m_ui->fileEdit->text().trimmed();
    const OrderColumnMapping mappingCopy = mapping();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_outcome = std::make_shared<Outcome>();
    m_ui->progressBar->setRange(0, 1000);
    m_ui->progressBar->setValue(0);
    m_ui->progressBar->setVisible(true);
    m_ui->problemsView->clear();
    m_ui->problemsView->setVisible(false);
    m_ui->resultLabel->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));

    QPointer<QProgressBar> bar = m_ui->progressBar;
    const QString databasePath = m_databasePath;
    auto cancel = m_cancel;
    auto outcome = m_outcome;
    m_thread = QThread::create([=] {
        commerce::OrderImporter::Stats stats;
        QString error;
        try {
            const QString connection = QStringLiteral("order-import-") + QString::number(++s_connections);
            const auto database = storage::Database::open(databasePath, connection);
            commerce::OrderImporter importer(*database, [] { return QDateTime::currentSecsSinceEpoch(); });
            stats = importer.importFile(path, mappingCopy, [&](qint64 done, qint64 total) {
                const int value = total > 0 ? int(std::min(done, total) * 1000 / total) : 0;
                QMetaObject::invokeMethod(
                    bar.data(),
                    [bar, value] {
                        if (bar) {
                            bar->setValue(value);
                        }
                    },
                    Qt::QueuedConnection);
                return !cancel->load();
            });
        } catch (const storage::StorageError &storageError) {
            error = storageError.userMessage();
        }
        const QMutexLocker lock(&outcome->mutex);
        outcome->stats = stats;
        outcome->error = error;
    });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, &OrderImportDialog::finishImport);
    updateButtons();
    m_thread->start();
}

void OrderImportDialog::finishImport()
{
    QString error;
    {
        const QMutexLocker lock(&m_outcome->mutex);
        m_stats = m_outcome->stats;
        error = m_outcome->error;
    }
    m_thread->deleteLater();
    m_thread = nullptr;
    m_ui->progressBar->setValue(m_ui->progressBar->maximum());
    m_ui->progressBar->setVisible(false);
    if (!error.isEmpty()) {
        m_ui->resultLabel->setText(error);
        updateButtons();
        return;
    }
    QString summary = tr("Imported %1 orders: %2 new, %3 updated. New customers: %4; shipments added: %5.")
                          .arg(m_stats.orders())
                          .arg(m_stats.created)
                          .arg(m_stats.updated)
                          .arg(m_stats.customersCreated)
                          .arg(m_stats.shipments);
    if (m_stats.badRows > 0) {
        summary += u' '
            + (m_stats.badRows == 1 ? tr("1 row could not be read and was left out:")
                                    : tr("%1 rows could not be read and were left out:").arg(m_stats.badRows));
        QStringList lines;
        for (const auto &problem : std::as_const(m_stats.problems)) {
            lines << tr("line %1: %2").arg(problem.line).arg(problem.reason);
        }
        if (m_stats.badRows > m_stats.problems.size()) {
            lines << tr("… and %1 more").arg(m_stats.badRows - m_stats.problems.size());
        }
        m_ui->problemsView->setPlainText(lines.join(u'\n'));
        m_ui->problemsView->setVisible(true);
    }
    if (m_stats.resumed) {
        summary += u' ' + tr("It went on from where the last import of this file stopped.");
    }
    if (m_stats.stopped) {
        summary += u' ' + tr("The import was stopped; import the file again to finish.");
    }
    m_ui->resultLabel->setText(summary);
    updateButtons();
    if (m_stats.orders() > 0) {
        Q_EMIT imported(m_stats.orders());
    }
}

void OrderImportDialog::reject()
{
    if (m_thread) {
        // Stop after the current batch; the dialog closes when the worker is done.
        m_cancel->store(true);
        m_ui->resultLabel->setText(tr("Stopping after the current batch…"));
        connect(m_thread, &QThread::finished, this, &QDialog::reject, Qt::QueuedConnection);
        return;
    }
    QDialog::reject();
}

} // namespace waybill::ui
