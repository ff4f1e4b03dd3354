// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrderActionController.h"

#include "DialogService.h"
#include "OrderActionForm.h"

#include <QWidget>

namespace waybill::ui {

using Kind = domain::OrderAction::Kind;

OrderActionController::OrderActionController(DialogService &dialogs, qint64 agentId, QWidget *window)
    : QObject(window)
    , m_dialogs(dialogs)
    , m_agentId(agentId)
    , m_window(window)
{
}

std::optional<OrderActionForm> OrderActionController::formFor(const domain::ConversationDetail &detail, Kind kind)
{
    if (!detail.order) {
        return std::nullopt;
    }
    const domain::Order &order = *detail.order;
    OrderActionForm form;
    form.kind = kind;
    form.orderNumber = order.number;
    const QString shop = order.account.section(u':', 1);
    form.storeName = shop.isEmpty() ? tr("Shopify") : tr("Shopify (%1)").arg(shop);
    form.customerName = detail.customer ? detail.customer->name : tr("the customer");
    form.currency = order.currency;
    form.totalCents = order.totalCents;
    form.refundableCents = std::max<qint64>(0, order.totalCents - order.refundedCents);
    for (const domain::OrderLine &line : order.lines) {
        form.itemCount += line.quantity;
    }
    form.amountCents = kind == Kind::Refund ? form.refundableCents : order.totalCents;
    return form;
}

void OrderActionController::ask(const domain::ConversationDetail &detail, Kind kind)
{
    std::optional<OrderActionForm> form = formFor(detail, kind);
    if (!form || !m_dialogs.confirmOrderAction(m_window, *form)) {
        return;
    }
    Q_EMIT requested(detail.order->id, detail.conversation.id, m_agentId, int(kind), form->amountCents, form->note);
    Q_EMIT statusMessage(tr("Sending to the store…"));
}

void OrderActionController::showResult(qint64, qint64, int state, const QString &message)
{
    switch (domain::OrderAction::State(state)) {
    case domain::OrderAction::State::Done:
        Q_EMIT statusMessage(tr("Done: %1").arg(message));
        break;
    case domain::OrderAction::State::Pending:
        Q_EMIT statusMessage(tr("Not finished yet (%1); it will be sent again with the same key.").arg(message));
        break;
    case domain::OrderAction::State::Failed:
        m_dialogs.showError(m_window, tr("The order was not changed"), message);
        break;
    }
}

} // namespace waybill::ui
