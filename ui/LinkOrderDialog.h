// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QTimer>

#include <memory>

namespace Ui {
class LinkOrderDialog;
}
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

/// Finds an order to link to a conversation: searches storage::OrderRepository::lookup (number prefix, customer
/// name or e-mail) as the agent types, debounced. Reads through the UI thread's database; errors are shown in the
/// dialog. Modal; read selectedOrderId() after exec() returns Accepted.
class LinkOrderDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkOrderDialog)

public:
    static constexpr int ResultLimit = 50;

    explicit LinkOrderDialog(const storage::Database &database, QWidget *parent = nullptr);
    ~LinkOrderDialog() override;

    void setSearchText(const QString &text);
    qint64 selectedOrderId() const;

private:
    void search();
    void updateButtons();

    std::unique_ptr<Ui::LinkOrderDialog> m_ui;
    const storage::Database &m_database;
    QTimer m_debounce;
};

} // namespace waybill::ui
