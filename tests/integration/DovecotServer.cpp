// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DovecotServer.h"

#include "ServerProcessSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QThread>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace waybill::testing {

QString DovecotServer::dovecotBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("dovecot"),
        { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/bin") });
}

DovecotServer::DovecotServer()
    : m_dir(QDir::tempPath() + QStringLiteral("/waybill-dovecot-XXXXXX"))
{
    m_dropPrivileges = ::geteuid() == 0;
    if (m_dropPrivileges) {
        m_user = QStringLiteral("nobody");
        m_group = QStringLiteral("nogroup");
    } else {
        const passwd *pw = ::getpwuid(::geteuid());
        const group *gr = ::getgrgid(::getegid());
        m_user = QString::fromLocal8Bit(pw ? pw->pw_name : "nobody");
        m_group = QString::fromLocal8Bit(gr ? gr->gr_name : "nogroup");
    }
}

DovecotServer::~DovecotServer()
{
    stop();
}

QStringList DovecotServer::asServerUser(const QString &program, const QStringList &arguments) const
{
    if (!m_dropPrivileges) {
        return QStringList { program } + arguments;
    }
    return QStringList { QStringLiteral("setpriv"), QStringLiteral("--reuid=") + m_user,
        QStringLiteral("--regid=") + m_group, QStringLiteral("--clear-groups"), program }
    + arguments;
}

void DovecotServer::chownToServerUser(const QString &path) const
{
    if (m_dropPrivileges) {
        QProcess::execute(QStringLiteral("chown"), { QStringLiteral("-R"), m_user + u':' + m_group, path });
    }
}

void DovecotServer::useTls(const QString &certificateFile, const QString &keyFile)
{
    m_certificateFile = certificateFile;
    m_keyFile = keyFile;
}

bool DovecotServer::start(const QString &oauthUserinfoUrl)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    const QString dir = m_dir.path();
    for (const char *sub : { "run", "state", "mail", "home" }) {
        QDir(dir).mkpath(QString::fromLatin1(sub));
    }
    m_port = freeLoopbackPort();
    QByteArray conf = "base_dir = DIR/run\nstate_dir = DIR/state\ninstance_name = waybill-test-PORT\n"
                      "protocols = imap\nlisten = 127.0.0.1\nssl = no\ndisable_plaintext_auth = no\n"
                      "auth_mechanisms = plain login xoauth2 oauthbearer\nlog_path = DIR/dovecot.log\n"
                      "default_internal_user = USER\ndefault_internal_group = GROUP\ndefault_login_user = USER\n"
                      "mail_location = maildir:DIR/mail/%u\n";
    if (!oauthUserinfoUrl.isEmpty()) {
        conf += "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = DIR/oauth2.conf.ext\n}\n";
        const QByteArray oauth = "introspection_mode = auth\nintrospection_url = " + oauthUserinfoUrl.toUtf8()
            + "\nusername_attribute = email\n";
        if (const QString error = writeFile(dir + QStringLiteral("/oauth2.conf.ext"), oauth); !error.isEmpty()) {
            m_error = error;
            return false;
        }
    }
    conf += "passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u DIR/users\n}\n"
            "userdb {\n  driver = static\n  args = uid=USER gid=GROUP home=DIR/home/%u\n}\n"
            "service imap-login {\n  chroot =\n  inet_listener imap {\n    address = 127.0.0.1\n    port = PORT\n  }\n"
            "  inet_listener imaps {\n    port = 0\n  }\n}\n"
            "service anvil {\n  chroot =\n}\n"
            "protocol imap {\n  imap_idle_notify_interval = 1 secs\n}\n";
    if (!m_certificateFile.isEmpty()) {
        m_tlsPort = freeLoopbackPort();
        conf.replace("ssl = no\ndisable_plaintext_auth = no\n", "ssl = required\ndisable_plaintext_auth = yes\n");
        conf += "ssl_cert = <" + m_certificateFile.toUtf8() + "\nssl_key = <" + m_keyFile.toUtf8() + "\n";
        conf.replace("  inet_listener imaps {\n    port = 0\n  }\n",
            QByteArray("  inet_listener imaps {\n    address = 127.0.0.1\n    port = " + QByteArray::number(m_tlsPort)
                + "\n    ssl = yes\n  }\n"));
    }
    conf.replace("DIR", dir.toUtf8()).replace("PORT", QByteArray::number(m_port));
    conf.replace("USER", m_user.toUtf8()).replace("GROUP", m_group.toUtf8());
    const QByteArray users = userName().toUtf8() + ":{PLAIN}" + password().toUtf8() + "::::::\n";
    for (const auto &[name, content] :
        { std::pair { QStringLiteral("/dovecot.conf"), conf }, std::pair { QStringLiteral("/users"), users } }) {
        if (const QString error = writeFile(dir + name, content); !error.isEmpty()) {
            m_error = error;
            return false;
        }
    }
    QDir(dir).mkpath(mailboxPath(QStringLiteral("INBOX")));
    chownToServerUser(dir);

    const QStringList command = asServerUser(
        dovecotBinary(), { QStringLiteral("-F"), QStringLiteral("-c"), dir + QStringLiteral("/dovecot.conf") });
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(command.first(), command.mid(1));
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("dovecot did not start: %1").arg(m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("dovecot exited: %1 %2").arg(QString::fromLocal8Bit(m_process.readAll()), log());
            return false;
        }
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200) && probe.waitForReadyRead(2000) && probe.readLine().startsWith("* OK")) {
            return true;
        }
        QThread::msleep(50);
    }
    m_error = QStringLiteral("dovecot did not answer on port %1: %2").arg(m_port).arg(log());
    return false;
}

void DovecotServer::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate(); // our own child, by its PID
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

QString DovecotServer::log() const
{
    QFile file(m_dir.path() + QStringLiteral("/dovecot.log"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4000)) : QString();
}

QString DovecotServer::mailboxPath(const QString &mailbox) const
{
    const QString root = m_dir.path() + QStringLiteral("/mail/") + userName();
    return mailbox == QStringLiteral("INBOX") ? root : root + QStringLiteral("/.") + mailbox;
}

bool DovecotServer::deliver(const QString &mailbox, const QByteArray &message)
{
    const QString path = mailboxPath(mailbox);
    for (const char *sub : { "tmp", "new", "cur" }) {
        QDir(path).mkpath(QString::fromLatin1(sub));
    }
    const QString name = QStringLiteral("%1.M%2P%3.waybill-test")
                             .arg(QDateTime::currentSecsSinceEpoch())
                             .arg(++m_delivered)
                             .arg(QCoreApplication::applicationPid());
    const QString temporary = path + QStringLiteral("/tmp/") + name;
    if (!writeFile(temporary, message).isEmpty()) {
        return false;
    }
    chownToServerUser(path);
    return QFile::rename(temporary, path + QStringLiteral("/new/") + name);
}

QString DovecotServer::maildir(const QString &mailbox)
{
    const QString path = mailboxPath(mailbox);
    for (const char *sub : { "tmp", "new", "cur" }) {
        QDir(path).mkpath(QString::fromLatin1(sub));
    }
    chownToServerUser(m_dir.path() + QStringLiteral("/mail"));
    return path;
}

bool DovecotServer::doveadm(const QStringList &arguments)
{
    const QString binary = QStandardPaths::findExecutable(
        QStringLiteral("doveadm"), { QStringLiteral("/usr/bin"), QStringLiteral("/usr/sbin") });
    QStringList all { QStringLiteral("-c"), m_dir.path() + QStringLiteral("/dovecot.conf") };
    all += arguments.first();
    all += arguments.mid(1, 1);
    all += { QStringLiteral("-u"), userName() };
    all += arguments.mid(2);
    const QStringList command = asServerUser(binary, all);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(10000) || process.exitCode() != 0) {
        m_error = QStringLiteral("doveadm %1 failed: %2")
                      .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

} // namespace waybill::testing
