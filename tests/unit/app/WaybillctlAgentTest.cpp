// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl agent` as a user runs it: a real process on a demo workspace lists agents and sets roles.
#include "CtlRun.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using waybill::testing::CtlRun;

class WaybillctlAgentTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const CtlRun demo
            = waybillctl({ QStringLiteral("demo"), QStringLiteral("--conversations"), QStringLiteral("20") });
        ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    }

    CtlRun waybillctl(QStringList arguments)
    {
        arguments << QStringLiteral("--workspace") << dir.path();
        return CtlRun::of(QStringLiteral(WAYBILLCTL_PATH), arguments);
    }

    QTemporaryDir dir;
};

TEST_F(WaybillctlAgentTest, AgentsStartWithoutOrderActionsUntilGivenARole)
{
    const CtlRun before = waybillctl({ QStringLiteral("agent"), QStringLiteral("list") });
    ASSERT_EQ(before.exitCode, 0) << before.err.toStdString();
    EXPECT_TRUE(before.out.contains(QStringLiteral("mia.chen@example.com\tagent\t"))) << before.out.toStdString();

    const CtlRun set = waybillctl({ QStringLiteral("agent"), QStringLiteral("role"),
        QStringLiteral("mia.chen@example.com"), QStringLiteral("supervisor") });
    ASSERT_EQ(set.exitCode, 0) << set.err.toStdString();
    const CtlRun after = waybillctl({ QStringLiteral("agent"), QStringLiteral("list") });
    EXPECT_TRUE(after.out.contains(QStringLiteral("mia.chen@example.com\tsupervisor\t"))) << after.out.toStdString();
}

TEST_F(WaybillctlAgentTest, UnknownRolesAndAgentsAreRefused)
{
    EXPECT_EQ(waybillctl({ QStringLiteral("agent"), QStringLiteral("role"), QStringLiteral("mia.chen@example.com"),
                             QStringLiteral("owner") })
                  .exitCode,
        2);
    const CtlRun unknown = waybillctl({ QStringLiteral("agent"), QStringLiteral("role"),
        QStringLiteral("nobody@example.com"), QStringLiteral("admin") });
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("nobody@example.com"))) << unknown.err.toStdString();
}

} // namespace
