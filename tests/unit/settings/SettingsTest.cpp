// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/Settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using waybill::settings::Settings;

namespace {

class SettingsTest : public ::testing::Test {
protected:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("waybill.ini")); }

    QTemporaryDir m_dir;
};

TEST_F(SettingsTest, UnsetKeysGiveTheirDefaults)
{
    const auto settings = Settings::fromIniFile(iniPath());
    EXPECT_EQ(settings->get(Settings::Key::LastView).toString(), QStringLiteral("mine"));
    EXPECT_EQ(settings->get(Settings::Key::InboxSort).toString(), QStringLiteral("activity"));
    EXPECT_TRUE(settings->get(Settings::Key::MainWindowGeometry).toByteArray().isEmpty());
    EXPECT_EQ(settings->settingsVersion(), Settings::CurrentVersion);
}

TEST_F(SettingsTest, ValuesPersistAndSignalChanges)
{
    {
        const auto settings = Settings::fromIniFile(iniPath());
        QSignalSpy spy(settings.get(), &Settings::changed);
        settings->set(Settings::Key::LastView, QStringLiteral("delivery_problems"));
        settings->set(Settings::Key::MainWindowGeometry, QByteArray("\x01\x02geometry", 10));
        ASSERT_EQ(spy.count(), 2);
        EXPECT_EQ(spy.at(0).at(0).value<Settings::Key>(), Settings::Key::LastView);
        settings->sync();
    }
    const auto reopened = Settings::fromIniFile(iniPath());
    EXPECT_EQ(reopened->get(Settings::Key::LastView).toString(), QStringLiteral("delivery_problems"));
    EXPECT_EQ(reopened->get(Settings::Key::MainWindowGeometry).toByteArray(), QByteArray("\x01\x02geometry", 10));
    reopened->reset(Settings::Key::LastView);
    EXPECT_EQ(reopened->get(Settings::Key::LastView).toString(), QStringLiteral("mine"));
}

TEST_F(SettingsTest, MigrationRenamesAndDropsOldKeys)
{
    {
        QSettings old(iniPath(), QSettings::IniFormat);
        old.setValue(QStringLiteral("settingsVersion"), 1);
        old.setValue(QStringLiteral("inbox/view"), QStringLiteral("channel:amazon"));
        old.setValue(QStringLiteral("inbox/pageSize"), 250);
    }
    const auto settings = Settings::fromIniFile(iniPath());
    EXPECT_EQ(settings->get(Settings::Key::LastView).toString(), QStringLiteral("channel:amazon"));
    EXPECT_EQ(settings->settingsVersion(), Settings::CurrentVersion);
    settings->sync();
    QSettings raw(iniPath(), QSettings::IniFormat);
    EXPECT_FALSE(raw.contains(QStringLiteral("inbox/view")));
    EXPECT_FALSE(raw.contains(QStringLiteral("inbox/pageSize")));
    // Migrating again changes nothing.
    settings->migrate();
    EXPECT_EQ(settings->get(Settings::Key::LastView).toString(), QStringLiteral("channel:amazon"));
}

TEST_F(SettingsTest, EveryKeyHasANameAndScope)
{
    for (int i = 0; i < int(Settings::Key::KeyCount); ++i) {
        const auto key = Settings::Key(i);
        EXPECT_FALSE(Settings::name(key).isEmpty());
        EXPECT_TRUE(Settings::defaultValue(key).isValid());
    }
    EXPECT_EQ(Settings::scope(Settings::Key::MainWindowGeometry), Settings::Scope::Local);
    EXPECT_EQ(Settings::scope(Settings::Key::LastView), Settings::Scope::Roaming);
}

} // namespace
