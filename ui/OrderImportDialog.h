// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commerce/OrderColumnMapping.h"
#include "commerce/OrderImporter.h"

#include <QDialog>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QPushButton;
class QThread;

namespace Ui {
class OrderImportDialog;
}

namespace waybill::ui {

/// File → "Import orders…": the agent picks an export file and says where it comes from (Shopify, Amazon, eBay,
/// or "Other"). A table shows the file's header and first rows with, above each column, the order field it fills:
/// fixed for a preset, chosen by the agent for "Other" (column → field, guessed from the header). Import runs
/// commerce::OrderImporter on a worker thread with its own connection to the workspace database at `databasePath`, with
/// a progress bar, then shows the summary and the rows left out
/// ("line N: reason"). Emits imported() when orders were stored. Closing the dialog stops an import after its
/// current batch (what was committed stays) and waits for the worker. Lives on the UI thread; `chooseFile` asks
/// the agent for a file (an empty string when cancelled).
class OrderImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderImportDialog)

public:
    /// Rows of the file shown in the preview.
    static constexpr int PreviewRows = 5;
    /// The index of "Other" in the format list, after the presets.
    static constexpr int OtherIndex = 3;

    OrderImportDialog(QString databasePath, std::function<QString()> chooseFile, QWidget *parent = nullptr);
    ~OrderImportDialog() override;

    /// Shows `path` and its first rows; the fields of "Other" are guessed from the header.
    void setFile(const QString &path);
    /// The field chooser above file column `column` (nullptr when there is no such column).
    QComboBox *fieldChooser(int column) const;
    /// The mapping the dialog would import with.
    commerce::OrderColumnMapping mapping() const;
    /// Starts the import (what the Import button does).
    void startImport();
    bool isImporting() const { return m_thread != nullptr; }
    /// The last import's result (empty before one finished).
    const commerce::OrderImporter::Stats &lastStats() const { return m_stats; }

Q_SIGNALS:
    /// Orders were stored or updated; the order panel may read again.
    void imported(int orders);

public Q_SLOTS:
    /// Closes the dialog; during an import, once the worker has stopped after its current batch.
    void reject() override;

private:
    void browse();
    void presetChanged();
    void readPreview();
    void showFields();
    void updateButtons();
    void finishImport();

    std::unique_ptr<Ui::OrderImportDialog> m_ui;
    QString m_databasePath;
    std::function<QString()> m_chooseFile;
    QPushButton *m_importButton = nullptr;
    QStringList m_header;
    QList<QComboBox *> m_fieldChoosers; ///< one per file column, in the table's first row
    QString m_previewError;

    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    struct Outcome;
    std::shared_ptr<Outcome> m_outcome;
    commerce::OrderImporter::Stats m_stats;
};

} // namespace waybill::ui
