// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClaimWorkflow.h"

#include "domain/WorkflowStates.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"
#include "storage/StorageError.h"
#include "storage/TransactionGuard.h"
#include "storage/WorkflowRepository.h"

#include <QCoreApplication>
#include <QDateTime>

namespace waybill::engine {

using storage::StorageError;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ClaimWorkflow", text);
}

[[noreturn]] void refuse(const QString &why)
{
    throw StorageError(StorageError::Kind::Invalid, why);
}

constexpr qint64 Day = 24 * 3600;

} // namespace

ClaimWorkflow::ClaimWorkflow(const storage::Database &database, qint64 agentId, std::function<qint64()> now)
    : m_database(database)
    , m_journal(database, agentId, std::move(now))
{
}

const WorkflowGraph &ClaimWorkflow::graph()
{
    static const WorkflowGraph graph({
        { QStringLiteral("opened"), { QStringLiteral("evidence") } },
        { QStringLiteral("evidence"), { QStringLiteral("filed") } },
        { QStringLiteral("filed"), { QStringLiteral("approved"), QStringLiteral("denied") } },
        { QStringLiteral("approved"), { QStringLiteral("paid") } },
        { QStringLiteral("denied"), { QStringLiteral("closed") } },
        { QStringLiteral("paid"), { QStringLiteral("closed") } },
        { QStringLiteral("closed"), {} },
    });
    return graph;
}

int ClaimWorkflow::filingWindowDays(const QString &carrier, const QString &kind)
{
    // Domestic windows from the carriers' published claim rules, counted from the shipping date. FedEx wants
    // damage reported within 21 days; DHL Express takes claims for 30 days; Japanese carriers want damage reported
    // within 14 days of delivery.
    const bool damaged = kind == QLatin1String("damaged");
    static const QHash<QString, int> windows { { QStringLiteral("ups"), 60 }, { QStringLiteral("usps"), 60 },
        { QStringLiteral("fedex"), 60 }, { QStringLiteral("dhl"), 30 }, { QStringLiteral("dhl_ecommerce"), 30 },
        { QStringLiteral("royal_mail"), 80 }, { QStringLiteral("canada_post"), 60 },
        { QStringLiteral("japan_post"), 60 }, { QStringLiteral("yamato"), 60 }, { QStringLiteral("sagawa"), 60 },
        { QStringLiteral("sf_express"), 30 } };
    if (damaged && carrier == QLatin1String("fedex")) {
        return 21;
    }
    if (damaged
        && (carrier == QLatin1String("yamato") || carrier == QLatin1String("sagawa")
            || carrier == QLatin1String("japan_post"))) {
        return 14;
    }
    return windows.value(carrier, 30);
}

qint64 ClaimWorkflow::open(qint64 conversationId, const QString &kind, qint64 shipmentId, const QString &note)
{
    storage::TransactionGuard transaction(m_database);
    const domain::Order order = m_journal.linkedOrder(conversationId);
    if (kind != QLatin1String("lost") && kind != QLatin1String("damaged") && kind != QLatin1String("late")) {
        refuse(tr("A claim is for a lost, damaged or late parcel."));
    }
    const QList<domain::Shipment> shipments = storage::OrderRepository(m_database).shipments(order.id);
    if (shipments.isEmpty()) {
        refuse(tr("Order %1 has no shipment to claim for.").arg(order.number));
    }
    const auto shipment = shipmentId == 0
        ? std::prev(shipments.cend())
        : std::find_if(shipments.cbegin(), shipments.cend(), [&](const auto &s) { return s.id == shipmentId; });
    if (shipment == shipments.cend()) {
        refuse(tr("That shipment is not part of order %1.").arg(order.number));
    }
    const qint64 now = m_journal.now();
    const qint64 shipped = shipment->shippedAt > 0 ? shipment->shippedAt : now;
    domain::Claim claim;
    claim.orderId = order.id;
    claim.shipmentId = shipment->id;
    claim.kind = kind;
    claim.state = QStringLiteral("opened");
    claim.filingDeadline = shipped + filingWindowDays(shipment->carrier, kind) * Day;
    claim.createdAt = now;
    claim.conversationId = conversationId;
    claim.history.append({ now, claim.state, note.trimmed() });
    const qint64 id = storage::WorkflowRepository(m_database).insertClaim(claim);
    m_journal.record(conversationId, order.id, QStringLiteral("claim"),
        tr("opened %1 claim #%2 for order %3 (file by %4)")
            .arg(kind, QString::number(id), order.number,
                QDateTime::fromSecsSinceEpoch(claim.filingDeadline, Qt::UTC).toString(Qt::ISODate).left(10)));
    transaction.commit();
    return id;
}

void ClaimWorkflow::advance(qint64 claimId, const Step &step)
{
    storage::TransactionGuard transaction(m_database);
    const storage::WorkflowRepository workflows(m_database);
    const auto claim = workflows.findClaim(claimId);
    if (!claim) {
        throw StorageError(StorageError::Kind::NotFound, tr("The claim does not exist any more."));
    }
    if (const QString why = graph().refusal(claim->state, step.state, step.note); !why.isEmpty()) {
        refuse(why);
    }
    const domain::Order order = m_journal.order(claim->orderId);
    if (!step.remedy.isEmpty() && step.remedy != QLatin1String("reship") && step.remedy != QLatin1String("refund")) {
        refuse(tr("The remedy for the customer is a reshipment or a refund."));
    }
    if (step.state == QLatin1String("evidence")) {
        if (step.evidenceAttachmentIds.isEmpty() && step.note.trimmed().isEmpty()) {
            refuse(tr("Choose the photos or documents to send, or say in the note why there are none."));
        }
        for (const qint64 attachmentId : step.evidenceAttachmentIds) {
            storage::SqlQuery q(m_database,
                QStringLiteral("SELECT 1 FROM attachments a JOIN messages m ON m.id = a.message_id "
                               "WHERE a.id = ? AND m.conversation_id = ?"));
            q.bind(attachmentId).bind(claim->conversationId).exec();
            if (!q.next()) {
                refuse(tr("Evidence must be an attachment of this conversation."));
            }
        }
    }
    const QString number = step.claimNumber.trimmed();
    if (step.state == QLatin1String("filed") && number.isEmpty() && claim->claimNumber.isEmpty()) {
        refuse(tr("Add the claim number the carrier gave you."));
    }
    qint64 amount = claim->amountCents;
    if (step.state == QLatin1String("paid")) {
        if (step.amountCents <= 0) {
            refuse(tr("Say how much the carrier paid."));
        }
        if (step.amountCents > order.totalCents) {
            refuse(tr("The carrier cannot pay more than order %1 was worth (%2).")
                       .arg(order.number, WorkflowJournal::money(order.currency, order.totalCents)));
        }
        amount = step.amountCents;
    }
    const qint64 at = m_journal.now();
    workflows.addClaimEvidence(claimId, step.evidenceAttachmentIds);
    workflows.setClaimDetails(claimId, number, amount, step.remedy);
    workflows.addClaimStep(claimId, { at, step.state, step.note.trimmed() });
    QString detail = tr("claim #%1: %2").arg(QString::number(claimId), domain::ClaimState::displayName(step.state));
    if (!number.isEmpty()) {
        detail += tr(" (carrier reference %1)").arg(number);
    }
    if (!step.remedy.isEmpty()) {
        detail += tr("; the customer gets a %1")
                      .arg(step.remedy == QLatin1String("reship") ? tr("reshipment") : tr("refund"));
    }
    if (!step.note.trimmed().isEmpty()) {
        detail += QStringLiteral(" — ") + step.note.trimmed();
    }
    m_journal.record(claim->conversationId, order.id, QStringLiteral("claim"), detail);
    transaction.commit();
}

} // namespace waybill::engine
