// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Rule.h"
#include "engine/RulesPass.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <memory>

namespace Ui {
class RulesDialog;
}
namespace waybill::storage {
class Database;
}

namespace waybill::ui {

class DialogService;

/// The settings page of the proactive rules: lists the rules (ticking one switches it on or off at once), edits
/// the selected one (trigger, conditions, actions; "Save rule" writes it), adds and deletes rules (deleting asks
/// through the DialogService), and shows a dry run: what the switched-on rules would do now and for whom, through
/// engine::RulesPass::dryRun(), which writes nothing. The engine applies the rules itself. Reads and writes
/// through the UI thread's database; everything it is given must outlive it. Emits rulesChanged() after every
/// write so the owner can ask the engine for a pass.
class RulesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulesDialog)

public:
    using Clock = std::function<qint64()>;

    RulesDialog(const storage::Database &database, DialogService &dialogs, Clock now, QWidget *parent = nullptr);
    ~RulesDialog() override;

    /// Reads the rules again and selects `ruleId` (the first rule when 0 or gone).
    void reload(qint64 ruleId = 0);
    /// Starts a dry run; the table is filled when it ends (dryRunFinished()). Ignored while one runs.
    void dryRun();

Q_SIGNALS:
    void rulesChanged();
    /// The dry-run table and its status line show a finished dry run (or why it failed).
    void dryRunFinished();

private:
    void fillChoices();
    void showRule(const domain::Rule &rule);
    domain::Rule ruleFromForm() const;
    void updateTriggerFields();
    void selectionChanged();
    void save();
    void addRule();
    void deleteRule();
    void toggled(qint64 ruleId, bool enabled);
    struct DryRunOutcome {
        engine::RulesPass::Report report;
        QString error; ///< for people; empty when the dry run worked
    };
    void showDryRun(const DryRunOutcome &outcome);

    std::unique_ptr<Ui::RulesDialog> m_ui;
    const storage::Database &m_database;
    DialogService &m_dialogs;
    Clock m_now;
    domain::Rule m_current; ///< the rule shown in the editor as stored
    bool m_filling = false; ///< the list is being filled: its item changes are not the agent's
    QFutureWatcher<DryRunOutcome> *m_dryRun = nullptr; ///< child of this dialog
};

} // namespace waybill::ui
