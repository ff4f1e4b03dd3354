// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QTimer>

#include <memory>

namespace Ui {
class MergeConversationDialog;
}
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

/// Finds the conversation another one should be merged into: "#123" (or a bare number) finds that conversation;
/// anything else goes through storage::SearchIndex (order numbers, customer names and addresses, message text),
/// debounced as the agent types. The conversation being merged (`excludeId`) is never offered. Reads through the
/// UI thread's database; errors are shown in the dialog. Modal; read selectedConversationId() after exec()
/// returns Accepted.
class MergeConversationDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergeConversationDialog)

public:
    static constexpr int ResultLimit = 50;

    MergeConversationDialog(const storage::Database &database, qint64 excludeId, QWidget *parent = nullptr);
    ~MergeConversationDialog() override;

    void setSearchText(const QString &text);
    qint64 selectedConversationId() const;

private:
    void search();
    void updateButtons();

    std::unique_ptr<Ui::MergeConversationDialog> m_ui;
    const storage::Database &m_database;
    qint64 m_excludeId;
    QTimer m_debounce;
};

} // namespace waybill::ui
