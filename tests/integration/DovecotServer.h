// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace waybill::testing {

/// A real dovecot on 127.0.0.1 and a free port, in a temporary folder, as TESTING.md describes: run as `nobody`
/// through setpriv when the test runs as root, as the current user otherwise; stopped by its own PID. One user,
/// agent@example.com with password "secret"; with an OAuth2 userinfo URL, XOAUTH2 is offered too.
class DovecotServer final {
public:
    static QString dovecotBinary(); ///< empty when dovecot is not installed
    static QString userName() { return QStringLiteral("agent@example.com"); }
    static QString password() { return QStringLiteral("secret"); }

    DovecotServer();
    ~DovecotServer();

    /// Writes the configuration and starts dovecot; false (with errorString()) when it does not come up.
    /// Before start(): serve TLS with this certificate and key (PEM files): STARTTLS required on port(), implicit
    /// TLS on tlsPort().
    void useTls(const QString &certificateFile, const QString &keyFile);
    quint16 tlsPort() const { return m_tlsPort; }
    bool start(const QString &oauthUserinfoUrl = {});
    void stop();
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    QString log() const;

    /// Delivers a message straight into the Maildir (as an MDA would); dovecot notices it within a second.
    bool deliver(const QString &mailbox, const QByteArray &message);
    /// The Maildir of `mailbox`, with tmp/new/cur created and owned by the server's user, for another process (the
    /// SmtpServer fixture) to deliver into; its files must be readable by that user (0644).
    QString maildir(const QString &mailbox = QStringLiteral("INBOX"));
    /// Runs `doveadm ARGS…` for the test user (mailbox create/delete), as the server's user.
    bool doveadm(const QStringList &arguments);

private:
    QStringList asServerUser(const QString &program, const QStringList &arguments) const;
    QString mailboxPath(const QString &mailbox) const;
    void chownToServerUser(const QString &path) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    QString m_certificateFile;
    QString m_keyFile;
    QString m_user;
    QString m_group;
    bool m_dropPrivileges = false;
    int m_delivered = 0;
    QString m_error;
};

} // namespace waybill::testing
