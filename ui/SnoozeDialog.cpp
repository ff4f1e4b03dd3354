// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SnoozeDialog.h"

#include "ui_SnoozeDialog.h"

#include <QPushButton>

namespace waybill::ui {

SnoozeDialog::SnoozeDialog(const QDateTime &initial, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SnoozeDialog>())
{
    m_ui->setupUi(this);
    const QDateTime now = QDateTime::currentDateTime();
    m_ui->dateTimeEdit->setMinimumDateTime(now);
    m_ui->dateTimeEdit->setDateTime(initial.isValid() ? initial : now.addSecs(3 * 3600));

    const QTime morning(9, 0);
    connect(m_ui->laterTodayButton, &QPushButton::clicked, this, [this, now] { choose(now.addSecs(3 * 3600)); });
    connect(m_ui->tomorrowButton, &QPushButton::clicked, this,
        [this, now, morning] { choose(QDateTime(now.date().addDays(1), morning)); });
    connect(m_ui->nextWeekButton, &QPushButton::clicked, this, [this, now, morning] {
        const int daysToMonday = 8 - now.date().dayOfWeek();
        choose(QDateTime(now.date().addDays(daysToMonday), morning));
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SnoozeDialog::~SnoozeDialog() = default;

QDateTime SnoozeDialog::dateTime() const
{
    return m_ui->dateTimeEdit->dateTime();
}

void SnoozeDialog::choose(const QDateTime &when)
{
    m_ui->dateTimeEdit->setDateTime(when);
    accept();
}

} // namespace waybill::ui
