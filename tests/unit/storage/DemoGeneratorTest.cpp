// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The demo workspace: deterministic for a seed and "now", and covering every tracking status, return and claim
// state, channel and language, with a long thread.
#include "TestWorkspace.h"
#include "demo/DemoGenerator.h"
#include "domain/Channel.h"
#include "domain/ConversationStatus.h"
#include "domain/TrackingStatus.h"
#include "domain/WorkflowStates.h"
#include "storage/SqlQuery.h"

#include <QCryptographicHash>
#include <QSet>

#include <gtest/gtest.h>
#include <memory>

using namespace waybill;
using storage::SqlQuery;

namespace {

constexpr qint64 Now = 1772000000;
constexpr int Conversations = 1200;

QSet<QString> textColumn(const storage::Database &db, const QString &sql)
{
    SqlQuery q(db, sql);
    q.exec();
    QSet<QString> values;
    while (q.next()) {
        values.insert(q.text(0));
    }
    return values;
}

qint64 scalar(const storage::Database &db, const QString &sql)
{
    SqlQuery q(db, sql);
    q.exec();
    return q.next() ? q.int64(0) : -1;
}

/// A digest of the columns that make the demo what it is.
QByteArray digest(const storage::Database &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &sql :
        { QStringLiteral("SELECT id, channel, subject, preview, customer_name, order_number, tracking_status, "
                         "delivery_problem, return_state, claim_state, status, snoozed_until, assignee_id, team_id, "
                         "unread, created_at, last_activity, due_at FROM conversations ORDER BY id"),
            QStringLiteral(
                "SELECT id, conversation_id, direction, author, body_text, created_at FROM messages ORDER BY id"),
            QStringLiteral("SELECT id, name FROM customers ORDER BY id"),
            QStringLiteral("SELECT customer_id, kind, value FROM identities ORDER BY id"),
            QStringLiteral("SELECT id, number, placed_at, total_cents FROM orders ORDER BY id"),
            QStringLiteral("SELECT id, carrier, tracking_number, status, expected_at FROM shipments ORDER BY id"),
            QStringLiteral("SELECT shipment_id, occurred_at, status FROM tracking_events ORDER BY id"),
            QStringLiteral("SELECT order_id, state FROM returns ORDER BY id"),
            QStringLiteral("SELECT order_id, state, claim_number FROM claims ORDER BY id"),
            QStringLiteral("SELECT conversation_id, tag_id FROM conversation_tags ORDER BY 1, 2") }) {
        SqlQuery q(db, sql);
        q.exec();
        int columns = 0;
        for (const QChar ch : sql.section(QStringLiteral(" FROM "), 0, 0)) {
            columns += ch == u',' ? 1 : 0;
        }
        while (q.next()) {
            for (int c = 0; c <= columns; ++c) {
                hash.addData(q.text(c).toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
    }
    return hash.result();
}

class DemoGeneratorTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_workspace = std::make_unique<waybill::testing::TestWorkspace>();
        demo::DemoGenerator(s_workspace->db(), { Conversations, 9, Now, {} }).run();
    }
    static void TearDownTestSuite() { s_workspace.reset(); }
    static const storage::Database &db() { return s_workspace->db(); }

    static std::unique_ptr<waybill::testing::TestWorkspace> s_workspace;
};

std::unique_ptr<waybill::testing::TestWorkspace> DemoGeneratorTest::s_workspace;

} // namespace

TEST_F(DemoGeneratorTest, SameSeedAndNowGiveTheSameData)
{
    waybill::testing::TestWorkspace again;
    demo::DemoGenerator(again.db(), { Conversations, 9, Now, {} }).run();
    EXPECT_EQ(digest(again.db()), digest(db()));

    waybill::testing::TestWorkspace otherSeed;
    demo::DemoGenerator(otherSeed.db(), { Conversations, 10, Now, {} }).run();
    EXPECT_NE(digest(otherSeed.db()), digest(db()));
}

TEST_F(DemoGeneratorTest, ProgressIsReportedAndCanStop)
{
    waybill::testing::TestWorkspace workspace;
    QList<int> seen;
    demo::DemoGenerator(workspace.db(), { 12000, 2, Now, {} }).run([&seen](int done, int total) {
        EXPECT_EQ(total, 12000);
        seen << done;
        return false; // stop after the first batch; it stays committed
    });
    ASSERT_EQ(seen.size(), 1);
    EXPECT_EQ(scalar(workspace.db(), QStringLiteral("SELECT count(*) FROM conversations")), seen.first());
}

TEST_F(DemoGeneratorTest, RequestedNumberOfConversations)
{
    EXPECT_EQ(scalar(db(), QStringLiteral("SELECT count(*) FROM conversations")), Conversations);
    EXPECT_EQ(scalar(db(), QStringLiteral("SELECT count(*) FROM agents")), 8);
    EXPECT_GT(scalar(db(), QStringLiteral("SELECT count(*) FROM templates")), 0);
    EXPECT_EQ(scalar(db(),
                  QStringLiteral("SELECT count(*) FROM agents WHERE email = '")
                      + demo::DemoGenerator::defaultAgentEmail() + u'\''),
        1);
}

TEST_F(DemoGeneratorTest, EveryTrackingStatusAppears)
{
    const QSet<QString> statuses
        = textColumn(db(), QStringLiteral("SELECT status FROM shipments UNION SELECT status FROM tracking_events"));
    for (const auto status : domain::AllTrackingStatuses) {
        EXPECT_TRUE(statuses.contains(domain::trackingStatusKey(status)))
            << domain::trackingStatusKey(status).toStdString();
    }
}

TEST_F(DemoGeneratorTest, EveryReturnAndClaimStateAppears)
{
    const QSet<QString> returns = textColumn(db(), QStringLiteral("SELECT state FROM returns"));
    for (const QString &state : domain::ReturnState::keys()) {
        EXPECT_TRUE(returns.contains(state)) << "return " << state.toStdString();
    }
    const QSet<QString> claims = textColumn(db(), QStringLiteral("SELECT state FROM claims"));
    for (const QString &state : domain::ClaimState::keys()) {
        EXPECT_TRUE(claims.contains(state)) << "claim " << state.toStdString();
    }
}

TEST_F(DemoGeneratorTest, EveryChannelAndStatusAppears)
{
    const QSet<QString> channels = textColumn(db(), QStringLiteral("SELECT DISTINCT channel FROM conversations"));
    for (const auto channel : domain::AllChannels) {
        EXPECT_TRUE(channels.contains(domain::channelKey(channel))) << domain::channelKey(channel).toStdString();
    }
    const QSet<QString> statuses = textColumn(db(), QStringLiteral("SELECT DISTINCT status FROM conversations"));
    for (const auto status : domain::AllConversationStatuses) {
        EXPECT_TRUE(statuses.contains(domain::statusKey(status))) << domain::statusKey(status).toStdString();
    }
}

TEST_F(DemoGeneratorTest, EnglishJapaneseAndChineseText)
{
    EXPECT_GT(scalar(db(), QStringLiteral("SELECT count(*) FROM messages WHERE body_text LIKE '%the%'")), 0);
    // Kana only occur in Japanese; 您好 only in the Chinese scripts.
    EXPECT_GT(scalar(db(), QString::fromUtf8("SELECT count(*) FROM messages WHERE body_text LIKE '%ありがとう%'")), 0);
    EXPECT_GT(scalar(db(), QString::fromUtf8("SELECT count(*) FROM messages WHERE body_text LIKE '%您好%'")), 0);
    EXPECT_GT(scalar(db(), QStringLiteral("SELECT count(*) FROM orders WHERE currency = 'JPY'")), 0);
    // Placeholders of the scripts are all replaced.
    for (const QString &placeholder : { QStringLiteral("%NAME%"), QStringLiteral("%ORDER%"),
             QStringLiteral("%CARRIER%"), QStringLiteral("%TRACKING%"), QStringLiteral("%AGENT%") }) {
        SqlQuery q(db(), QStringLiteral("SELECT count(*) FROM messages WHERE instr(body_text, ?) > 0"));
        q.bind(placeholder).exec();
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.int64(0), 0) << placeholder.toStdString();
    }
}

TEST_F(DemoGeneratorTest, SomeConversationHasALongThread)
{
    EXPECT_GE(scalar(db(),
                  QStringLiteral("SELECT max(n) FROM (SELECT count(*) AS n FROM messages "
                                 "GROUP BY conversation_id)")),
        50);
}

TEST_F(DemoGeneratorTest, RowsAreConsistentWithTheirOrders)
{
    // Every conversation's chips match its order's newest shipment.
    EXPECT_EQ(scalar(db(),
                  QStringLiteral("SELECT count(*) FROM conversations c JOIN orders o ON o.id = c.order_id "
                                 "JOIN shipments s ON s.order_id = o.id "
                                 "WHERE c.order_number <> o.number OR c.tracking_status <> s.status")),
        0);
    // Open conversations owe a reply; closed ones owe nothing.
    EXPECT_EQ(scalar(db(),
                  QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'open' "
                                 "AND due_at = 253402300799")),
        0);
    EXPECT_EQ(scalar(db(),
                  QStringLiteral("SELECT count(*) FROM conversations WHERE status = 'closed' "
                                 "AND due_at <> 253402300799")),
        0);
    EXPECT_EQ(scalar(db(),
                  QStringLiteral("SELECT count(*) FROM conversations WHERE last_activity > ") + QString::number(Now)),
        0);
}
