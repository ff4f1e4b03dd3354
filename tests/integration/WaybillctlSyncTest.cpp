// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
// `waybillctl account add` and `waybillctl sync --once` as a user runs them: the password goes to a real
// keychain (GNOME Keyring's Secret Service in a private D-Bus session) and never into the workspace, and the
// mail of a real dovecot becomes conversations.
#include "DovecotServer.h"
#include "KeyringShell.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::testing::DovecotServer;

namespace {

using SessionRun = waybill::testing::KeyringShell::Run;

class WaybillctlSyncTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (DovecotServer::dovecotBinary().isEmpty()) {
            GTEST_SKIP() << "dovecot is not installed (scripts/install-deps test)";
        }
        if (!waybill::testing::KeyringShell::available()) {
            GTEST_SKIP() << "dbus-run-session or gnome-keyring-daemon is missing (scripts/install-deps test)";
        }
        server = std::make_unique<DovecotServer>();
        ASSERT_TRUE(server->start()) << server->errorString().toStdString();
    }

    /// Runs the shell commands in a private D-Bus session with an unlocked keyring (unless `withKeyring` is false).
    SessionRun session(const QString &commands, bool withKeyring = true)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("W"), QStringLiteral(WAYBILLCTL_PATH));
        env.insert(QStringLiteral("WS"), workspace.path());
        env.insert(QStringLiteral("PORT"), QString::number(server->port()));
        env.insert(QStringLiteral("MAILPW"), DovecotServer::password());
        return shell.run(commands, env, withKeyring);
    }

    waybill::testing::KeyringShell shell;
    QTemporaryDir workspace;
    std::unique_ptr<DovecotServer> server;
};

TEST_F(WaybillctlSyncTest, AccountInKeychainThenSyncFetchesMail)
{
    ASSERT_TRUE(server->deliver(QStringLiteral("INBOX"),
        "From: Liam Hall <liam@example.net>\r\nTo: agent@example.com\r\nSubject: Order #2001\r\n"
        "Message-ID: <liam-1@example.net>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Has it shipped?\r\n"));
    const SessionRun run = session(QStringLiteral(
        "set -e; \"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
        "\"$W\" account add email --workspace \"$WS\" --address agent@example.com --user agent@example.com "
        "--imap imap+plain://127.0.0.1:$PORT --smtp smtp+plain://127.0.0.1:2525 --password-env MAILPW; "
        "\"$W\" sync --once --workspace \"$WS\"; \"$W\" search --workspace \"$WS\" shipped"));
    ASSERT_EQ(run.exitCode, 0) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Added email:agent@example.com"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Done: 1 conversation update(s)"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("Liam Hall"))) << run.output.toStdString();

    // The password is in the keychain, not in the workspace.
    for (const QString &name : QDir(workspace.path()).entryList(QDir::Files)) {
        QFile file(workspace.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_FALSE(file.readAll().contains(DovecotServer::password().toUtf8())) << name.toStdString();
    }
}

TEST_F(WaybillctlSyncTest, WithoutAKeychainNothingIsStoredAndTheUserIsTold)
{
    const SessionRun run = session(
        QStringLiteral(
            "\"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
            "\"$W\" account add email --workspace \"$WS\" --address agent@example.com "
            "--imap imap+plain://127.0.0.1:$PORT --smtp smtp+plain://127.0.0.1:2525 --password-env MAILPW; echo rc=$?; "
            "\"$W\" account list --workspace \"$WS\""),
        false);
    EXPECT_TRUE(run.output.contains(QStringLiteral("rc=1"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("keychain"))) << run.output.toStdString();
    EXPECT_FALSE(run.output.contains(QStringLiteral("email:agent@example.com  "))) << run.output.toStdString();
}

TEST_F(WaybillctlSyncTest, PlainConnectionsToOtherHostsAreRefused)
{
    const SessionRun run = session(QStringLiteral(
        "\"$W\" demo --workspace \"$WS\" --conversations 5 >/dev/null; "
        "\"$W\" account add email --workspace \"$WS\" --address agent@example.com "
        "--imap imap+plain://mail.example.com --smtp smtps://mail.example.com --password-env MAILPW; echo rc=$?"));
    EXPECT_TRUE(run.output.contains(QStringLiteral("rc=2"))) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("only to this computer"))) << run.output.toStdString();
}

} // namespace
