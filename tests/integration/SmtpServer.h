// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace waybill::testing {

/// A real SMTP server on 127.0.0.1 and a free port, as TESTING.md describes: a small aiosmtpd script written into a
/// temporary folder and run with python3, stopped by its own PID. It requires AUTH (PLAIN or LOGIN) as
/// agent@example.com with password "secret" (over plain text unless useTls() chose STARTTLS, where AUTH is offered
/// only once the connection is encrypted), offers SIZE, 8BITMIME and SMTPUTF8, and writes every message
/// it accepts into a Maildir (its own, or one the test names, such as DovecotServer's, so that a sent reply can be
/// seen over IMAP). Faults on demand: a chosen reply to RCPT TO for an address (451, 550), or the connection closed
/// right after the 354 to DATA.
class SmtpServer final {
public:
    /// How the server uses TLS: what aiosmtpd's `--tlscert/--tlskey` (STARTTLS, required unless
    /// `--no-requiretls`) and `--smtpscert/--smtpskey` (implicit TLS) set up, through the same SMTP and Controller
    /// arguments (`tls_context`, `require_starttls`, `ssl_context`).
    enum class Tls {
        None, ///< plain text only, no STARTTLS offered
        StartTlsOffered, ///< STARTTLS offered; AUTH and mail also work without it
        StartTlsRequired, ///< STARTTLS offered and required before AUTH or MAIL (530 otherwise)
        Implicit, ///< TLS from the first byte (SMTPS)
    };

    struct Envelope {
        QString from;
        QStringList recipients;
        QStringList mailOptions; ///< e.g. SIZE=123, BODY=8BITMIME, SMTPUTF8
        QByteArray content; ///< the message as the server stored it
        bool encrypted = false; ///< the message came over TLS (STARTTLS or implicit)
        bool authenticated = false; ///< the session had logged in with AUTH
    };

    /// A python3 that can import aiosmtpd; empty (with `whyNot` set) when there is none.
    static QString python(QString *whyNot = nullptr);
    static QString userName() { return QStringLiteral("agent@example.com"); }
    static QString password() { return QStringLiteral("secret"); }

    SmtpServer();
    ~SmtpServer();

    /// Before start(): serve TLS with this certificate and key (PEM files, e.g. TestCertificateAuthority's).
    void useTls(Tls mode, const QString &certificateFile, const QString &keyFile);
    /// Writes the script and starts it; false (with errorString()) when it does not come up. Messages go to
    /// `maildir` (created if missing) or to a Maildir in the server's temporary folder.
    bool start(const QString &maildir = {});
    void stop();
    quint16 port() const { return m_port; }
    QString maildir() const { return m_maildir; }
    QString errorString() const { return m_error; }
    /// What the server printed (aiosmtpd logs to stderr).
    QString log();

    /// Answers RCPT TO:<address> with `reply` (e.g. "451 4.3.0 Try again later"); an empty reply accepts it again.
    /// Takes effect for the next command.
    void setRecipientReply(const QString &address, const QString &reply);
    /// Closes the connection right after its 354 to DATA when `address` is among the recipients.
    void dropDuringData(const QString &address);
    /// The command lines the server read so far, in order, as aiosmtpd logs them ("EHLO [127.0.0.1]", "STARTTLS";
    /// AUTH arguments masked). Lines sent inside TLS are listed too: the server sees them decrypted.
    QStringList commands() const;
    /// The messages accepted so far, oldest first.
    QList<Envelope> received() const;

private:
    bool writeControl();

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_maildir;
    Tls m_tls = Tls::None;
    QString m_certificateFile;
    QString m_keyFile;
    QString m_error;
    QString m_output;
    QList<std::pair<QString, QString>> m_recipientReplies;
    QStringList m_drop;
};

} // namespace waybill::testing
