// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl import orders` as a user runs it: a real process, its exit code, what it prints.
#include "CtlRun.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using waybill::testing::CtlRun;

QString sample(const char *name)
{
    return QStringLiteral(WAYBILL_TEST_DATA_DIR "/orders/") + QString::fromLatin1(name);
}

class WaybillctlImportOrdersTest : public ::testing::Test {
protected:
    CtlRun waybillctl(QStringList arguments)
    {
        arguments << QStringLiteral("--workspace") << dir.path();
        return CtlRun::of(QStringLiteral(WAYBILLCTL_PATH), arguments);
    }

    QTemporaryDir dir;
};

} // namespace

TEST_F(WaybillctlImportOrdersTest, ImportsAPresetAndImportingAgainUpdates)
{
    const QStringList args { QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("--csv"),
        sample("shopify_orders_export.csv"), QStringLiteral("--preset"), QStringLiteral("shopify") };
    const CtlRun first = waybillctl(args);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    EXPECT_TRUE(first.out.startsWith(QStringLiteral("Imported 4 orders (shopify) from "))) << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(
        QStringLiteral(": 4 new, 0 updated, 3 new customers, 0 shipments; 5 rows read, 0 left out\n")))
        << first.out.toStdString();
    EXPECT_TRUE(first.err.isEmpty()) << "no progress bar when stderr is not a terminal: " << first.err.toStdString();

    const CtlRun again = waybillctl(args);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral(": 0 new, 4 updated, 0 new customers"))) << again.out.toStdString();

    const CtlRun search = waybillctl({ QStringLiteral("stats"), QStringLiteral("--json") });
    EXPECT_EQ(search.exitCode, 0) << search.err.toStdString();
}

TEST_F(WaybillctlImportOrdersTest, CustomMappingListsBadRowsWithLineNumbers)
{
    const CtlRun run = waybillctl({ QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("--csv"),
        sample("broken_orders.csv"), QStringLiteral("--source"), QStringLiteral("wholesale"), QStringLiteral("--map"),
        QStringLiteral("number=order_id"), QStringLiteral("--map"), QStringLiteral("placed_at=date"),
        QStringLiteral("--map"), QStringLiteral("total=total"), QStringLiteral("--map"), QStringLiteral("email=email"),
        QStringLiteral("--map"), QStringLiteral("tracking=tracking") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6) << run.out.toStdString();
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("Imported 2 orders (wholesale) from ")))
        << lines.at(0).toStdString();
    EXPECT_TRUE(lines.at(0).endsWith(QStringLiteral("1 shipment; 6 rows read, 4 left out")))
        << lines.at(0).toStdString();
    EXPECT_EQ(lines.at(1), QStringLiteral("line 3: the row has 8 fields where the header has 12"));
    EXPECT_EQ(lines.at(2), QStringLiteral("line 4: the date \"the day after tomorrow\" is not a date"));
    EXPECT_EQ(lines.at(3), QStringLiteral("line 5: \"thirty\" in column \"total\" is not an amount"));
    EXPECT_EQ(lines.at(4), QStringLiteral("line 7: a quoted field is not closed"));
    EXPECT_EQ(lines.at(5), QStringLiteral("Linked 0 conversations to orders."));
}

TEST_F(WaybillctlImportOrdersTest, ListsTheFirstTwentyBadRowsThenACount)
{
    QFile file(dir.filePath(QStringLiteral("many.csv")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("number,placed_at,total\n");
    for (int i = 0; i < 30; ++i) {
        file.write("N-" + QByteArray::number(i) + ",not a date,1.00\n");
    }
    file.write("N-ok,2026-03-01,1.00\n");
    file.close();
    const CtlRun run = waybillctl({ QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("--csv"),
        file.fileName(), QStringLiteral("--map"), QStringLiteral("number=number"), QStringLiteral("--map"),
        QStringLiteral("placed_at=placed_at") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 23) << run.out.toStdString();
    EXPECT_TRUE(lines.at(0).contains(QStringLiteral("Imported 1 order (csv)")));
    EXPECT_EQ(lines.at(1), QStringLiteral("line 2: the date \"not a date\" is not a date"));
    EXPECT_EQ(lines.at(20), QStringLiteral("line 21: the date \"not a date\" is not a date"));
    EXPECT_EQ(lines.at(21), QStringLiteral("… and 10 more rows left out"));
    EXPECT_EQ(lines.at(22), QStringLiteral("Linked 0 conversations to orders."));
}

TEST_F(WaybillctlImportOrdersTest, MissingFileIsOneLineAndFails)
{
    const CtlRun run = waybillctl({ QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("--csv"),
        QStringLiteral("/nonexistent/orders.csv"), QStringLiteral("--preset"), QStringLiteral("shopify") });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, QStringLiteral("waybillctl import orders: there is no file /nonexistent/orders.csv\n"));
    EXPECT_TRUE(run.out.isEmpty());
}

TEST_F(WaybillctlImportOrdersTest, UnknownPresetIsOneLineAndFails)
{
    const CtlRun run = waybillctl({ QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("--csv"),
        sample("shopify_orders_export.csv"), QStringLiteral("--preset"), QStringLiteral("etsy") });
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(
        run.err, QStringLiteral("waybillctl import orders: unknown preset 'etsy' (presets: shopify, amazon, ebay)\n"));
}

TEST_F(WaybillctlImportOrdersTest, WrongPresetForTheFileSaysWhichColumnIsMissing)
{
    const CtlRun run = waybillctl({ QStringLiteral("import"), QStringLiteral("orders"), QStringLiteral("--csv"),
        sample("amazon_all_orders.txt"), QStringLiteral("--preset"), QStringLiteral("shopify") });
    EXPECT_EQ(run.exitCode, 1);
    const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 1) << run.err.toStdString();
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("waybillctl import: amazon_all_orders.txt cannot be imported: "
                                                      "the file has no column \"Name\"")))
        << lines.at(0).toStdString();
}
