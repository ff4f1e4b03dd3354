// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl account add woocommerce|amazon` and `waybillctl sync --once` as a user runs them: the key pair, the LWA
// refresh token and client secret go to a real keychain (GNOME Keyring's Secret Service in a private D-Bus session)
// and never into the workspace; the orders that ReplayHttpServer serves at the providers' paths are stored; a store
// whose answer is broken is reported by name while the other account still syncs.
#include "KeyringShell.h"
#include "ReplayHttpServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::testing::ReplayHttpServer;

namespace {

const QString ConsumerSecret = QStringLiteral("cs_keychain_only_9d2e77");
const QString ClientSecret = QStringLiteral("amzn1.oa2-cs.v1.keychain_only_41b0");
const QString RefreshToken = QStringLiteral("Atzr|keychain_only_refresh_73c1");

using SessionRun = waybill::testing::KeyringShell::Run;

QByteArray read(const QString &path)
{
    QFile file(QStringLiteral(WAYBILL_TEST_DATA_DIR "/") + path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

class WaybillctlOrderSourcesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!waybill::testing::KeyringShell::available()) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
        amazon.route("POST", QStringLiteral("/auth/o2/token"),
            ReplayHttpServer::json(R"({"access_token":"Atza|ctl","token_type":"bearer","expires_in":3600})"));
        amazon.route("GET",
            QStringLiteral("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2017-01-01T00:00:00Z"),
            ReplayHttpServer::json(read(QStringLiteral("third_party/amazon-sp-api-orders/getOrders.200.json"))));
        for (const QString &order : { QStringLiteral("902-1845936-5435065"), QStringLiteral("902-8745147-1934268") }) {
            amazon.route("GET", QStringLiteral("/orders/v0/orders/%1/orderItems").arg(order),
                ReplayHttpServer::json(
                    read(QStringLiteral("third_party/amazon-sp-api-orders/getOrderItems.200.json"))));
        }
        for (const int id : { 727, 728 }) {
            woo.route("GET", QStringLiteral("/wp-json/wc/v3/orders/%1/notes").arg(id),
                ReplayHttpServer::json(read(QStringLiteral("woocommerce/notes-empty.json"))));
        }
    }

    SessionRun session(const QString &commands)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("W"), QStringLiteral(WAYBILLCTL_PATH));
        env.insert(QStringLiteral("WS"), workspace.path());
        env.insert(QStringLiteral("WOO"), woo.baseUrl().toString());
        env.insert(QStringLiteral("AMZ"), amazon.baseUrl().toString());
        env.insert(QStringLiteral("WOO_KEY"), QStringLiteral("ck_0123456789"));
        env.insert(QStringLiteral("WOO_SECRET"), ConsumerSecret);
        env.insert(QStringLiteral("LWA_REFRESH"), RefreshToken);
        env.insert(QStringLiteral("LWA_SECRET"), ClientSecret);
        return shell.run(commands, env, true);
    }

    QString addBoth() const
    {
        return QStringLiteral(
            "set -e; \"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
            "\"$W\" account add woocommerce --workspace \"$WS\" --base-url \"$WOO\" --consumer-key-env WOO_KEY "
            "--consumer-secret-env WOO_SECRET --name Shop; "
            "\"$W\" account add amazon --workspace \"$WS\" --base-url \"$AMZ\" --lwa-url \"$AMZ/auth/o2/token\" "
            "--client-id amzn1.application-oa2-client.ctl --marketplace ATVPDKIKX0DER --refresh-token-env LWA_REFRESH "
            "--client-secret-env LWA_SECRET --since 2017-01-01T00:00:00Z --name US; "
            "\"$W\" account list --workspace \"$WS\"; ");
    }

    waybill::testing::KeyringShell shell;
    QTemporaryDir workspace;
    ReplayHttpServer woo;
    ReplayHttpServer amazon;
};

TEST_F(WaybillctlOrderSourcesTest, SecretsInKeychainThenSyncStoresOrdersFromBoth)
{
    woo.route("GET", QStringLiteral("/wp-json/wc/v3/orders?orderby=modified&order=asc&per_page=100&page=1"),
        ReplayHttpServer::json(read(QStringLiteral("woocommerce/orders-page1.json"))).header("X-WP-TotalPages", "1"));
    const SessionRun run = session(addBoth() + QStringLiteral("\"$W\" sync --once --workspace \"$WS\""));
    ASSERT_EQ(run.exitCode, 0) << run.output.toStdString();
    const QString wooId = QStringLiteral("woocommerce:127.0.0.1:%1").arg(woo.baseUrl().port());
    EXPECT_TRUE(run.output.contains(QStringLiteral("Added ") + wooId)) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Added amazon:ATVPDKIKX0DER"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("amazon:ATVPDKIKX0DER  US  amazon "))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(wooId + QStringLiteral(": 2 order(s) added or updated")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("amazon:ATVPDKIKX0DER: 2 order(s) added or updated")))
        << run.output.toStdString();

    // The secrets reached the providers from the keychain, and are nowhere in the workspace.
    EXPECT_EQ(woo.requests().at(0).headers.value("authorization"),
        "Basic " + (QStringLiteral("ck_0123456789:") + ConsumerSecret).toUtf8().toBase64());
    const QByteArray form = amazon.requestsFor(QStringLiteral("/auth/o2/token")).at(0).body;
    EXPECT_TRUE(form.contains(QByteArray("client_secret=" + QUrl::toPercentEncoding(ClientSecret))))
        << form.toStdString();
    EXPECT_TRUE(form.contains(QByteArray("refresh_token=" + QUrl::toPercentEncoding(RefreshToken))))
        << form.toStdString();
    for (const QString &name : QDir(workspace.path()).entryList(QDir::Files)) {
        QFile file(workspace.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QString &secret : { ConsumerSecret, ClientSecret, RefreshToken }) {
            EXPECT_FALSE(bytes.contains(secret.toUtf8())) << name.toStdString();
        }
    }

    // Removing the Amazon account removes both of its keychain entries: a later add without secrets cannot sync.
    const SessionRun removed = session(QStringLiteral("\"$W\" account remove amazon:ATVPDKIKX0DER --workspace \"$WS\"; "
                                                      "\"$W\" account list --workspace \"$WS\""));
    EXPECT_TRUE(removed.output.contains(QStringLiteral("Removed amazon:ATVPDKIKX0DER")))
        << removed.output.toStdString();
    EXPECT_FALSE(removed.output.contains(QStringLiteral("amazon:ATVPDKIKX0DER  US"))) << removed.output.toStdString();
}

TEST_F(WaybillctlOrderSourcesTest, ABrokenStoreIsNamedWhileTheOtherAccountSyncs)
{
    woo.route("GET", QStringLiteral("/wp-json/wc/v3/orders?orderby=modified&order=asc&per_page=100&page=1"),
        ReplayHttpServer::json("[{\"id\": 727, \"number\": ").header("X-WP-TotalPages", "1"));
    const SessionRun run
        = session(addBoth() + QStringLiteral("set +e; \"$W\" sync --once --workspace \"$WS\"; echo rc=$?"));
    EXPECT_TRUE(run.output.contains(QStringLiteral("rc=1"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("WooCommerce Shop: page 1 of orders"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("amazon:ATVPDKIKX0DER: 2 order(s) added or updated")))
        << run.output.toStdString();
}

TEST_F(WaybillctlOrderSourcesTest, BadArgumentsAreExplained)
{
    const SessionRun run = session(QStringLiteral(
        "\"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
        "\"$W\" account add woocommerce --workspace \"$WS\" --base-url http://shop.example.com "
        "--consumer-key-env WOO_KEY --consumer-secret-env WOO_SECRET; echo rc=$?; "
        "\"$W\" account add woocommerce --workspace \"$WS\" --base-url https://shop.example.com "
        "--consumer-key-env WOO_KEY; echo rc=$?; "
        "\"$W\" account add amazon --workspace \"$WS\" --base-url https://sellingpartnerapi-na.amazon.com "
        "--client-id x --marketplace amazon.com --refresh-token-env LWA_REFRESH --client-secret-env LWA_SECRET; "
        "echo rc=$?; "
        "\"$W\" account add amazon --workspace \"$WS\" --base-url https://sellingpartnerapi-na.amazon.com "
        "--client-id x --marketplace ATVPDKIKX0DER --refresh-token-env LWA_REFRESH; echo rc=$?"));
    EXPECT_EQ(run.output.count(QStringLiteral("rc=2")), 4) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("only to this computer"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("--consumer-secret-env VAR"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("--marketplace ID"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("--client-secret-env VAR"))) << run.output.toStdString();
}

} // namespace
