// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowTestFixture.h"
#include "domain/WorkflowStates.h"
#include "engine/ReturnWorkflow.h"
#include "storage/StorageError.h"
#include "storage/TagRepository.h"
#include "storage/WorkflowRepository.h"

#include <QSet>

using namespace waybill;
using engine::ReturnWorkflow;
using storage::StorageError;

namespace {

using Pair = std::pair<QString, QString>;

QSet<Pair> pairs(std::initializer_list<std::pair<const char *, QStringList>> table)
{
    QSet<Pair> out;
    for (const auto &[from, tos] : table) {
        for (const QString &to : tos) {
            out.insert({ QString::fromLatin1(from), to });
        }
    }
    return out;
}

const QStringList Outcomes
    = { QStringLiteral("refunded"), QStringLiteral("exchanged"), QStringLiteral("store_credit") };

TEST(ReturnWorkflowGraphTest, EveryTransitionIsAllowedSkippedWithANoteOrRefused)
{
    const QSet<Pair> regular = pairs({ { "requested", { QStringLiteral("approved"), QStringLiteral("rejected") } },
        { "approved", { QStringLiteral("label_sent") } }, { "rejected", { QStringLiteral("closed") } },
        { "label_sent", { QStringLiteral("in_transit") } }, { "in_transit", { QStringLiteral("received") } },
        { "received", { QStringLiteral("inspected") } }, { "inspected", Outcomes },
        { "refunded", { QStringLiteral("closed") } }, { "exchanged", { QStringLiteral("closed") } },
        { "store_credit", { QStringLiteral("closed") } } });
    const QStringList afterInspection = Outcomes + QStringList { QStringLiteral("closed") };
    const QSet<Pair> skips = pairs({ { "requested",
                                         QStringList { QStringLiteral("label_sent"), QStringLiteral("in_transit"),
                                             QStringLiteral("received"), QStringLiteral("inspected") }
                                             + afterInspection },
        { "approved",
            QStringList { QStringLiteral("in_transit"), QStringLiteral("received"), QStringLiteral("inspected") }
                + afterInspection },
        { "label_sent", QStringList { QStringLiteral("received"), QStringLiteral("inspected") } + afterInspection },
        { "in_transit", QStringList { QStringLiteral("inspected") } + afterInspection },
        { "received", afterInspection }, { "inspected", { QStringLiteral("closed") } } });
    const QStringList states = domain::ReturnState::keys();
    ASSERT_EQ(states.size(), 11);
    for (const QString &from : states) {
        for (const QString &to : states) {
            const QString bare = ReturnWorkflow::graph().refusal(from, to, {});
            const QString explained = ReturnWorkflow::graph().refusal(from, to, QStringLiteral("customer asked"));
            const std::string where = QString(from + QStringLiteral(" → ") + to).toStdString();
            if (regular.contains({ from, to })) {
                EXPECT_TRUE(bare.isEmpty()) << where << ": " << bare.toStdString();
            } else if (skips.contains({ from, to })) {
                EXPECT_TRUE(bare.contains(QStringLiteral("say why"))) << where << ": " << bare.toStdString();
                EXPECT_TRUE(explained.isEmpty()) << where << ": " << explained.toStdString();
            } else {
                EXPECT_FALSE(explained.isEmpty()) << where << " must be refused";
            }
        }
    }
    EXPECT_FALSE(ReturnWorkflow::graph().refusal(QStringLiteral("requested"), QStringLiteral("lost"), {}).isEmpty());
}

class ReturnWorkflowTest : public waybill::testing::WorkflowTestFixture {
protected:
    ReturnWorkflow workflow { workspace.db(), 0, [this] { return now; } };

    domain::ReturnRequest stored(qint64 id) { return *storage::WorkflowRepository(db()).findReturn(id); }
};

TEST_F(ReturnWorkflowTest, AReturnRunsFromRequestToRefundOnTheConversation)
{
    const qint64 id = workflow.open(
        conversationId, QStringLiteral("arrived broken"), { { cupLine, {}, {}, 2 } }, QStringLiteral("photos sent"));
    EXPECT_EQ(conversation().returnState, QStringLiteral("requested"));
    const auto opened = stored(id);
    EXPECT_EQ(opened.amountCents, 3000);
    ASSERT_EQ(opened.items.size(), 1);
    EXPECT_EQ(opened.items.first().title, QStringLiteral("Espresso cup"));
    EXPECT_EQ(opened.conversationId, conversationId);

    const QList<ReturnWorkflow::Step> path
        = { { QStringLiteral("approved"), {}, 0, {} }, { QStringLiteral("label_sent"), {}, 0, {} },
              { QStringLiteral("in_transit"), {}, 0, QStringLiteral("RR123456785GB") },
              { QStringLiteral("received"), {}, 0, {} },
              { QStringLiteral("inspected"), QStringLiteral("both cups broken"), 0, {} },
              { QStringLiteral("refunded"), {}, 3000, {} }, { QStringLiteral("closed"), {}, 0, {} } };
    for (const ReturnWorkflow::Step &step : path) {
        now += 3600;
        workflow.advance(id, step);
        EXPECT_EQ(stored(id).state, step.state);
    }
    const auto done = stored(id);
    EXPECT_EQ(done.refundCents, 3000);
    EXPECT_EQ(done.returnTracking, QStringLiteral("RR123456785GB"));
    ASSERT_EQ(done.history.size(), 8); // the timeline shows every step
    EXPECT_EQ(done.history.at(5).note, QStringLiteral("both cups broken"));
    EXPECT_EQ(conversation().returnState, QStringLiteral("closed"));
    const auto entries = audit();
    ASSERT_EQ(entries.size(), 8);
    EXPECT_TRUE(entries.at(6).detail.contains(QStringLiteral("Refunded USD 30.00")))
        << entries.at(6).detail.toStdString();
    // Every step that talks to the customer has a template in a new workspace.
    const auto templates = storage::TagRepository(db()).templates();
    for (const QString &state : domain::ReturnState::keys()) {
        const QString name = ReturnWorkflow::templateName(state);
        if (!name.isEmpty()) {
            EXPECT_TRUE(std::any_of(templates.cbegin(), templates.cend(), [&](const auto &t) {
                return t.name == name;
            })) << name.toStdString();
        }
    }
}

TEST_F(ReturnWorkflowTest, OpeningNeedsAnOrderAReasonAndItemsThatWereOrdered)
{
    expectRefused([&] { workflow.open(conversationId, {}, { { cupLine, {}, {}, 1 } }); }, QStringLiteral("why"));
    expectRefused(
        [&] { workflow.open(conversationId, QStringLiteral("too small"), {}); }, QStringLiteral("at least one"));
    expectRefused(
        [&] {
            workflow.open(conversationId, QStringLiteral("too small"), { { cupLine, {}, {}, 3 } });
        },
        QStringLiteral("2 × Espresso cup"));
    expectRefused(
        [&] {
            workflow.open(conversationId, QStringLiteral("too small"), { { 999999, {}, {}, 1 } });
        },
        QStringLiteral("not part of order #1001"));
    storage::ConversationRepository(db()).setOrder(conversationId, 0, {}, conversation().version);
    expectRefused(
        [&] {
            workflow.open(conversationId, QStringLiteral("too small"), { { cupLine, {}, {}, 1 } });
        },
        QStringLiteral("Link the conversation to an order"));
    EXPECT_TRUE(storage::WorkflowRepository(db()).returnsForOrder(orderId).isEmpty());
}

TEST_F(ReturnWorkflowTest, RefusedStepsSayWhyAndChangeNothing)
{
    const qint64 id = workflow.open(conversationId, QStringLiteral("wrong colour"), { { teaLine, {}, {}, 1 } });
    expectRefused([&] { workflow.advance(id, { QStringLiteral("received"), {}, 0, {} }); }, QStringLiteral("say why"));
    workflow.advance(id, { QStringLiteral("approved"), {}, 0, {} });
    expectRefused([&] { workflow.advance(id, { QStringLiteral("requested"), {}, 0, {} }); }, QStringLiteral("forward"));
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("rejected"), QStringLiteral("changed mind"), 0, {} });
        },
        QStringLiteral("forward"));
    workflow.advance(id, { QStringLiteral("label_sent"), {}, 0, {} });
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("in_transit"), {}, 0, {} });
        },
        QStringLiteral("tracking number"));
    // Skipping with a reason: the customer dropped the parcel at the shop.
    workflow.advance(id, { QStringLiteral("received"), QStringLiteral("handed in at the counter"), 0, {} });
    workflow.advance(id, { QStringLiteral("inspected"), {}, 0, {} });
    expectRefused([&] { workflow.advance(id, { QStringLiteral("refunded"), {}, 0, {} }); }, QStringLiteral("how much"));
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("refunded"), {}, 6001, {} });
        },
        QStringLiteral("at most USD 60.00"));
    EXPECT_EQ(stored(id).state, QStringLiteral("inspected"));
    EXPECT_EQ(stored(id).history.size(), 5);
}

TEST_F(ReturnWorkflowTest, RefundsOfAllTheOrdersReturnsStayWithinWhatWasPaid)
{
    const qint64 first = workflow.open(conversationId, QStringLiteral("broken"), { { cupLine, {}, {}, 2 } });
    workflow.advance(first, { QStringLiteral("refunded"), QStringLiteral("refund without return"), 4500, {} });
    const qint64 second = workflow.open(conversationId, QStringLiteral("not as described"), { { teaLine, {}, {}, 1 } });
    expectRefused(
        [&] {
            workflow.advance(second, { QStringLiteral("store_credit"), QStringLiteral("goodwill"), 2000, {} });
        },
        QStringLiteral("USD 45.00 is already refunded, so at most USD 15.00"));
    workflow.advance(second, { QStringLiteral("store_credit"), QStringLiteral("goodwill"), 1500, {} });
    EXPECT_EQ(storage::WorkflowRepository(db()).refundedForOrder(orderId), 6000);
    workflow.advance(second, { QStringLiteral("closed"), {}, 0, {} });
    expectRefused(
        [&] {
            workflow.advance(second, { QStringLiteral("approved"), QStringLiteral("reopen"), 0, {} });
        },
        QStringLiteral("finished"));
}

} // namespace
