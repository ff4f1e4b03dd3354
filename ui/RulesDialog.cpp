// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RulesDialog.h"

#include "ui_RulesDialog.h"

#include "DialogService.h"
#include "domain/Channel.h"
#include "domain/TrackingStatus.h"
#include "domain/WorkflowStates.h"
#include "engine/RulesPass.h"
#include "storage/AgentRepository.h"
#include "storage/Database.h"
#include "storage/RuleRepository.h"
#include "storage/StorageError.h"
#include "storage/TagRepository.h"

#include <QHeaderView>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace waybill::ui {

namespace {

constexpr int RuleIdRole = Qt::UserRole + 1;
/// A table of tens of thousands of rows helps nobody and takes seconds to fill.
constexpr int MaxDryRunRows = 2000;

enum DryRunColumn {
    RuleColumn,
    OrderColumn,
    CustomerColumn,
    WhyColumn,
    WouldDoColumn,
    DryRunColumnCount,
};

QString minutes(const QTime &time)
{
    return QString::number(time.hour() * 60 + time.minute());
}

/// Sets the combo to the entry whose data is `value`, or to the first entry.
void selectData(QComboBox *combo, const QVariant &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

RulesDialog::RulesDialog(const storage::Database &database, DialogService &dialogs, Clock now, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RulesDialog>())
    , m_database(database)
    , m_dialogs(dialogs)
    , m_now(std::move(now))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("rulesDialog"));
    m_ui->dryRunTable->setColumnCount(DryRunColumnCount);
    m_ui->dryRunTable->setHorizontalHeaderLabels(
        { tr("Rule"), tr("Order"), tr("Customer"), tr("Why now"), tr("Would do") });
    m_ui->dryRunTable->verticalHeader()->hide();
    m_ui->dryRunTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_ui->dryRunTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->dryRunTable->setColumnWidth(RuleColumn, 240);
    m_ui->dryRunTable->setColumnWidth(OrderColumn, 150);
    m_ui->dryRunTable->setColumnWidth(CustomerColumn, 150);
    m_ui->dryRunTable->setColumnWidth(WhyColumn, 220);
    m_ui->sendHint->setText(tr("Goes by the customer's preferred channel: SMS only with their consent,\n"
                               "marketplace orders only through the marketplace, otherwise e-mail."));
    m_ui->sendHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    fillChoices();

    connect(m_ui->ruleList, &QListWidget::currentItemChanged, this, &RulesDialog::selectionChanged);
    connect(m_ui->ruleList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_filling) {
            toggled(item->data(RuleIdRole).toLongLong(), item->checkState() == Qt::Checked);
        }
    });
    connect(m_ui->triggerCombo, &QComboBox::currentIndexChanged, this, &RulesDialog::updateTriggerFields);
    connect(m_ui->quietCheck, &QCheckBox::toggled, m_ui->quietStartEdit, &QWidget::setEnabled);
    connect(m_ui->quietCheck, &QCheckBox::toggled, m_ui->quietEndEdit, &QWidget::setEnabled);
    connect(m_ui->templateCombo, &QComboBox::currentIndexChanged, this,
        [this] { m_ui->reviewCheck->setEnabled(m_ui->templateCombo->currentIndex() > 0); });
    connect(m_ui->saveButton, &QPushButton::clicked, this, &RulesDialog::save);
    connect(m_ui->addButton, &QPushButton::clicked, this, &RulesDialog::addRule);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &RulesDialog::deleteRule);
    connect(m_ui->dryRunButton, &QPushButton::clicked, this, &RulesDialog::dryRun);
    m_dryRun = new QFutureWatcher<DryRunOutcome>(this);
    connect(m_dryRun, &QFutureWatcher<DryRunOutcome>::finished, this, [this] { showDryRun(m_dryRun->result()); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

RulesDialog::~RulesDialog() = default;

void RulesDialog::fillChoices()
{
    for (const domain::RuleTrigger trigger : domain::AllRuleTriggers) {
        m_ui->triggerCombo->addItem(domain::ruleTriggerDisplayName(trigger), domain::ruleTriggerKey(trigger));
    }
    m_ui->channelCombo->addItem(tr("Any"), QString());
    for (const domain::Channel channel : domain::AllChannels) {
        m_ui->channelCombo->addItem(domain::channelDisplayName(channel), domain::channelKey(channel));
    }
    m_ui->marketplaceCombo->addItem(tr("Any store or marketplace"), QString());
    m_ui->marketplaceCombo->addItem(tr("Shopify"), QStringLiteral("shopify"));
    m_ui->marketplaceCombo->addItem(tr("Amazon"), QStringLiteral("amazon"));
    m_ui->marketplaceCombo->addItem(tr("eBay"), QStringLiteral("ebay"));
    m_ui->marketplaceCombo->addItem(tr("Imported from a file"), QStringLiteral("csv"));
    m_ui->assignCombo->addItem(tr("Leave as it is"), qint64(0));
    m_ui->templateCombo->addItem(tr("No message"), QString());
    try {
        for (const domain::Agent &agent : storage::AgentRepository(m_database).agents()) {
            m_ui->assignCombo->addItem(agent.name, agent.id);
        }
        for (const domain::Template &t : storage::TagRepository(m_database).templates()) {
            m_ui->templateCombo->addItem(t.name, t.name);
        }
    } catch (const storage::StorageError &error) {
        m_ui->dryRunStatus->setText(error.userMessage());
    }
    for (QDoubleSpinBox *spin : { m_ui->minValueSpin, m_ui->maxValueSpin }) {
        spin->setDecimals(2);
        spin->setSpecialValueText(tr("any"));
    }
}

void RulesDialog::reload(qint64 ruleId)
{
    m_filling = true;
    m_ui->ruleList->clear();
    QList<domain::Rule> rules;
    try {
        rules = storage::RuleRepository(m_database).all();
    } catch (const storage::StorageError &error) {
        m_ui->dryRunStatus->setText(error.userMessage());
    }
    QListWidgetItem *select = nullptr;
    for (const domain::Rule &rule : rules) {
        auto *item = new QListWidgetItem(rule.name, m_ui->ruleList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
        item->setData(RuleIdRole, rule.id);
        item->setToolTip(domain::ruleTriggerDisplayName(rule.trigger));
        if (!select || rule.id == ruleId) {
            select = item;
        }
    }
    m_filling = false;
    m_ui->ruleList->setCurrentItem(select);
    if (!select) {
        showRule(domain::Rule {});
    }
    m_ui->deleteButton->setEnabled(select != nullptr);
}

void RulesDialog::selectionChanged()
{
    const QListWidgetItem *item = m_ui->ruleList->currentItem();
    m_ui->deleteButton->setEnabled(item != nullptr);
    if (!item) {
        return;
    }
    try {
        if (const auto rule = storage::RuleRepository(m_database).find(item->data(RuleIdRole).toLongLong())) {
            showRule(*rule);
        }
    } catch (const storage::StorageError &error) {
        m_dialogs.showError(this, tr("Rules"), error.userMessage());
    }
}

void RulesDialog::showRule(const domain::Rule &rule)
{
    m_current = rule;
    m_ui->nameEdit->setText(rule.name);
    m_ui->enabledCheck->setChecked(rule.enabled);
    selectData(m_ui->triggerCombo, domain::ruleTriggerKey(rule.trigger));
    updateTriggerFields();
    selectData(m_ui->stateCombo, rule.triggerState);
    m_ui->amountSpin->setValue(std::max(1, rule.triggerAmount));
    selectData(m_ui->channelCombo, rule.channel);
    selectData(m_ui->marketplaceCombo, rule.marketplace);
    m_ui->minValueSpin->setValue(double(rule.minOrderCents) / 100.0);
    m_ui->maxValueSpin->setValue(double(rule.maxOrderCents) / 100.0);
    m_ui->tagsEdit->setText(rule.tags.join(QStringLiteral(", ")));
    m_ui->smsConsentCheck->setChecked(rule.requireSmsConsent);
    m_ui->notMessagedCheck->setChecked(rule.onlyIfNotMessaged);
    m_ui->quietCheck->setChecked(rule.hasQuietHours());
    m_ui->quietStartEdit->setTime(
        rule.hasQuietHours() ? QTime(rule.quietStart / 60, rule.quietStart % 60) : QTime(21, 0));
    m_ui->quietEndEdit->setTime(rule.hasQuietHours() ? QTime(rule.quietEnd / 60, rule.quietEnd % 60) : QTime(8, 0));
    m_ui->quietStartEdit->setEnabled(rule.hasQuietHours());
    m_ui->quietEndEdit->setEnabled(rule.hasQuietHours());
    m_ui->openCheck->setChecked(rule.openConversation);
    selectData(m_ui->assignCombo, rule.assignAgentId);
    m_ui->tagEdit->setText(rule.tag);
    selectData(m_ui->templateCombo, rule.templateName);
    m_ui->reviewCheck->setChecked(rule.reviewRequest);
    m_ui->reviewCheck->setEnabled(!rule.templateName.isEmpty());
}

void RulesDialog::updateTriggerFields()
{
    const auto trigger = domain::ruleTriggerFromKey(m_ui->triggerCombo->currentData().toString());
    const QString kept = m_ui->stateCombo->currentData().toString();
    m_ui->stateCombo->clear();
    bool needsState = true;
    switch (trigger.value_or(domain::RuleTrigger::Late)) {
    case domain::RuleTrigger::StatusChanged:
        m_ui->stateLabel->setText(tr("&Status:"));
        for (const domain::TrackingStatus status : domain::AllTrackingStatuses) {
            m_ui->stateCombo->addItem(domain::trackingStatusDisplayName(status), domain::trackingStatusKey(status));
        }
        break;
    case domain::RuleTrigger::ReturnStep:
        m_ui->stateLabel->setText(tr("&Step:"));
        for (const QString &key : domain::ReturnState::keys()) {
            m_ui->stateCombo->addItem(domain::ReturnState::displayName(key), key);
        }
        break;
    case domain::RuleTrigger::ClaimStep:
        m_ui->stateLabel->setText(tr("&Step:"));
        for (const QString &key : domain::ClaimState::keys()) {
            m_ui->stateCombo->addItem(domain::ClaimState::displayName(key), key);
        }
        break;
    default:
        needsState = false;
    }
    selectData(m_ui->stateCombo, kept);
    m_ui->stateLabel->setVisible(needsState);
    m_ui->stateCombo->setVisible(needsState);
    const bool delivered = trigger == domain::RuleTrigger::Delivered;
    const bool noReply = trigger == domain::RuleTrigger::NoReply;
    m_ui->amountLabel->setVisible(delivered || noReply);
    m_ui->amountSpin->setVisible(delivered || noReply);
    m_ui->amountSpin->setSuffix(delivered ? tr(" days after delivery") : tr(" hours without an answer"));
}

domain::Rule RulesDialog::ruleFromForm() const
{
    domain::Rule rule = m_current;
    rule.name = m_ui->nameEdit->text().trimmed();
    rule.enabled = m_ui->enabledCheck->isChecked();
    rule.trigger
        = domain::ruleTriggerFromKey(m_ui->triggerCombo->currentData().toString()).value_or(domain::RuleTrigger::Late);
    rule.triggerState = m_ui->stateCombo->isVisibleTo(this) ? m_ui->stateCombo->currentData().toString() : QString();
    rule.triggerAmount = m_ui->amountSpin->isVisibleTo(this) ? m_ui->amountSpin->value() : 0;
    rule.channel = m_ui->channelCombo->currentData().toString();
    rule.marketplace = m_ui->marketplaceCombo->currentData().toString();
    rule.minOrderCents = std::llround(m_ui->minValueSpin->value() * 100.0);
    rule.maxOrderCents = std::llround(m_ui->maxValueSpin->value() * 100.0);
    rule.tags.clear();
    for (const QString &tag : m_ui->tagsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty()) {
            rule.tags << tag.trimmed().toLower();
        }
    }
    rule.requireSmsConsent = m_ui->smsConsentCheck->isChecked();
    rule.onlyIfNotMessaged = m_ui->notMessagedCheck->isChecked();
    if (m_ui->quietCheck->isChecked()) {
        rule.quietStart = minutes(m_ui->quietStartEdit->time()).toInt();
        rule.quietEnd = minutes(m_ui->quietEndEdit->time()).toInt();
    } else {
        rule.quietStart = domain::Rule::NoQuietHours;
        rule.quietEnd = domain::Rule::NoQuietHours;
    }
    rule.openConversation = m_ui->openCheck->isChecked();
    rule.assignAgentId = m_ui->assignCombo->currentData().toLongLong();
    rule.tag = m_ui->tagEdit->text().trimmed().toLower();
    rule.templateName = m_ui->templateCombo->currentData().toString();
    rule.reviewRequest = !rule.templateName.isEmpty() && m_ui->reviewCheck->isChecked();
    rule.updatedAt = m_now();
    return rule;
}

void RulesDialog::save()
{
    const domain::Rule rule = ruleFromForm();
    if (!rule.openConversation && !rule.assignAgentId && rule.tag.isEmpty() && !rule.sends()) {
        m_dialogs.showError(this, tr("Rules"), tr("Choose what the rule does: open, assign, tag or send."));
        return;
    }
    try {
        const storage::RuleRepository rules(m_database);
        qint64 id = rule.id;
        if (id) {
            rules.update(rule);
        } else {
            domain::Rule created = rule;
            created.createdAt = rule.updatedAt;
            id = rules.insert(created);
        }
        reload(id);
        Q_EMIT rulesChanged();
    } catch (const storage::StorageError &error) {
        m_dialogs.showError(this, tr("Rules"), error.userMessage());
    }
}

void RulesDialog::addRule()
{
    domain::Rule rule;
    rule.name = tr("New rule");
    rule.enabled = false; // switched on once it says what it should
    rule.trigger = domain::RuleTrigger::Late;
    rule.tag = QStringLiteral("late");
    rule.quietStart = 21 * 60;
    rule.quietEnd = 8 * 60;
    rule.createdAt = m_now();
    rule.updatedAt = rule.createdAt;
    try {
        const qint64 id = storage::RuleRepository(m_database).insert(rule);
        reload(id);
        m_ui->nameEdit->setFocus();
        m_ui->nameEdit->selectAll();
        Q_EMIT rulesChanged();
    } catch (const storage::StorageError &error) {
        m_dialogs.showError(this, tr("Rules"), error.userMessage());
    }
}

void RulesDialog::deleteRule()
{
    const QListWidgetItem *item = m_ui->ruleList->currentItem();
    if (!item
        || !m_dialogs.confirm(this, tr("Delete rule"),
            tr("Delete the rule “%1”? What it already did stays in the audit log.").arg(item->text()))) {
        return;
    }
    try {
        storage::RuleRepository(m_database).remove(item->data(RuleIdRole).toLongLong());
        reload();
        Q_EMIT rulesChanged();
    } catch (const storage::StorageError &error) {
        m_dialogs.showError(this, tr("Rules"), error.userMessage());
    }
}

void RulesDialog::toggled(qint64 ruleId, bool enabled)
{
    try {
        storage::RuleRepository(m_database).setEnabled(ruleId, enabled, m_now());
        if (ruleId == m_current.id) {
            m_current.enabled = enabled;
            m_ui->enabledCheck->setChecked(enabled);
        }
        Q_EMIT rulesChanged();
    } catch (const storage::StorageError &error) {
        m_dialogs.showError(this, tr("Rules"), error.userMessage());
    }
}

void RulesDialog::dryRun()
{
    if (m_dryRun->isRunning()) {
        return;
    }
    m_ui->dryRunButton->setEnabled(false);
    m_ui->dryRunStatus->setText(tr("Looking at the active shipments…"));
    static std::atomic<int> runs { 0 };
    const QString connection = QStringLiteral("rules-dry-run-") + QString::number(++runs);
    m_dryRun->setFuture(QtConcurrent::run([path = m_database.path(), connection, now = m_now()] {
        DryRunOutcome outcome;
        try {
            const auto database = storage::Database::open(path, connection);
            outcome.report = engine::RulesPass(*database, [now] { return now; }).dryRun();
        } catch (const storage::StorageError &error) {
            outcome.error = error.userMessage();
        }
        return outcome;
    }));
}

void RulesDialog::showDryRun(const DryRunOutcome &outcome)
{
    m_ui->dryRunButton->setEnabled(true);
    const QString failure = outcome.error;
    const engine::RulesPass::Report &report = outcome.report;
    QTableWidget *table = m_ui->dryRunTable;
    table->setRowCount(0);
    if (!failure.isEmpty()) {
        m_ui->dryRunStatus->setText(failure);
        Q_EMIT dryRunFinished();
        return;
    }
    const int shown = static_cast<int>(std::min<qsizetype>(report.decisions.size(), MaxDryRunRows));
    table->setRowCount(shown);
    for (int row = 0; row < shown; ++row) {
        const domain::RuleDecision &d = report.decisions.at(row);
        QStringList does;
        if (d.openConversation) {
            does << (d.conversationId ? tr("reopen conversation #%1").arg(d.conversationId)
                                      : tr("open a conversation"));
        }
        if (d.assignAgentId) {
            does << tr("assign");
        }
        if (!d.tag.isEmpty()) {
            does << tr("tag %1").arg(d.tag);
        }
        if (!d.templateName.isEmpty()) {
            QString send = d.sends()
                ? tr("send “%1” by %2")
                      .arg(d.templateName,
                          domain::channelDisplayName(
                              domain::channelFromKey(d.sendChannel).value_or(domain::Channel::Email)))
                : tr("no “%1”").arg(d.templateName);
            if (!d.sendNote.isEmpty()) {
                send += tr(" (%1)").arg(d.sendNote);
            }
            if (d.kind == domain::RuleDecision::Kind::Deferred) {
                send += tr(", after the quiet hours");
            }
            does << send;
        }
        const QStringList cells { d.ruleName, d.orderNumber, d.customerName, d.reason,
            does.join(QStringLiteral("; ")) };
        for (int column = 0; column < DryRunColumnCount; ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            cell->setToolTip(cells.at(column));
            table->setItem(row, column, cell);
        }
    }
    const QString looked = report.shipments == 1 ? tr("1 active shipment looked at")
                                                 : tr("%1 active shipments looked at").arg(report.shipments);
    const int actions = static_cast<int>(report.decisions.size());
    QString status = actions == 0 ? tr("Nothing would fire now (%1).").arg(looked)
        : actions == 1            ? tr("The rules would act once now (%1).").arg(looked)
                                  : tr("The rules would act %1 times now (%2).").arg(actions).arg(looked);
    if (shown < actions) {
        status += tr(" The first %1 are listed.").arg(shown);
    }
    m_ui->dryRunStatus->setText(status);
    Q_EMIT dryRunFinished();
}

} // namespace waybill::ui
