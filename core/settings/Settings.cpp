// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <array>

namespace waybill::settings {

namespace {

struct Entry {
    Settings::Key key;
    const char *name;
    Settings::Scope scope;
    QVariant (*defaultValue)();
};

const std::array<Entry, static_cast<size_t>(Settings::Key::KeyCount)> &table()
{
    using K = Settings::Key;
    using S = Settings::Scope;
    static const std::array<Entry, static_cast<size_t>(Settings::Key::KeyCount)> entries { {
        { K::MainWindowGeometry, "ui/mainWindowGeometry", S::Local, [] { return QVariant(QByteArray()); } },
        { K::MainWindowState, "ui/mainWindowState", S::Local, [] { return QVariant(QByteArray()); } },
        { K::InboxSplitter, "ui/inboxSplitter", S::Local, [] { return QVariant(QByteArray()); } },
        { K::ConversationSplitter, "ui/conversationSplitter", S::Local, [] { return QVariant(QByteArray()); } },
        { K::LastView, "inbox/lastView", S::Roaming, [] { return QVariant(QStringLiteral("mine")); } },
        { K::InboxSort, "inbox/sort", S::Roaming, [] { return QVariant(QStringLiteral("activity")); } },
        { K::ComposerMode, "composer/mode", S::Roaming, [] { return QVariant(QStringLiteral("reply")); } },
    } };
    return entries;
}

const Entry &entryOf(Settings::Key key)
{
    return table().at(static_cast<size_t>(key));
}

constexpr auto VersionName = "settingsVersion";

/// Keys of older layouts: {old name, new name}; an empty new name drops the key.
struct Rename {
    int fromVersion;
    const char *oldName;
    const char *newName;
};

constexpr Rename Renames[] = {
    { 0, "MainWindow/geometry", "ui/mainWindowGeometry" },
    { 0, "MainWindow/state", "ui/mainWindowState" },
    { 1, "inbox/view", "inbox/lastView" },
    { 1, "inbox/pageSize", "" },
};

} // namespace

Settings::Settings(std::unique_ptr<QSettings> roaming, std::unique_ptr<QSettings> local, QObject *parent)
    : QObject(parent)
    , m_roaming(std::move(roaming))
    , m_local(std::move(local))
{
    Q_ASSERT(m_roaming);
    for (size_t i = 0; i < table().size(); ++i) {
        Q_ASSERT(table()[i].key == static_cast<Key>(i));
    }
    migrate();
}

Settings::~Settings() = default;

std::unique_ptr<Settings> Settings::fromIniFile(const QString &path, QObject *parent)
{
    return std::make_unique<Settings>(std::make_unique<QSettings>(path, QSettings::IniFormat), nullptr, parent);
}

std::unique_ptr<Settings> Settings::forCurrentUser(QObject *parent)
{
    auto roaming = std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
        QCoreApplication::organizationName(), QCoreApplication::applicationName());
    const QString localDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(localDir);
    auto local = std::make_unique<QSettings>(localDir + QStringLiteral("/local.ini"), QSettings::IniFormat);
    return std::make_unique<Settings>(std::move(roaming), std::move(local), parent);
}

QString Settings::name(Key key)
{
    return QString::fromLatin1(entryOf(key).name);
}

Settings::Scope Settings::scope(Key key)
{
    return entryOf(key).scope;
}

QVariant Settings::defaultValue(Key key)
{
    return entryOf(key).defaultValue();
}

QSettings &Settings::store(Key key) const
{
    if (scope(key) == Scope::Local && m_local) {
        return *m_local;
    }
    return *m_roaming;
}

QVariant Settings::get(Key key) const
{
    return store(key).value(name(key), defaultValue(key));
}

void Settings::set(Key key, const QVariant &value)
{
    QSettings &target = store(key);
    if (target.contains(name(key)) && target.value(name(key)) == value) {
        return;
    }
    target.setValue(name(key), value);
    Q_EMIT changed(key);
}

void Settings::reset(Key key)
{
    QSettings &target = store(key);
    if (!target.contains(name(key))) {
        return;
    }
    target.remove(name(key));
    Q_EMIT changed(key);
}

int Settings::settingsVersion() const
{
    return m_roaming->value(QLatin1String(VersionName), 0).toInt();
}

void Settings::migrate()
{
    const int version = settingsVersion();
    if (version >= CurrentVersion) {
        return;
    }
    for (const Rename &rename : Renames) {
        if (rename.fromVersion < version) {
            continue;
        }
        const QString oldName = QString::fromLatin1(rename.oldName);
        for (QSettings *file : { m_roaming.get(), m_local.get() }) {
            if (!file || !file->contains(oldName)) {
                continue;
            }
            const QVariant value = file->value(oldName);
            file->remove(oldName);
            const QString newName = QString::fromLatin1(rename.newName);
            if (newName.isEmpty()) {
                continue;
            }
            // Write the value where the current table says the key lives.
            QSettings *destination = file;
            for (const Entry &entry : table()) {
                if (newName == QLatin1String(entry.name)) {
                    destination = &store(entry.key);
                }
            }
            destination->setValue(newName, value);
        }
    }
    m_roaming->setValue(QLatin1String(VersionName), CurrentVersion);
}

void Settings::sync()
{
    m_roaming->sync();
    if (m_local) {
        m_local->sync();
    }
}

} // namespace waybill::settings
