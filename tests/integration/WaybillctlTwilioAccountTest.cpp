// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl account add twilio` and `account test` as a user runs them: the auth token in a real keychain, and
// "test connection" against ReplayHttpServer answering at Twilio's real path naming what is wrong: wrong
// credentials, an unreachable server, a server that does not answer.
#include "KeyringShell.h"
#include "ReplayHttpServer.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

using waybill::testing::ReplayHttpServer;

namespace {

const QString AccountPath = QStringLiteral("/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json");

class WaybillctlTwilioAccountTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!waybill::testing::KeyringShell::available()) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
    }

    /// Adds the account with `base` as Twilio's address, then runs `account test` (with a short timeout).
    waybill::testing::KeyringShell::Run addAndTest(const QString &base)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("W"), QStringLiteral(WAYBILLCTL_PATH));
        env.insert(QStringLiteral("WS"), workspace.path());
        env.insert(QStringLiteral("BASE"), base);
        env.insert(QStringLiteral("TWILIO_TOKEN"), QStringLiteral("token-in-keychain"));
        return shell.run(QStringLiteral("\"$W\" demo --workspace \"$WS\" --conversations 3 >/dev/null; "
                                        "\"$W\" account add twilio --workspace \"$WS\" --account-sid "
                                        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa --from +15017122661 --auth-token-env "
                                        "TWILIO_TOKEN --base-url \"$BASE\" || exit 9; "
                                        "\"$W\" account test sms:+15017122661 --workspace \"$WS\" --timeout 2; "
                                        "echo rc=$?"),
            env);
    }

    waybill::testing::KeyringShell shell;
    QTemporaryDir workspace;
    ReplayHttpServer server;
};

} // namespace

TEST_F(WaybillctlTwilioAccountTest, ConnectedWithTheRightCredentials)
{
    server.route("GET", AccountPath,
        ReplayHttpServer::file(
            QStringLiteral(WAYBILL_TEST_DATA_DIR "/third_party/twilio-oai/extracted-from-spec/"
                                                 "twilio_api_v2010_2010_04_01_Accounts_Sid_json_get_200_fetch.json")));
    const auto run = addAndTest(server.baseUrl().toString());
    EXPECT_TRUE(run.output.contains(QStringLiteral(
        "Connected: Twilio +15017122661 (ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), account \"friendly_name\", active")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("rc=0"))) << run.output.toStdString();
    const QList<ReplayHttpServer::Request> requests = server.requestsFor(AccountPath);
    ASSERT_EQ(requests.size(), 1);
    EXPECT_EQ(requests.at(0).headers.value("authorization"),
        QByteArray("Basic " + QByteArray("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:token-in-keychain").toBase64()));
}

TEST_F(WaybillctlTwilioAccountTest, WrongCredentialsAreNamed)
{
    server.route("GET", AccountPath,
        ReplayHttpServer::json("{\"code\": 20003, \"message\": \"Authenticate\", \"more_info\": "
                               "\"https://www.twilio.com/docs/errors/20003\", \"status\": 401}",
            401));
    const auto run = addAndTest(server.baseUrl().toString());
    EXPECT_TRUE(run.output.contains(QStringLiteral("Twilio +15017122661 (ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa): wrong "
                                                   "credentials")))
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("rc=1"))) << run.output.toStdString();
}

TEST_F(WaybillctlTwilioAccountTest, UnreachableAndSilentServersAreNamed)
{
    QTcpServer closed; // a port nobody listens on any more
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = closed.serverPort();
    closed.close();
    const auto unreachable = addAndTest(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
    EXPECT_TRUE(unreachable.output.contains(QStringLiteral("(ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa): unreachable: ")))
        << unreachable.output.toStdString();
    EXPECT_TRUE(unreachable.output.contains(QStringLiteral("rc=1"))) << unreachable.output.toStdString();

    QTcpServer silent; // accepts and never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> held;
    QObject::connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection()) {
            held.append(socket);
        }
    });
    const auto timeout = addAndTest(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    EXPECT_TRUE(timeout.output.contains(QStringLiteral("(ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa): timeout: ")))
        << timeout.output.toStdString();
    EXPECT_TRUE(timeout.output.contains(QStringLiteral("rc=1"))) << timeout.output.toStdString();
}
