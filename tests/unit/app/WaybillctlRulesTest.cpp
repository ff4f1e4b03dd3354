// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl rules` as a user runs it: a real process on a demo workspace.
#include "CtlRun.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using waybill::testing::CtlRun;

class WaybillctlRulesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const CtlRun demo
            = waybillctl({ QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("300") });
        ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    }

    CtlRun waybillctl(QStringList arguments)
    {
        arguments << QStringLiteral("--workspace") << dir.path();
        return CtlRun::of(QStringLiteral(WAYBILLCTL_PATH), arguments);
    }

    /// The count in the summary line ("… in 12 ms: 7 would act.").
    static int summaryCount(const QString &out)
    {
        static const QRegularExpression summary(QStringLiteral(" ms: (\\d+) (would act|decisions applied)\\.$"));
        const auto match = summary.match(out.trimmed());
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

    QTemporaryDir dir;
};

TEST_F(WaybillctlRulesTest, ListsTheExampleRulesSwitchedOff)
{
    const CtlRun list = waybillctl({ QStringLiteral("rules"), QStringLiteral("list") });
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_EQ(list.out.count(u'\n'), 3) << list.out.toStdString();
    EXPECT_EQ(list.out.count(QStringLiteral("\toff\t")), 3) << list.out.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("Late parcel: tell the customer\tlate\ttag late, send “Delivery "
                                                 "delayed”")))
        << list.out.toStdString();
}

TEST_F(WaybillctlRulesTest, DryRunThenRunActsOnceAndOnlyOnce)
{
    const CtlRun off = waybillctl({ QStringLiteral("rules"), QStringLiteral("dry-run") });
    ASSERT_EQ(off.exitCode, 0) << off.err.toStdString();
    EXPECT_EQ(summaryCount(off.out), 0) << off.out.toStdString(); // every rule is off

    for (const char *id : { "1", "2", "3" }) {
        ASSERT_EQ(
            waybillctl({ QStringLiteral("rules"), QStringLiteral("enable"), QString::fromLatin1(id) }).exitCode, 0);
    }
    const CtlRun dry = waybillctl({ QStringLiteral("rules"), QStringLiteral("dry-run") });
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    const int wouldAct = summaryCount(dry.out);
    ASSERT_GT(wouldAct, 0) << dry.out.toStdString(); // the demo has late and delivered parcels
    EXPECT_EQ(dry.out.count(u'\n'), wouldAct + 1);

    const CtlRun dryAgain = waybillctl({ QStringLiteral("rules"), QStringLiteral("dry-run") });
    EXPECT_EQ(summaryCount(dryAgain.out), wouldAct); // a dry run changed nothing

    const CtlRun run = waybillctl({ QStringLiteral("rules"), QStringLiteral("run") });
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const int applied = summaryCount(run.out);
    EXPECT_GT(applied, 0) << run.out.toStdString();
    EXPECT_LE(applied, wouldAct);
    const CtlRun again = waybillctl({ QStringLiteral("rules"), QStringLiteral("run") });
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(summaryCount(again.out), 0) << again.out.toStdString();
}

TEST_F(WaybillctlRulesTest, UnknownRulesAndWordsAreRefused)
{
    const CtlRun missing = waybillctl({ QStringLiteral("rules"), QStringLiteral("enable"), QStringLiteral("99") });
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("there is no rule 99"))) << missing.err.toStdString();
    const CtlRun nothing = waybillctl({ QStringLiteral("rules") });
    EXPECT_EQ(nothing.exitCode, 2);
    EXPECT_TRUE(nothing.err.startsWith(QStringLiteral("waybillctl rules: "))) << nothing.err.toStdString();
}

} // namespace
