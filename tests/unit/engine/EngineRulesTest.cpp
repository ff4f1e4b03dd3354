// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// The engine runs the proactive rules by itself: a pass when it starts, announced as changed conversations, and
// runRules() on demand acting only on what is new.
#include "FakeCredentialStore.h"
#include "TestWorkspace.h"
#include "domain/Order.h"
#include "domain/Shipment.h"
#include "engine/Engine.h"
#include "storage/OrderRepository.h"
#include "storage/SqlQuery.h"

#include <QDateTime>
#include <QSignalSpy>

#include <gtest/gtest.h>

using waybill::engine::Engine;
using waybill::testing::FakeCredentialStore;
using waybill::testing::TestWorkspace;
using namespace waybill;

namespace {

constexpr qint64 Day = 24 * 3600;

qint64 count(const storage::Database &db, const QString &sql)
{
    storage::SqlQuery q(db, sql);
    q.exec();
    return q.next() ? q.int64(0) : -1;
}

} // namespace

TEST(EngineRulesTest, APassAtStartOpensTheConversationOfALateParcel)
{
    TestWorkspace workspace(TestWorkspace::Kind::OnDisk);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const storage::OrderRepository orders(workspace.db());
    const qint64 orderId = orders.insert({ 0, QStringLiteral("shopify"), QStringLiteral("#2001"), 0, now - 10 * Day,
        QStringLiteral("USD"), 5000, 0, 0, 5000, QStringLiteral("paid"), {} });
    domain::Shipment shipment;
    shipment.orderId = orderId;
    shipment.carrier = QStringLiteral("ups");
    shipment.trackingNumber = QStringLiteral("1Z999AA10123456784");
    shipment.status = domain::TrackingStatus::InTransit;
    shipment.shippedAt = now - 6 * Day;
    shipment.lateAfter = now - Day;
    orders.insertShipment(shipment);
    // Open and tag, no message: the test does not depend on the machine's clock falling outside quiet hours.
    workspace.db().execute(QStringLiteral("DELETE FROM rules"));
    workspace.db().execute(
        QStringLiteral("INSERT INTO rules (name, trigger, act_open, act_tag, created_at, updated_at) "
                       "VALUES ('Late: look at it', 'late', 1, 'late', 0, 0)"));

    Engine engine(workspace.directory(), std::make_unique<FakeCredentialStore>());
    QSignalSpy changed(&engine, &Engine::conversationsChanged);
    engine.start();
    ASSERT_TRUE(changed.wait(10000));
    const auto ids = changed.at(0).at(0).value<QList<qint64>>();
    ASSERT_EQ(ids.size(), 1);
    EXPECT_EQ(
        count(workspace.db(),
            QStringLiteral("SELECT count(*) FROM conversations WHERE order_id = %1 AND status = 'open'").arg(orderId)),
        1);
    EXPECT_EQ(count(workspace.db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'rule'")), 2);

    engine.runRules(); // nothing new: nothing happens again
    EXPECT_EQ(changed.size(), 1);
    EXPECT_EQ(count(workspace.db(), QStringLiteral("SELECT count(*) FROM conversations")), 1);
    engine.stop();
}
