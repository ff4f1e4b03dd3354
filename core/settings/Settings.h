// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace waybill::settings {

/// The typed, versioned settings facade. Every setting is a Key with one name, default and scope in a single
/// table (Settings.cpp). Roaming settings follow the user (QSettings user scope); local ones describe this
/// machine (window geometry, splitter positions). The facade is passed to whoever needs it — there is no global.
/// Lives on the thread that created it (the UI thread); emits changed() after every set() that changes a value.
class Settings final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Key {
        MainWindowGeometry,
        MainWindowState,
        InboxSplitter,
        ConversationSplitter,
        LastView,
        InboxSort,
        ComposerMode,
        KeyCount,
    };
    Q_ENUM(Key)

    enum class Scope {
        Roaming,
        Local,
    };

    /// The settings layout this build writes; older files are brought up to it by migrate().
    static constexpr int CurrentVersion = 2;

    /// Reads and writes roaming keys in `roaming` and local keys in `local`; both may be the same file when
    /// `local` is null. Calls migrate().
    Settings(std::unique_ptr<QSettings> roaming, std::unique_ptr<QSettings> local, QObject *parent = nullptr);
    ~Settings() override;

    /// Both scopes in one INI file (tests, portable installs).
    static std::unique_ptr<Settings> fromIniFile(const QString &path, QObject *parent = nullptr);
    /// The user's settings: roaming in the platform's user scope, local in an INI file under the app's local data.
    static std::unique_ptr<Settings> forCurrentUser(QObject *parent = nullptr);

    static QString name(Key key);
    static Scope scope(Key key);
    static QVariant defaultValue(Key key);

    QVariant get(Key key) const;
    void set(Key key, const QVariant &value);
    /// Removes the stored value so that get() returns the default again.
    void reset(Key key);
    /// The layout version stored in the file (0 for a file written before versioning).
    int settingsVersion() const;
    /// Renames or drops keys of older layouts and stores CurrentVersion. Safe to call more than once.
    void migrate();
    void sync();

Q_SIGNALS:
    void changed(waybill::settings::Settings::Key key);

private:
    QSettings &store(Key key) const;

    std::unique_ptr<QSettings> m_roaming;
    std::unique_ptr<QSettings> m_local;
};

} // namespace waybill::settings
