// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// waybillctl as a user runs it: a real process, its exit code, what it prints.
#include "CtlRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using waybill::testing::CtlRun;

CtlRun waybillctl(
    const QStringList &arguments, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return CtlRun::of(QStringLiteral(WAYBILLCTL_PATH), arguments, environment);
}

class WaybillctlTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        const CtlRun demo = waybillctl(
            { QStringLiteral("demo"), QStringLiteral("--workspace"), s_dir->path(), QStringLiteral("--conversations"),
                QStringLiteral("1200"), QStringLiteral("--now"), QStringLiteral("1795000000") });
        ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QStringList ws(QStringList arguments) { return arguments << QStringLiteral("--workspace") << s_dir->path(); }

    static QTemporaryDir *s_dir;
};

QTemporaryDir *WaybillctlTest::s_dir = nullptr;

TEST_F(WaybillctlTest, StatsAsJsonCountsEveryView)
{
    const CtlRun run = waybillctl(ws({ QStringLiteral("stats"), QStringLiteral("--json") }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(json.size(), 15);
    const qint64 all = json.value(QStringLiteral("open")).toInteger()
        + json.value(QStringLiteral("waiting")).toInteger() + json.value(QStringLiteral("snoozed")).toInteger()
        + json.value(QStringLiteral("closed")).toInteger();
    EXPECT_EQ(all, 1200);
    EXPECT_GT(json.value(QStringLiteral("delivery_problems")).toInteger(), 0);
    EXPECT_GT(json.value(QStringLiteral("channel:amazon")).toInteger(), 0);
}

TEST_F(WaybillctlTest, SearchFindsJapaneseAndRespectsLimit)
{
    const CtlRun run = waybillctl(ws({ QStringLiteral("search"), QString::fromUtf8("配送"), QStringLiteral("--json"),
        QStringLiteral("--limit"), QStringLiteral("3") }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonArray results = QJsonDocument::fromJson(run.out.toUtf8()).array();
    EXPECT_EQ(results.size(), 3);
}

TEST_F(WaybillctlTest, ShowPrintsConversationWithOrderAndShipment)
{
    const CtlRun run = waybillctl(ws({ QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json") }));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(json.value(QStringLiteral("id")).toInteger(), 1);
    EXPECT_FALSE(json.value(QStringLiteral("messages")).toArray().isEmpty());
    EXPECT_FALSE(json.value(QStringLiteral("order")).toObject().value(QStringLiteral("number")).toString().isEmpty());
    EXPECT_FALSE(json.value(QStringLiteral("shipments")).toArray().isEmpty());
    EXPECT_FALSE(
        json.value(QStringLiteral("customer")).toObject().value(QStringLiteral("identities")).toArray().isEmpty());
}

TEST_F(WaybillctlTest, BadArgumentsGiveOneLineAndExitTwo)
{
    for (const QStringList &arguments :
        { QStringList { QStringLiteral("frobnicate") }, QStringList { QStringLiteral("show"), QStringLiteral("abc") },
            QStringList { QStringLiteral("search") }, QStringList { QStringLiteral("--bogus") },
            QStringList { QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("-5") } }) {
        const CtlRun run = waybillctl(ws(arguments));
        EXPECT_EQ(run.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_EQ(run.err.trimmed().count(u'\n'), 0) << run.err.toStdString();
        EXPECT_TRUE(run.err.startsWith(QLatin1String("waybillctl"))) << run.err.toStdString();
    }
}

TEST_F(WaybillctlTest, OAuthWithoutAClientIdNamesTheVariableAndStoresNothing)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_GMAIL"));
    environment.remove(QStringLiteral("WAYBILL_OAUTH_CLIENT_ID_MICROSOFT"));
    const QStringList add { QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("email"),
        QStringLiteral("--user"), QStringLiteral("shop@gmail.com"), QStringLiteral("--no-browser") };
    CtlRun run = waybillctl(ws(add + QStringList { QStringLiteral("--oauth"), QStringLiteral("gmail") }), environment);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_EQ(run.err.trimmed().count(u'\n'), 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.startsWith(QLatin1String("waybillctl account add:"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QLatin1String("WAYBILL_OAUTH_CLIENT_ID_GMAIL"))) << run.err.toStdString();
    EXPECT_FALSE(run.err.contains(QLatin1String("http"))) << "no sign-in starts: " << run.err.toStdString();

    run = waybillctl(ws(add + QStringList { QStringLiteral("--oauth"), QStringLiteral("microsoft") }), environment);
    EXPECT_NE(run.exitCode, 0);
    EXPECT_TRUE(run.err.contains(QLatin1String("WAYBILL_OAUTH_CLIENT_ID_MICROSOFT"))) << run.err.toStdString();

    const CtlRun list = waybillctl(ws({ QStringLiteral("account"), QStringLiteral("list") }));
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_FALSE(list.out.contains(QLatin1String("shop@gmail.com"))) << list.out.toStdString();
}

TEST_F(WaybillctlTest, APasswordAndAnOAuthSignInAreNotBothAccepted)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MAILPW"), QStringLiteral("secret"));
    const QStringList add { QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("email"),
        QStringLiteral("--user"), QStringLiteral("shop@gmail.com") };
    CtlRun run = waybillctl(ws(add
                                + QStringList { QStringLiteral("--oauth"), QStringLiteral("gmail"),
                                    QStringLiteral("--password-env"), QStringLiteral("MAILPW") }),
        environment);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.trimmed().count(u'\n'), 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QLatin1String("not both"))) << run.err.toStdString();

    run = waybillctl(ws(add + QStringList { QStringLiteral("--oauth"), QStringLiteral("yahoo") }), environment);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QLatin1String("gmail or microsoft"))) << run.err.toStdString();
}

TEST_F(WaybillctlTest, MissingOrDamagedWorkspaceIsRefusedClearly)
{
    QTemporaryDir empty;
    CtlRun run = waybillctl({ QStringLiteral("stats"), QStringLiteral("--workspace"), empty.path() });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1String("There is no workspace"))) << run.err.toStdString();

    QFile garbage(empty.path() + QStringLiteral("/waybill.sqlite"));
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    const QByteArray bytes(8192, 'x');
    garbage.write(bytes);
    garbage.close();
    run = waybillctl({ QStringLiteral("stats"), QStringLiteral("--workspace"), empty.path() });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1String("damaged"))) << run.err.toStdString();
    EXPECT_EQ(run.err.trimmed().count(u'\n'), 0);
    ASSERT_TRUE(garbage.open(QIODevice::ReadOnly));
    EXPECT_EQ(garbage.readAll(), bytes);
}

TEST_F(WaybillctlTest, DemoRefusesAWorkspaceThatHoldsData)
{
    const CtlRun run
        = waybillctl(ws({ QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("10") }));
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.err.contains(QLatin1String("already holds conversations")));
}

TEST_F(WaybillctlTest, BenchReportsEveryBudget)
{
    const CtlRun run = waybillctl(
        ws({ QStringLiteral("bench"), QStringLiteral("--json"), QStringLiteral("--iterations"), QStringLiteral("3") }));
    const QJsonArray results
        = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("results")).toArray();
    ASSERT_FALSE(results.isEmpty()) << run.err.toStdString();
    bool sawCounts = false;
    for (const QJsonValue &value : results) {
        const QJsonObject result = value.toObject();
        EXPECT_GT(result.value(QStringLiteral("budget_ms")).toDouble(), 0.0);
        sawCounts = sawCounts || result.value(QStringLiteral("name")).toString() == QLatin1String("all view counts");
    }
    EXPECT_TRUE(sawCounts);
}

} // namespace
