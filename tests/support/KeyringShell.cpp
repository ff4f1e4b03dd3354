// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyringShell.h"

#include "TestWorkspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace waybill::testing {

bool KeyringShell::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty();
}

KeyringShell::KeyringShell()
{
    const QString run = m_home.filePath(QStringLiteral("run"));
    QDir().mkpath(run);
    QFile::setPermissions(run, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

KeyringShell::Run KeyringShell::run(const QString &commands, const QProcessEnvironment &extra, bool withKeyring) const
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("run")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(extra);
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString keyring = withKeyring
        ? QStringLiteral("echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ")
        : QString();
    process.start(QStringLiteral("dbus-run-session"),
        { QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), keyring + commands });
    EXPECT_TRUE(waitUntil([&] { return process.state() == QProcess::NotRunning; }, 60000));
    return { process.exitCode(), QString::fromUtf8(process.readAll()) };
}

} // namespace waybill::testing
