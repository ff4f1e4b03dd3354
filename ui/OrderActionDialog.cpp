// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderActionDialog.h"

#include "ui_OrderActionDialog.h"

#include "commerce/JsonFieldReader.h"

#include <QPushButton>

#include <cmath>

namespace waybill::ui {

using Kind = domain::OrderAction::Kind;

OrderActionDialog::OrderActionDialog(OrderActionForm form, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OrderActionDialog>())
    , m_form(std::move(form))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("orderActionDialog"));
    // The currency's minor unit decides the spin box's decimals (JPY: none).
    const QString one = commerce::JsonFieldReader::decimal(1, m_form.currency);
    m_decimals = one.contains(u'.') ? int(one.size() - one.indexOf(u'.') - 1) : 0;
    const double scale = std::pow(10.0, m_decimals);
    m_ui->amountSpin->setDecimals(m_decimals);
    m_ui->amountSpin->setMinimum(0);
    m_ui->amountSpin->setMaximum(double(m_form.refundableCents) / scale);
    m_ui->amountSpin->setSuffix(u' ' + m_form.currency);
    m_ui->amountSpin->setValue(double(m_form.amountCents > 0 ? m_form.amountCents : m_form.refundableCents) / scale);
    m_ui->noteEdit->setText(m_form.note);

    const bool refund = m_form.kind == Kind::Refund;
    m_ui->amountLabel->setVisible(refund);
    m_ui->amountSpin->setVisible(refund);
    // Shopify keeps a note with a refund and a new order; a cancellation has none.
    m_ui->noteLabel->setVisible(m_form.kind != Kind::Cancel);
    m_ui->noteEdit->setVisible(m_form.kind != Kind::Cancel);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_ui->titleLabel->setFont(titleFont);
    switch (m_form.kind) {
    case Kind::Refund:
        setWindowTitle(tr("Refund order %1").arg(m_form.orderNumber));
        m_ui->titleLabel->setText(tr("Refund order %1 for %2").arg(m_form.orderNumber, m_form.customerName));
        m_ui->whatLabel->setText(tr("%1 refunds the amount to the customer's original payment. %2 of %3 paid is "
                                    "left to refund.")
                                     .arg(m_form.storeName, money(m_form.refundableCents), money(m_form.totalCents)));
        m_ui->warningLabel->setText(tr("A refund cannot be undone."));
        break;
    case Kind::Cancel:
        setWindowTitle(tr("Cancel order %1").arg(m_form.orderNumber));
        m_ui->titleLabel->setText(
            tr("Cancel order %1 (%2) for %3").arg(m_form.orderNumber, money(m_form.totalCents), m_form.customerName));
        m_ui->whatLabel->setText(tr("%1 marks the order cancelled so that it is not fulfilled. Money is not "
                                    "refunded by this: refund it separately if it was paid.")
                                     .arg(m_form.storeName));
        m_ui->warningLabel->setText(tr("A cancelled order cannot be reopened."));
        break;
    case Kind::Resend:
        setWindowTitle(tr("Resend order %1").arg(m_form.orderNumber));
        m_ui->titleLabel->setText(tr("Resend order %1 to %2").arg(m_form.orderNumber, m_form.customerName));
        m_ui->whatLabel->setText(
            tr("%1 gets a new order with the same %2 (%3 at the original prices, marked paid) "
               "and the same shipping address, with a note naming %4. The customer is not "
               "charged.")
                .arg(m_form.storeName, m_form.itemCount == 1 ? tr("item") : tr("%1 items").arg(m_form.itemCount),
                    money(m_form.totalCents), m_form.orderNumber));
        m_ui->warningLabel->setText(tr("The new order is fulfilled like any other."));
        break;
    }
    connect(m_ui->amountSpin, &QDoubleSpinBox::valueChanged, this, &OrderActionDialog::update);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Never a bare "Cancel" next to "Cancel order": the way out says what it keeps.
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)
        ->setText(m_form.kind == Kind::Refund ? tr("Don't refund")
                : m_form.kind == Kind::Cancel ? tr("Keep the order")
                                              : tr("Don't resend"));
    update();
    if (refund) {
        // Enter confirms the amount the button names.
        m_ui->amountSpin->setFocus();
        m_ui->amountSpin->selectAll();
    } else {
        // Enter keeps things as they are.
        QPushButton *keep = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setAutoDefault(false);
        keep->setDefault(true);
        keep->setFocus();
    }
    // Wide enough for the sentences to read as lines, then as tall as they need.
    setMinimumWidth(460);
    adjustSize();
}

OrderActionDialog::~OrderActionDialog() = default;

QString OrderActionDialog::money(qint64 cents) const
{
    return commerce::JsonFieldReader::decimal(cents, m_form.currency) + u' ' + m_form.currency;
}

qint64 OrderActionDialog::amountCents() const
{
    return qint64(std::llround(m_ui->amountSpin->value() * std::pow(10.0, m_decimals)));
}

void OrderActionDialog::update()
{
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    switch (m_form.kind) {
    case Kind::Refund: {
        const qint64 amount = amountCents();
        ok->setText(tr("Refund %1").arg(money(amount)));
        ok->setEnabled(amount > 0 && amount <= m_form.refundableCents);
        break;
    }
    case Kind::Cancel:
        ok->setText(tr("Cancel order %1").arg(m_form.orderNumber));
        break;
    case Kind::Resend:
        ok->setText(tr("Create the new order"));
        break;
    }
}

OrderActionForm OrderActionDialog::form() const
{
    OrderActionForm answered = m_form;
    answered.amountCents = m_form.kind == Kind::Refund ? amountCents() : m_form.totalCents;
    answered.note = m_form.kind == Kind::Cancel ? QString() : m_ui->noteEdit->text().trimmed();
    return answered;
}

} // namespace waybill::ui
