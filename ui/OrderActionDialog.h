// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "OrderActionForm.h"

#include <QDialog>

#include <memory>

namespace Ui {
class OrderActionDialog;
}

namespace waybill::ui {

/// Confirms a refund, cancellation or resend of an order before it is sent to the store: says what will happen and
/// for how much, in the order's currency; for a refund it asks the amount (at most what is left to refund, shown on
/// the confirm button). Modal; read form() after exec() returns Accepted.
class OrderActionDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderActionDialog)

public:
    explicit OrderActionDialog(OrderActionForm form, QWidget *parent = nullptr);
    ~OrderActionDialog() override;

    /// The form with the agent's amount and note.
    OrderActionForm form() const;

private:
    void update();
    qint64 amountCents() const;
    QString money(qint64 cents) const;

    std::unique_ptr<Ui::OrderActionDialog> m_ui;
    OrderActionForm m_form;
    int m_decimals = 2;
};

} // namespace waybill::ui
