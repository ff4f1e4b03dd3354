// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Precision and recall of order linking on 2,000 labelled generated messages (tests/support/LinkingCorpus): a
// link counts when its confidence reaches OrderLinker::AutoLinkConfidence, the threshold at which incoming mail is
// linked without an agent. Budget: precision ≥ 0.98, recall ≥ 0.95.
#include "LinkingCorpus.h"
#include "TestWorkspace.h"
#include "engine/OrderLinker.h"
#include "storage/CustomerRepository.h"

#include <QHash>

#include <gtest/gtest.h>

using namespace waybill;
using engine::OrderLinker;
using waybill::testing::LinkingCorpus;

namespace {

TEST(OrderLinkingAccuracyTest, PrecisionAndRecallOnTwoThousandLabelledMessages)
{
    waybill::testing::TestWorkspace workspace;
    const QList<LinkingCorpus::Message> corpus = LinkingCorpus::generate(workspace.db(), 600, 2000, 7);
    ASSERT_EQ(corpus.size(), 2000);
    const storage::CustomerRepository customers(workspace.db());
    const OrderLinker linker(workspace.db());
    int linked = 0, correct = 0, labelled = 0;
    QHash<QString, int> wrongByKind, missedByKind;
    for (const LinkingCorpus::Message &m : corpus) {
        const auto owner = customers.findByIdentity(QStringLiteral("email"), m.fromAddress);
        const OrderLinker::Link link
            = linker.link(m.subject, m.body, owner ? owner->customerId : 0, LinkingCorpus::Now);
        const bool autoLinked = link.orderId != 0 && link.confidence >= OrderLinker::AutoLinkConfidence;
        labelled += m.expectedOrderId != 0 ? 1 : 0;
        if (autoLinked) {
            ++linked;
            if (link.orderId == m.expectedOrderId) {
                ++correct;
            } else {
                ++wrongByKind[m.kind];
            }
        } else if (m.expectedOrderId != 0) {
            ++missedByKind[m.kind];
        }
    }
    const double precision = double(correct) / linked;
    const double recall = double(correct) / labelled;
    std::printf("order linking: %d messages, %d about an order; %d linked, %d correctly: precision %.3f, recall %.3f\n",
        int(corpus.size()), labelled, linked, correct, precision, recall);
    for (auto it = wrongByKind.cbegin(); it != wrongByKind.cend(); ++it) {
        std::printf("  wrong: %s × %d\n", qPrintable(it.key()), it.value());
    }
    for (auto it = missedByKind.cbegin(); it != missedByKind.cend(); ++it) {
        std::printf("  missed: %s × %d\n", qPrintable(it.key()), it.value());
    }
    EXPECT_GE(precision, 0.98);
    EXPECT_GE(recall, 0.95);
}

TEST(OrderLinkingAccuracyTest, LinksFromAPrefetchedBatchAsFromTheDatabase)
{
    waybill::testing::TestWorkspace workspace;
    const QList<LinkingCorpus::Message> corpus = LinkingCorpus::generate(workspace.db(), 600, 2000, 11);
    const storage::CustomerRepository customers(workspace.db());
    const OrderLinker linker(workspace.db());
    QList<OrderLinker::Candidates> candidates;
    for (const LinkingCorpus::Message &m : corpus) {
        candidates.append(OrderLinker::Candidates::in(m.subject, m.body));
    }
    QList<const OrderLinker::Candidates *> batch;
    for (const OrderLinker::Candidates &c : std::as_const(candidates)) {
        batch.append(&c);
    }
    const OrderLinker::Prefetched prefetched = linker.prefetch(batch);
    const QSet<QString> existing = linker.existingNumbers();
    const OrderLinker::Prefetched filtered = linker.prefetch(batch, &existing);
    int linked = 0;
    for (qsizetype i = 0; i < corpus.size(); ++i) {
        const auto owner = customers.findByIdentity(QStringLiteral("email"), corpus.at(i).fromAddress);
        const qint64 customerId = owner ? owner->customerId : 0;
        const OrderLinker::Link direct = linker.link(candidates.at(i), customerId, LinkingCorpus::Now);
        const OrderLinker::Link fromBatch
            = linker.link(candidates.at(i), customerId, LinkingCorpus::Now, false, &prefetched);
        ASSERT_EQ(fromBatch.orderId, direct.orderId) << qPrintable(corpus.at(i).body);
        ASSERT_EQ(fromBatch.confidence, direct.confidence);
        ASSERT_EQ(fromBatch.reason, direct.reason);
        const OrderLinker::Link fromFiltered
            = linker.link(candidates.at(i), customerId, LinkingCorpus::Now, false, &filtered);
        ASSERT_EQ(fromFiltered.orderId, direct.orderId);
        ASSERT_EQ(fromFiltered.reason, direct.reason);
        linked += direct.orderId != 0 ? 1 : 0;
    }
    EXPECT_GT(linked, 1000); // the corpus names orders by number, tracking number and customer
}

} // namespace
