// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl tracking apply` as a user runs it: a real process with a recorded EasyPost webhook.
#include "CtlRun.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using waybill::testing::CtlRun;

const QString Webhook = QStringLiteral(
    WAYBILL_TEST_DATA_DIR "/third_party/easypost-examples/official/guides/tracking-guide/json/tracking-webhook.json");

class WaybillctlTrackingTest : public ::testing::Test {
protected:
    CtlRun waybillctl(QStringList arguments)
    {
        arguments << QStringLiteral("--workspace") << dir.path();
        return CtlRun::of(QStringLiteral(WAYBILLCTL_PATH), arguments);
    }

    /// An order shipped with the webhook's tracking number, imported as a user would.
    void importOrder()
    {
        QFile csv(dir.filePath(QStringLiteral("orders.csv")));
        ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
        csv.write("number,placed_at,total,email,tracking,carrier\n#5001,2026-03-01 10:00,10.00,ana@mail.example,"
                  "EZ4000000004,USPS\n");
        csv.close();
        const CtlRun run = waybillctl({ QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("--csv"),
            csv.fileName(), QStringLiteral("--map"), QStringLiteral("number=number"), QStringLiteral("--map"),
            QStringLiteral("placed_at=placed_at"), QStringLiteral("--map"), QStringLiteral("total=total"),
            QStringLiteral("--map"), QStringLiteral("email=email"), QStringLiteral("--map"),
            QStringLiteral("tracking=tracking"), QStringLiteral("--map"), QStringLiteral("carrier=carrier") });
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        ASSERT_TRUE(run.out.contains(QStringLiteral("1 shipment"))) << run.out.toStdString();
    }

    QTemporaryDir dir;
};

TEST_F(WaybillctlTrackingTest, AWebhookUpdatesItsShipmentOnceEvenWhenDeliveredTwice)
{
    importOrder();
    const CtlRun first = waybillctl({ QStringLiteral("tracking"), QStringLiteral("apply"), Webhook });
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.startsWith(QStringLiteral("EasyPost: EZ4000000004 → "))) << first.out.toStdString();
    EXPECT_FALSE(first.out.contains(QStringLiteral(", 0 new events"))) << first.out.toStdString();
    const CtlRun again = waybillctl({ QStringLiteral("tracking"), QStringLiteral("apply"), Webhook });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral(", 0 new events"))) << again.out.toStdString();
}

TEST_F(WaybillctlTrackingTest, UnknownParcelsAndUnreadablePayloadsAreSaidInOneLine)
{
    const CtlRun none = waybillctl({ QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("5") });
    ASSERT_EQ(none.exitCode, 0) << none.err.toStdString();
    const CtlRun unknown = waybillctl({ QStringLiteral("tracking"), QStringLiteral("apply"), Webhook });
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.out.contains(QStringLiteral("EZ4000000004 is not a shipment in this workspace")))
        << unknown.out.toStdString();
    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("{\"object\": \"Event\", \"result\": {\"tracking_code\": ");
    broken.close();
    const CtlRun bad = waybillctl({ QStringLiteral("tracking"), QStringLiteral("apply"), broken.fileName() });
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_EQ(bad.err.count(u'\n'), 1) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.startsWith(QStringLiteral("waybillctl tracking: "))) << bad.err.toStdString();
    EXPECT_TRUE(bad.out.isEmpty());
}

} // namespace
