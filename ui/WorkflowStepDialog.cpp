// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowStepDialog.h"

#include "ui_WorkflowStepDialog.h"

#include <QHeaderView>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

namespace waybill::ui {

WorkflowStepDialog::WorkflowStepDialog(WorkflowForm form, Apply apply, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WorkflowStepDialog>())
    , m_form(std::move(form))
    , m_apply(std::move(apply))
{
    m_ui->setupUi(this);
    setWindowTitle(m_form.title);
    for (const auto &[key, name] : std::as_const(m_form.steps)) {
        m_ui->stepCombo->addItem(name, key);
    }
    for (const auto &[key, name] : std::as_const(m_form.kinds)) {
        m_ui->kindCombo->addItem(name, key);
    }
    m_ui->remedyCombo->addItem(tr("Nothing decided yet"), QString());
    m_ui->remedyCombo->addItem(tr("A reshipment"), QStringLiteral("reship"));
    m_ui->remedyCombo->addItem(tr("A refund"), QStringLiteral("refund"));
    m_ui->amountSpin->setSuffix(m_form.currency.isEmpty() ? QString() : u' ' + m_form.currency);
    m_ui->itemsTable->setRowCount(int(m_form.lines.size()));
    m_ui->itemsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int row = 0; row < m_form.lines.size(); ++row) {
        const WorkflowForm::Line &line = m_form.lines.at(row);
        auto *title = new QTableWidgetItem(tr("%1 (%2 ordered)").arg(line.title).arg(line.ordered));
        title->setFlags(Qt::ItemIsEnabled);
        m_ui->itemsTable->setItem(row, 0, title);
        auto *quantity = new QSpinBox;
        quantity->setRange(0, line.ordered);
        quantity->setObjectName(QStringLiteral("quantity%1").arg(row));
        m_ui->itemsTable->setCellWidget(row, 1, quantity);
    }
    for (const auto &[id, name] : std::as_const(m_form.attachments)) {
        auto *item = new QListWidgetItem(name, m_ui->evidenceList);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_ui->errorLabel->hide();
    connect(m_ui->stepCombo, &QComboBox::currentIndexChanged, this, &WorkflowStepDialog::updateFields);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &WorkflowStepDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateFields();
}

WorkflowStepDialog::~WorkflowStepDialog() = default;

void WorkflowStepDialog::updateFields()
{
    const QString step = m_ui->stepCombo->currentData().toString();
    const bool advancing = !m_form.steps.isEmpty();
    const bool amount
        = step == QLatin1String("refunded") || step == QLatin1String("store_credit") || step == QLatin1String("paid");
    const bool reference = step == QLatin1String("in_transit") || step == QLatin1String("filed");
    m_ui->referenceLabel->setText(step == QLatin1String("filed") ? tr("&Claim number:") : tr("Return &tracking:"));
    m_ui->amountLabel->setText(step == QLatin1String("paid") ? tr("&Carrier paid:") : tr("&Amount:"));
    m_ui->form->setRowVisible(m_ui->stepCombo, advancing);
    m_ui->form->setRowVisible(m_ui->kindCombo, !m_form.kinds.isEmpty());
    m_ui->form->setRowVisible(m_ui->reasonEdit, m_form.asksReason);
    m_ui->form->setRowVisible(m_ui->itemsTable, m_form.asksReason && !m_form.lines.isEmpty());
    m_ui->form->setRowVisible(m_ui->amountSpin, advancing && amount);
    m_ui->form->setRowVisible(m_ui->referenceEdit, advancing && reference);
    m_ui->form->setRowVisible(m_ui->remedyCombo, advancing && m_form.forClaim);
    m_ui->form->setRowVisible(
        m_ui->evidenceList, advancing && step == QLatin1String("evidence") && !m_form.attachments.isEmpty());
}

WorkflowForm WorkflowStepDialog::answers() const
{
    WorkflowForm answers = m_form;
    answers.step = m_ui->stepCombo->currentData().toString();
    answers.kind = m_ui->kindCombo->currentData().toString();
    answers.reason = m_ui->reasonEdit->text().trimmed();
    answers.note = m_ui->noteEdit->toPlainText().trimmed();
    answers.reference = m_ui->referenceEdit->text().trimmed();
    answers.remedy = m_ui->remedyCombo->currentData().toString();
    answers.amountCents = qint64(std::llround(m_ui->amountSpin->value() * 100.0));
    answers.quantities.clear();
    for (int row = 0; row < m_form.lines.size(); ++row) {
        const auto *quantity = qobject_cast<QSpinBox *>(m_ui->itemsTable->cellWidget(row, 1));
        if (quantity != nullptr && quantity->value() > 0) {
            answers.quantities.append({ m_form.lines.at(row).id, quantity->value() });
        }
    }
    answers.evidence.clear();
    for (int i = 0; i < m_ui->evidenceList->count(); ++i) {
        const QListWidgetItem *item = m_ui->evidenceList->item(i);
        if (item->checkState() == Qt::Checked) {
            answers.evidence.append(item->data(Qt::UserRole).toLongLong());
        }
    }
    return answers;
}

void WorkflowStepDialog::submit()
{
    const QString refusal = m_apply(answers());
    if (refusal.isEmpty()) {
        accept();
        return;
    }
    m_ui->errorLabel->setText(refusal);
    m_ui->errorLabel->show();
}

} // namespace waybill::ui
