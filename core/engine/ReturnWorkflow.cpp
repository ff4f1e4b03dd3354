// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReturnWorkflow.h"

#include "domain/WorkflowStates.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"
#include "storage/WorkflowRepository.h"

#include <QCoreApplication>

namespace waybill::engine {

using storage::StorageError;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ReturnWorkflow", text);
}

[[noreturn]] void refuse(const QString &why)
{
    throw StorageError(StorageError::Kind::Invalid, why);
}

} // namespace

ReturnWorkflow::ReturnWorkflow(const storage::Database &database, qint64 agentId, std::function<qint64()> now)
    : m_database(database)
    , m_journal(database, agentId, std::move(now))
{
}

const WorkflowGraph &ReturnWorkflow::graph()
{
    static const WorkflowGraph graph({
        { QStringLiteral("requested"), { QStringLiteral("approved"), QStringLiteral("rejected") } },
        { QStringLiteral("approved"), { QStringLiteral("label_sent") } },
        { QStringLiteral("rejected"), { QStringLiteral("closed") } },
        { QStringLiteral("label_sent"), { QStringLiteral("in_transit") } },
        { QStringLiteral("in_transit"), { QStringLiteral("received") } },
        { QStringLiteral("received"), { QStringLiteral("inspected") } },
        { QStringLiteral("inspected"),
            { QStringLiteral("refunded"), QStringLiteral("exchanged"), QStringLiteral("store_credit") } },
        { QStringLiteral("refunded"), { QStringLiteral("closed") } },
        { QStringLiteral("exchanged"), { QStringLiteral("closed") } },
        { QStringLiteral("store_credit"), { QStringLiteral("closed") } },
        { QStringLiteral("closed"), {} },
    });
    return graph;
}

QString ReturnWorkflow::templateName(const QString &state)
{
    static const QHash<QString, QString> names {
        { QStringLiteral("approved"), QStringLiteral("Return approved") },
        { QStringLiteral("rejected"), QStringLiteral("Return rejected") },
        { QStringLiteral("label_sent"), QStringLiteral("Return label sent") },
        { QStringLiteral("received"), QStringLiteral("Return received") },
        { QStringLiteral("refunded"), QStringLiteral("Refund issued") },
        { QStringLiteral("exchanged"), QStringLiteral("Exchange sent") },
        { QStringLiteral("store_credit"), QStringLiteral("Store credit issued") },
    };
    return names.value(state);
}

qint64 ReturnWorkflow::open(
    qint64 conversationId, const QString &reason, QList<domain::ReturnItem> items, const QString &note)
{
    storage::TransactionGuard transaction(m_database);
    const domain::Order order = m_journal.linkedOrder(conversationId);
    if (reason.trimmed().isEmpty()) {
        refuse(tr("Say why the customer returns the items."));
    }
    if (items.isEmpty()) {
        refuse(tr("Choose at least one item to return."));
    }
    qint64 amount = 0;
    for (domain::ReturnItem &item : items) {
        if (item.quantity <= 0) {
            refuse(tr("Each returned item needs a quantity of at least 1."));
        }
        if (item.orderLineId == 0) {
            continue; // an order without lines: the agent names the item
        }
        const auto line = std::find_if(order.lines.cbegin(), order.lines.cend(),
            [&](const domain::OrderLine &l) { return l.id == item.orderLineId; });
        if (line == order.lines.cend()) {
            refuse(tr("That item is not part of order %1.").arg(order.number));
        }
        if (item.quantity > line->quantity) {
            refuse(
                tr("Order %1 has %2 × %3; %4 cannot be returned.")
                    .arg(order.number, QString::number(line->quantity), line->title, QString::number(item.quantity)));
        }
        item.sku = line->sku;
        item.title = line->title;
        amount += line->unitPriceCents * item.quantity;
    }
    domain::ReturnRequest request;
    request.orderId = order.id;
    request.state = QStringLiteral("requested");
    request.reason = reason.trimmed();
    request.amountCents = amount;
    request.createdAt = m_journal.now();
    request.conversationId = conversationId;
    request.items = items;
    request.history.append({ request.createdAt, request.state, note.trimmed().isEmpty() ? request.reason : note });
    const qint64 id = storage::WorkflowRepository(m_database).insertReturn(request);
    m_journal.record(conversationId, order.id, QStringLiteral("return"),
        tr("opened return #%1 for order %2: %3").arg(QString::number(id), order.number, request.reason));
    transaction.commit();
    return id;
}

void ReturnWorkflow::advance(qint64 returnId, const Step &step)
{
    storage::TransactionGuard transaction(m_database);
    const storage::WorkflowRepository workflows(m_database);
    const auto request = workflows.findReturn(returnId);
    if (!request) {
        throw StorageError(StorageError::Kind::NotFound, tr("The return does not exist any more."));
    }
    if (const QString why = graph().refusal(request->state, step.state, step.note); !why.isEmpty()) {
        refuse(why);
    }
    const QString tracking = step.returnTracking.trimmed();
    if (step.state == QLatin1String("in_transit") && tracking.isEmpty() && request->returnTracking.isEmpty()) {
        refuse(tr("Add the return parcel's tracking number."));
    }
    qint64 refund = request->refundCents;
    const domain::Order order = m_journal.order(request->orderId);
    if (step.state == QLatin1String("refunded") || step.state == QLatin1String("store_credit")) {
        if (step.amountCents <= 0) {
            refuse(tr("Say how much is refunded or credited."));
        }
        const qint64 before = workflows.refundedForOrder(order.id) - request->refundCents;
        const qint64 left = order.totalCents - before;
        if (step.amountCents > left) {
            refuse(tr("No refund above what was paid: order %1 was paid %2 and %3 is already refunded, so at most %4 "
                      "can be refunded.")
                       .arg(order.number, WorkflowJournal::money(order.currency, order.totalCents),
                           WorkflowJournal::money(order.currency, before),
                           WorkflowJournal::money(order.currency, std::max<qint64>(left, 0))));
        }
        refund = step.amountCents;
    }
    const qint64 at = m_journal.now();
    workflows.setReturnSettlement(returnId, refund, tracking);
    workflows.addReturnStep(returnId, { at, step.state, step.note.trimmed() });
    QString detail = tr("return #%1: %2").arg(QString::number(returnId), domain::ReturnState::displayName(step.state));
    if (refund != request->refundCents) {
        detail += u' ' + WorkflowJournal::money(order.currency, refund);
    }
    if (!step.note.trimmed().isEmpty()) {
        detail += QStringLiteral(" — ") + step.note.trimmed();
    }
    m_journal.record(request->conversationId, order.id, QStringLiteral("return"), detail);
    transaction.commit();
}

} // namespace waybill::engine
