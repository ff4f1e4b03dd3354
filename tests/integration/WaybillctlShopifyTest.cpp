// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl account add shopify` and `waybillctl sync --once` as a user runs them: the access token goes to a
// real keychain (GNOME Keyring's Secret Service in a private D-Bus session) and never into the workspace, and the
// orders that ReplayHttpServer serves from Shopify's recorded payloads are stored.
#include "KeyringShell.h"
#include "ReplayHttpServer.h"
#include "TestWorkspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::testing::ReplayHttpServer;

namespace {

const QString Token = QStringLiteral("shpat_keychain_only_5f3a9c");

using SessionRun = waybill::testing::KeyringShell::Run;

class WaybillctlShopifyTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!waybill::testing::KeyringShell::available()) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
    }

    /// Runs the shell commands in a private D-Bus session with an unlocked keyring (unless `withKeyring` is false).
    SessionRun session(const QString &commands, bool withKeyring = true)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("W"), QStringLiteral(WAYBILLCTL_PATH));
        env.insert(QStringLiteral("WS"), workspace.path());
        env.insert(QStringLiteral("BASE"), server.baseUrl().toString());
        env.insert(QStringLiteral("SHOPIFY_TOKEN"), Token);
        return shell.run(commands, env, withKeyring);
    }

    waybill::testing::KeyringShell shell;
    QTemporaryDir workspace;
    ReplayHttpServer server;
};

TEST_F(WaybillctlShopifyTest, TokenInKeychainThenSyncStoresOrders)
{
    server.route("GET", QStringLiteral("/admin/api/2024-01/orders.json?limit=250&status=any"),
        ReplayHttpServer::file(
            QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/orders/shopify-python-api/test/fixtures/orders.json")));
    const SessionRun run = session(QStringLiteral(
        "set -e; \"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
        "\"$W\" account add shopify --workspace \"$WS\" --shop test-shop.myshopify.com --token-env SHOPIFY_TOKEN "
        "--base-url \"$BASE\"; \"$W\" account list --workspace \"$WS\"; \"$W\" sync --once --workspace \"$WS\""));
    ASSERT_EQ(run.exitCode, 0) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Added shopify:test-shop.myshopify.com")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("shopify:test-shop.myshopify.com  test-shop.myshopify.com  shopify "
                                                   "test-shop.myshopify.com  api 2024-01")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("shopify:test-shop.myshopify.com: 1 order(s) added or updated")))
        << run.output.toStdString();

    // The token reached Shopify's header from the keychain, and is nowhere in the workspace.
    const QList<ReplayHttpServer::Request> requests = server.requests();
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.at(0).headers.value("x-shopify-access-token"), Token.toUtf8());
    for (const QString &name : QDir(workspace.path()).entryList(QDir::Files)) {
        QFile file(workspace.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_FALSE(file.readAll().contains(Token.toUtf8())) << name.toStdString();
    }

    // A second run asks only for what changed since.
    server.route("GET",
        QStringLiteral("/admin/api/2024-01/orders.json?limit=250&status=any&updated_at_min=2008-01-10T11:00:00-05:00"),
        ReplayHttpServer::json(R"({"orders":[]})"));
    const SessionRun again = session(QStringLiteral("\"$W\" sync --once --workspace \"$WS\""));
    EXPECT_EQ(again.exitCode, 0) << again.output.toStdString();
    EXPECT_TRUE(again.output.contains(QStringLiteral("0 order(s) added or updated"))) << again.output.toStdString();
}

TEST_F(WaybillctlShopifyTest, WithoutAKeychainNothingIsStoredAndTheUserIsTold)
{
    const SessionRun run = session(QStringLiteral("\"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
                                                  "\"$W\" account add shopify --workspace \"$WS\" --shop "
                                                  "test-shop.myshopify.com --token-env SHOPIFY_TOKEN; echo rc=$?; "
                                                  "\"$W\" account list --workspace \"$WS\""),
        false);
    EXPECT_TRUE(run.output.contains(QStringLiteral("rc=1"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("keychain"))) << run.output.toStdString();
    EXPECT_FALSE(run.output.contains(QStringLiteral("shopify:test-shop.myshopify.com  "))) << run.output.toStdString();
}

TEST_F(WaybillctlShopifyTest, BadArgumentsAreExplained)
{
    const SessionRun run = session(QStringLiteral(
        "\"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
        "\"$W\" account add shopify --workspace \"$WS\" --shop shop.example.com --token-env SHOPIFY_TOKEN; echo rc=$?; "
        "\"$W\" account add shopify --workspace \"$WS\" --shop a.myshopify.com --token-env SHOPIFY_TOKEN "
        "--base-url http://proxy.example.com; echo rc=$?; "
        "\"$W\" account add shopify --workspace \"$WS\" --shop a.myshopify.com --token-env NOT_SET_ANYWHERE; "
        "echo rc=$?"));
    EXPECT_EQ(run.output.count(QStringLiteral("rc=2")), 3) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("NAME.myshopify.com"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("only to this computer"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("--token-env VAR"))) << run.output.toStdString();
}

} // namespace
