// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

namespace waybill::testing {

/// Runs shell commands as a person at a desktop would: in a private D-Bus session (dbus-run-session) with a
/// temporary home and, unless told otherwise, an unlocked GNOME Keyring, so that waybillctl stores and reads its
/// secrets in a real keychain. The test's event loop keeps running while the commands run (for local servers on
/// the test's thread). One object per test.
class KeyringShell final {
public:
    struct Run {
        int exitCode = -1;
        QString output; ///< standard output and error, merged
    };

    /// Whether dbus-run-session and gnome-keyring-daemon are installed (scripts/install-deps test).
    static bool available();

    KeyringShell();

    /// Runs `commands` with `sh -c` and the variables in `extra`, waiting up to a minute.
    Run run(const QString &commands, const QProcessEnvironment &extra, bool withKeyring = true) const;

private:
    QTemporaryDir m_home;
};

} // namespace waybill::testing
