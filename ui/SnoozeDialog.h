// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QDialog>

#include <memory>

namespace Ui {
class SnoozeDialog;
}

namespace waybill::ui {

/// Asks until when a conversation should be snoozed: presets (in 3 hours, tomorrow morning, next Monday) or any
/// future date and time. Modal; read dateTime() after exec() returns Accepted.
class SnoozeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnoozeDialog)

public:
    explicit SnoozeDialog(const QDateTime &initial, QWidget *parent = nullptr);
    ~SnoozeDialog() override;

    QDateTime dateTime() const;

private:
    void choose(const QDateTime &when);

    std::unique_ptr<Ui::SnoozeDialog> m_ui;
};

} // namespace waybill::ui
