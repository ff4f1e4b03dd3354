// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class QuarantineDialog;
}
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

class DialogService;

/// Lists the messages that arrived but could not be parsed (storage::QuarantineRepository: account, time, size,
/// reason), newest first. "Save raw message…" copies the bytes kept in the attachment store to a file the agent
/// chooses (through the DialogService); "Dismiss" resolves the selected entries. Emits changed() after a dismissal
/// so the owner updates its "Quarantine (N)" count. Reads and writes through the UI thread's database; everything
/// it is given must outlive it.
class QuarantineDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuarantineDialog)

public:
    QuarantineDialog(const storage::Database &database, QString attachmentsDirectory, DialogService &dialogs,
        QWidget *parent = nullptr);
    ~QuarantineDialog() override;

    void reload();

Q_SIGNALS:
    void changed();

private:
    void saveSelected();
    void dismissSelected();
    void updateButtons();

    std::unique_ptr<Ui::QuarantineDialog> m_ui;
    const storage::Database &m_database;
    QString m_attachmentsDirectory;
    DialogService &m_dialogs;
};

} // namespace waybill::ui
