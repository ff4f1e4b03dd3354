// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkflowTestFixture.h"
#include "domain/WorkflowStates.h"
#include "engine/ClaimWorkflow.h"
#include "storage/StorageError.h"
#include "storage/WorkflowRepository.h"

#include <QSet>

using namespace waybill;
using engine::ClaimWorkflow;
using storage::StorageError;

namespace {

TEST(ClaimWorkflowGraphTest, EveryTransitionIsAllowedSkippedWithANoteOrRefused)
{
    using Pair = std::pair<QString, QString>;
    const QSet<Pair> regular = { { QStringLiteral("opened"), QStringLiteral("evidence") },
        { QStringLiteral("evidence"), QStringLiteral("filed") },
        { QStringLiteral("filed"), QStringLiteral("approved") }, { QStringLiteral("filed"), QStringLiteral("denied") },
        { QStringLiteral("approved"), QStringLiteral("paid") }, { QStringLiteral("denied"), QStringLiteral("closed") },
        { QStringLiteral("paid"), QStringLiteral("closed") } };
    const QSet<Pair> skips = { { QStringLiteral("opened"), QStringLiteral("filed") },
        { QStringLiteral("opened"), QStringLiteral("approved") },
        { QStringLiteral("opened"), QStringLiteral("denied") }, { QStringLiteral("opened"), QStringLiteral("paid") },
        { QStringLiteral("opened"), QStringLiteral("closed") },
        { QStringLiteral("evidence"), QStringLiteral("approved") },
        { QStringLiteral("evidence"), QStringLiteral("denied") },
        { QStringLiteral("evidence"), QStringLiteral("paid") },
        { QStringLiteral("evidence"), QStringLiteral("closed") }, { QStringLiteral("filed"), QStringLiteral("paid") },
        { QStringLiteral("filed"), QStringLiteral("closed") },
        { QStringLiteral("approved"), QStringLiteral("closed") } };
    const QStringList states = domain::ClaimState::keys();
    ASSERT_EQ(states.size(), 7);
    for (const QString &from : states) {
        for (const QString &to : states) {
            const QString bare = ClaimWorkflow::graph().refusal(from, to, {});
            const QString explained = ClaimWorkflow::graph().refusal(from, to, QStringLiteral("carrier phoned"));
            const std::string where = QString(from + QStringLiteral(" → ") + to).toStdString();
            if (regular.contains({ from, to })) {
                EXPECT_TRUE(bare.isEmpty()) << where << ": " << bare.toStdString();
            } else if (skips.contains({ from, to })) {
                EXPECT_FALSE(bare.isEmpty()) << where;
                EXPECT_TRUE(explained.isEmpty()) << where << ": " << explained.toStdString();
            } else {
                EXPECT_FALSE(explained.isEmpty()) << where << " must be refused";
            }
        }
    }
}

TEST(ClaimWorkflowGraphTest, FilingWindowsFollowTheCarrierAndTheKindOfClaim)
{
    EXPECT_EQ(ClaimWorkflow::filingWindowDays(QStringLiteral("ups"), QStringLiteral("lost")), 60);
    EXPECT_EQ(ClaimWorkflow::filingWindowDays(QStringLiteral("fedex"), QStringLiteral("damaged")), 21);
    EXPECT_EQ(ClaimWorkflow::filingWindowDays(QStringLiteral("fedex"), QStringLiteral("lost")), 60);
    EXPECT_EQ(ClaimWorkflow::filingWindowDays(QStringLiteral("yamato"), QStringLiteral("damaged")), 14);
    EXPECT_EQ(ClaimWorkflow::filingWindowDays(QStringLiteral("some_local_courier"), QStringLiteral("late")), 30);
}

class ClaimWorkflowTest : public waybill::testing::WorkflowTestFixture {
protected:
    ClaimWorkflow workflow { workspace.db(), 0, [this] { return now; } };

    domain::Claim stored(qint64 id) { return *storage::WorkflowRepository(db()).findClaim(id); }
};

TEST_F(ClaimWorkflowTest, ADamagedParcelClaimRunsWithEvidenceFromTheConversation)
{
    const qint64 photo = addPhoto(conversationId);
    const qint64 id = workflow.open(conversationId, QStringLiteral("damaged"), 0, QStringLiteral("box crushed"));
    auto claim = stored(id);
    EXPECT_EQ(claim.shipmentId, shipmentId);
    EXPECT_EQ(claim.filingDeadline, Now - 8 * Day + 60 * Day); // UPS: 60 days from shipping
    EXPECT_EQ(conversation().claimState, QStringLiteral("opened"));

    workflow.advance(id, { QStringLiteral("evidence"), {}, { photo }, {}, 0, QStringLiteral("reship") });
    workflow.advance(id, { QStringLiteral("filed"), {}, {}, QStringLiteral("UPS-CLM-4471"), 0, {} });
    workflow.advance(id, { QStringLiteral("approved"), {}, {}, {}, 0, {} });
    workflow.advance(id, { QStringLiteral("paid"), {}, {}, {}, 3000, {} });
    workflow.advance(id, { QStringLiteral("closed"), {}, {}, {}, 0, {} });
    claim = stored(id);
    EXPECT_EQ(claim.evidenceAttachmentIds, QList<qint64> { photo });
    EXPECT_EQ(claim.claimNumber, QStringLiteral("UPS-CLM-4471"));
    EXPECT_EQ(claim.amountCents, 3000);
    EXPECT_EQ(claim.remedy, QStringLiteral("reship"));
    EXPECT_EQ(claim.history.size(), 6);
    EXPECT_EQ(conversation().claimState, QStringLiteral("closed"));
    const auto entries = audit();
    ASSERT_EQ(entries.size(), 6);
    EXPECT_TRUE(entries.at(1).detail.contains(QStringLiteral("reshipment"))) << entries.at(1).detail.toStdString();
    EXPECT_TRUE(entries.at(2).detail.contains(QStringLiteral("UPS-CLM-4471")));
}

TEST_F(ClaimWorkflowTest, RefusedStepsSayWhy)
{
    expectRefused([&] { workflow.open(conversationId, QStringLiteral("stolen"), 0); }, QStringLiteral("lost, damaged"));
    expectRefused([&] { workflow.open(conversationId, QStringLiteral("lost"), 424242); }, QStringLiteral("shipment"));
    const qint64 id = workflow.open(conversationId, QStringLiteral("lost"), shipmentId);
    // Evidence must come from this conversation.
    domain::ConversationSummary other = conversation();
    other.id = 0;
    const qint64 otherConversation = storage::ConversationRepository(db()).insert(other);
    const qint64 foreignPhoto = addPhoto(otherConversation);
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("evidence"), {}, { foreignPhoto }, {}, 0, {} });
        },
        QStringLiteral("attachment of this conversation"));
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("evidence"), {}, {}, {}, 0, {} });
        },
        QStringLiteral("say in the note"));
    workflow.advance(id,
        { QStringLiteral("filed"), QStringLiteral("lost parcels need no photos"), {}, QStringLiteral("1234"), 0, {} });
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("evidence"), QStringLiteral("late photos"), {}, {}, 0, {} });
        },
        QStringLiteral("forward"));
    workflow.advance(id, { QStringLiteral("approved"), {}, {}, {}, 0, QStringLiteral("refund") });
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("paid"), {}, {}, {}, 6001, {} });
        },
        QStringLiteral("USD 60.00"));
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("paid"), {}, {}, {}, 0, QStringLiteral("voucher") });
        },
        QStringLiteral("reshipment or a refund"));
    EXPECT_EQ(stored(id).state, QStringLiteral("approved"));
}

TEST_F(ClaimWorkflowTest, FilingNeedsTheCarriersClaimNumber)
{
    const qint64 id = workflow.open(conversationId, QStringLiteral("late"), 0);
    workflow.advance(
        id, { QStringLiteral("evidence"), QStringLiteral("tracking history is the evidence"), {}, {}, 0, {} });
    expectRefused(
        [&] {
            workflow.advance(id, { QStringLiteral("filed"), {}, {}, {}, 0, {} });
        },
        QStringLiteral("claim number"));
}

} // namespace
