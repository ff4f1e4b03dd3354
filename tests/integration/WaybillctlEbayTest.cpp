// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl account add|test|remove ebay` and `waybillctl sync --once` as a seller runs them: the refresh token and
// the Cert ID go to a real keychain (GNOME Keyring's Secret Service in a private D-Bus session) and never into the
// workspace; `account test` signs in at eBay's token endpoint (Basic auth with the App ID and Cert ID) and asks the
// Trading API for eBay's time; `sync --once` stores the buyer's question that eBay's recorded GetMemberMessages answer
// holds. A refused sign-in is named. ReplayHttpServer stands in for eBay with eBay's recorded answers.
#include "EbayRecorded.h"
#include "KeyringShell.h"
#include "ReplayHttpServer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::testing::EbayRecorded;
using waybill::testing::ReplayHttpServer;

namespace {

const QString CertId = QStringLiteral("PRD-keychain0only-4f1c-8a2b");
const QString RefreshToken = QStringLiteral("v^1.1#i^1#r^1#keychain_only_refresh_5e9d");
const QString Trading = QStringLiteral("/ws/api.dll");
const QString Token = QStringLiteral("/identity/v1/oauth2/token");

using SessionRun = waybill::testing::KeyringShell::Run;

class WaybillctlEbayTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!waybill::testing::KeyringShell::available()) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
    }

    SessionRun session(const QString &commands)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("W"), QStringLiteral(WAYBILLCTL_PATH));
        env.insert(QStringLiteral("WS"), workspace.path());
        env.insert(QStringLiteral("EBAY"), ebay.baseUrl().toString());
        env.insert(QStringLiteral("EBAY_REFRESH"), RefreshToken);
        env.insert(QStringLiteral("EBAY_CERT"), CertId);
        return shell.run(commands, env, true);
    }

    static QString add()
    {
        return QStringLiteral(
            "set -e; \"$W\" demo --workspace \"$WS\" --conversations 3 >/dev/null; "
            "\"$W\" account add ebay --workspace \"$WS\" --user massapparel --app-id MassAppa-Waybill-PRD-0a1b2c3d "
            "--cert-id-env EBAY_CERT --refresh-token-env EBAY_REFRESH --base-url \"$EBAY/ws/api.dll\" "
            "--token-url \"$EBAY/identity/v1/oauth2/token\" --name \"Mass Apparel\"; "
            "\"$W\" account list --workspace \"$WS\"; ");
    }

    waybill::testing::KeyringShell shell;
    QTemporaryDir workspace;
    ReplayHttpServer ebay;
};

} // namespace

TEST_F(WaybillctlEbayTest, SecretsInKeychainTestThenSyncStoresTheBuyersQuestion)
{
    ebay.route("POST", Token, EbayRecorded::token("v^1.1#i^1#ctl"));
    ebay.route("POST", Trading,
        EbayRecorded::answer(EbayRecorded::file(QStringLiteral("responses/official_time_success.xml"))));
    ebay.route("POST", Trading,
        EbayRecorded::answer(EbayRecorded::file(QStringLiteral("notifications/ask_seller_question.xml"))));
    const SessionRun run = session(add()
        + QStringLiteral("\"$W\" account test ebay:massapparel --workspace \"$WS\"; "
                         "\"$W\" sync --once ebay:massapparel --workspace \"$WS\"; "
                         "\"$W\" search --workspace \"$WS\" \"cool boots\""));
    ASSERT_EQ(run.exitCode, 0) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Added ebay:massapparel (Trading API at ")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("ebay:massapparel  Mass Apparel  ebay seller massapparel  site 0")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Connected: eBay Mass Apparel (site 0), eBay's time ")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Done: 1 conversation update(s)"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Question for item #110001567511"))) << run.output.toStdString();

    // The secrets reached eBay from the keychain (Basic auth with the App ID and Cert ID, the refresh token in the
    // form), and are nowhere in the workspace.
    const ReplayHttpServer::Request token = ebay.requestsFor(Token).at(0);
    EXPECT_EQ(token.headers.value("authorization"),
        "Basic " + (QStringLiteral("MassAppa-Waybill-PRD-0a1b2c3d:") + CertId).toUtf8().toBase64());
    EXPECT_TRUE(token.body.contains(QByteArray("refresh_token=" + QUrl::toPercentEncoding(RefreshToken))))
        << token.body.toStdString();
    for (const QString &name : QDir(workspace.path()).entryList(QDir::Files)) {
        QFile file(workspace.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QString &secret : { CertId, RefreshToken }) {
            EXPECT_FALSE(bytes.contains(secret.toUtf8())) << name.toStdString();
        }
    }

    const SessionRun removed = session(QStringLiteral(
        "\"$W\" account remove ebay:massapparel --workspace \"$WS\"; \"$W\" account list --workspace \"$WS\""));
    EXPECT_TRUE(removed.output.contains(QStringLiteral("Removed ebay:massapparel"))) << removed.output.toStdString();
    EXPECT_FALSE(removed.output.contains(QStringLiteral("ebay seller massapparel"))) << removed.output.toStdString();
}

TEST_F(WaybillctlEbayTest, ARefusedSignInAndBadArgumentsAreExplained)
{
    ebay.route("POST", Token,
        ReplayHttpServer::json(
            R"({"error":"invalid_grant","error_description":"the provided authorization refresh token is invalid or was issued to another client"})",
            400));
    const SessionRun run = session(add()
        + QStringLiteral("\"$W\" account test ebay:massapparel --workspace \"$WS\" || echo \"exit $?\"; "
                         "\"$W\" account add ebay --workspace \"$WS\" --user \"mass apparel\" --app-id x "
                         "--cert-id-env EBAY_CERT --refresh-token-env EBAY_REFRESH || echo \"exit $?\"; "
                         "\"$W\" account add ebay --workspace \"$WS\" --user massapparel --app-id x "
                         "--cert-id-env EBAY_CERT --refresh-token-env EBAY_REFRESH --base-url http://example.com/ws "
                         "|| echo \"exit $?\""));
    EXPECT_TRUE(run.output.contains(QStringLiteral("waybillctl account test: eBay Mass Apparel: ")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("exit 1"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("give the seller's eBay user id with --user")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("--base-url "))) << run.output.toStdString();
    EXPECT_EQ(run.output.count(QStringLiteral("exit 2")), 2) << run.output.toStdString();
}
