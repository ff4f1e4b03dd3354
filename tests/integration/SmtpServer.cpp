// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpServer.h"

#include "ServerProcessSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace waybill::testing {

namespace {

// argv: port, work folder, Maildir, TLS mode (none, starttls, starttls-required, implicit), certificate, key. Reads
// control.json (RCPT replies, drops) before each RCPT and DATA, so that a test can change the faults while the server
// runs; logs each accepted envelope to envelopes.jsonl.
const char Script[] = R"PY(
import json, logging, os, ssl, sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

port, workdir, maildir, tls = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
# aiosmtpd logs every command line it reads (AUTH arguments masked): keep them for commands().
commands = logging.FileHandler(os.path.join(workdir, 'commands.log'), encoding='utf-8')
commands.setFormatter(logging.Formatter('%(message)s'))
logging.getLogger('mail.log').addHandler(commands)
logging.getLogger('mail.log').setLevel(logging.INFO)
context = None
if tls != 'none':
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(sys.argv[5], sys.argv[6])
users = {b'agent@example.com': b'secret'}
counter = 0

def control():
    try:
        with open(os.path.join(workdir, 'control.json'), encoding='utf-8') as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}

def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and users.get(auth_data.login) == auth_data.password
    return AuthResult(success=ok, handled=False)

class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = control().get('rcpt', {}).get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return '250 2.1.5 OK'

    async def handle_DATA(self, server, session, envelope):
        global counter
        counter += 1
        name = '%d.M%dP%d.waybill-smtp' % (int(time.time()), counter, os.getpid())
        for sub in ('tmp', 'new', 'cur'):
            os.makedirs(os.path.join(maildir, sub), exist_ok=True)
        temporary = os.path.join(maildir, 'tmp', name)
        with open(temporary, 'wb') as f:
            f.write(envelope.original_content)
        os.chmod(temporary, 0o644)
        os.rename(temporary, os.path.join(maildir, 'new', name))
        with open(os.path.join(workdir, 'envelopes.jsonl'), 'a', encoding='utf-8') as f:
            f.write(json.dumps({'file': name, 'from': envelope.mail_from, 'to': envelope.rcpt_tos,
                                'options': envelope.mail_options,
                                'tls': server.transport.get_extra_info('sslcontext') is not None,
                                'auth': bool(session.authenticated)}) + '\n')
        return '250 2.0.0 Ok: queued as Q%06d' % counter

class DroppingSMTP(SMTP):
    async def smtp_DATA(self, arg):
        drop = {a.lower() for a in control().get('drop', [])}
        if self.envelope is not None and drop.intersection(a.lower() for a in self.envelope.rcpt_tos):
            await self.push('354 End data with <CR><LF>.<CR><LF>')
            self.transport.close()
            return
        return await super().smtp_DATA(arg)

class DroppingController(Controller):
    def factory(self):
        return DroppingSMTP(self.handler, **self.SMTP_kwargs)

# aiosmtpd 1.4 counts only STARTTLS as encryption for auth_require_tls: with implicit TLS it must be off.
starttls = tls in ('starttls', 'starttls-required')
options = dict(authenticator=authenticator, auth_required=True, enable_SMTPUTF8=True,
               auth_require_tls=starttls)
if starttls:
    options.update(tls_context=context, require_starttls=(tls == 'starttls-required'))
controller = DroppingController(Handler(), hostname='127.0.0.1', port=port,
                                ssl_context=context if tls == 'implicit' else None, **options)
controller.start()
print('READY', flush=True)
while True:
    time.sleep(3600)
)PY";

} // namespace

QString SmtpServer::python(QString *whyNot)
{
    static const std::pair<QString, QString> found = []() -> std::pair<QString, QString> {
        QStringList candidates;
        for (const QString &path :
            { QStringLiteral("/usr/bin/python3"), QStandardPaths::findExecutable(QStringLiteral("python3")) }) {
            if (!path.isEmpty() && QFileInfo(path).isExecutable() && !candidates.contains(path)) {
                candidates.append(path);
            }
        }
        if (candidates.isEmpty()) {
            return { {}, QStringLiteral("python3 is not installed") };
        }
        for (const QString &candidate : std::as_const(candidates)) {
            QProcess probe;
            probe.start(candidate, { QStringLiteral("-c"), QStringLiteral("import aiosmtpd") });
            if (probe.waitForFinished(20000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
                return { candidate, {} };
            }
        }
        return { {},
            QStringLiteral("aiosmtpd is not installed for %1 (apt-get install python3-aiosmtpd, or "
                           "scripts/install-deps test)")
                .arg(candidates.join(QStringLiteral(", "))) };
    }();
    if (whyNot) {
        *whyNot = found.second;
    }
    return found.first;
}

SmtpServer::SmtpServer()
    : m_dir(QDir::tempPath() + QStringLiteral("/waybill-smtp-XXXXXX"))
{
}

SmtpServer::~SmtpServer()
{
    stop();
}

void SmtpServer::useTls(Tls mode, const QString &certificateFile, const QString &keyFile)
{
    m_tls = mode;
    m_certificateFile = certificateFile;
    m_keyFile = keyFile;
}

bool SmtpServer::start(const QString &maildir)
{
    const QString interpreter = python(&m_error);
    if (interpreter.isEmpty()) {
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    m_maildir = maildir.isEmpty() ? m_dir.path() + QStringLiteral("/Maildir") : maildir;
    for (const char *sub : { "tmp", "new", "cur" }) {
        QDir(m_maildir).mkpath(QString::fromLatin1(sub));
    }
    const QString script = m_dir.path() + QStringLiteral("/smtp_server.py");
    if (const QString error = writeFile(script, QByteArray(Script)); !error.isEmpty()) {
        m_error = error;
        return false;
    }
    if (!writeControl()) {
        return false;
    }
    m_port = freeLoopbackPort();
    QStringList arguments { script, QString::number(m_port), m_dir.path(), m_maildir };
    switch (m_tls) {
    case Tls::None:
        arguments << QStringLiteral("none");
        break;
    case Tls::StartTlsOffered:
        arguments << QStringLiteral("starttls") << m_certificateFile << m_keyFile;
        break;
    case Tls::StartTlsRequired:
        arguments << QStringLiteral("starttls-required") << m_certificateFile << m_keyFile;
        break;
    case Tls::Implicit:
        arguments << QStringLiteral("implicit") << m_certificateFile << m_keyFile;
        break;
    }
    m_process.start(interpreter, arguments);
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("python3 did not start: %1").arg(m_process.errorString());
        return false;
    }
    QByteArray stdoutText;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("the SMTP server exited: %1").arg(log());
            return false;
        }
        m_process.waitForReadyRead(100);
        stdoutText += m_process.readAllStandardOutput();
        if (stdoutText.contains("READY")) {
            return true;
        }
    }
    m_error = QStringLiteral("the SMTP server did not come up on port %1: %2").arg(m_port).arg(log());
    return false;
}

void SmtpServer::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate(); // our own child, by its PID
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

QString SmtpServer::log()
{
    m_output += QString::fromUtf8(m_process.readAllStandardError());
    return m_output.right(4000);
}

bool SmtpServer::writeControl()
{
    QJsonObject replies;
    for (const auto &[address, reply] : std::as_const(m_recipientReplies)) {
        if (!reply.isEmpty()) {
            replies.insert(address.toLower(), reply);
        }
    }
    const QJsonObject control { { QStringLiteral("rcpt"), replies },
        { QStringLiteral("drop"), QJsonArray::fromStringList(m_drop) } };
    QSaveFile file(m_dir.path() + QStringLiteral("/control.json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(control).toJson()) < 0 || !file.commit()) {
        m_error = QStringLiteral("cannot write control.json");
        return false;
    }
    return true;
}

void SmtpServer::setRecipientReply(const QString &address, const QString &reply)
{
    m_recipientReplies.removeIf([&address](const auto &entry) { return entry.first == address; });
    m_recipientReplies.append({ address, reply });
    writeControl();
}

void SmtpServer::dropDuringData(const QString &address)
{
    m_drop.append(address);
    writeControl();
}

QStringList SmtpServer::commands() const
{
    QStringList lines;
    QFile log(m_dir.path() + QStringLiteral("/commands.log"));
    if (!log.open(QIODevice::ReadOnly)) {
        return lines;
    }
    while (!log.atEnd()) {
        const QByteArray line = log.readLine().trimmed();
        const qsizetype start = line.indexOf(">> b'");
        if (start >= 0 && line.endsWith('\'')) {
            lines.append(QString::fromUtf8(line.mid(start + 5, line.size() - start - 6)));
        }
    }
    return lines;
}

QList<SmtpServer::Envelope> SmtpServer::received() const
{
    QList<Envelope> envelopes;
    QFile log(m_dir.path() + QStringLiteral("/envelopes.jsonl"));
    if (!log.open(QIODevice::ReadOnly)) {
        return envelopes;
    }
    while (!log.atEnd()) {
        const QJsonObject entry = QJsonDocument::fromJson(log.readLine()).object();
        if (entry.isEmpty()) {
            continue;
        }
        Envelope envelope;
        envelope.from = entry.value(QStringLiteral("from")).toString();
        for (const QJsonValue &to : entry.value(QStringLiteral("to")).toArray()) {
            envelope.recipients.append(to.toString());
        }
        for (const QJsonValue &option : entry.value(QStringLiteral("options")).toArray()) {
            envelope.mailOptions.append(option.toString());
        }
        envelope.encrypted = entry.value(QStringLiteral("tls")).toBool();
        envelope.authenticated = entry.value(QStringLiteral("auth")).toBool();
        const QString name = entry.value(QStringLiteral("file")).toString();
        QString path = m_maildir + QStringLiteral("/new/") + name;
        if (!QFileInfo::exists(path)) { // an IMAP server may have moved it to cur/ and added flags
            const QStringList moved
                = QDir(m_maildir + QStringLiteral("/cur")).entryList({ name + QStringLiteral("*") }, QDir::Files);
            path = moved.isEmpty() ? path : m_maildir + QStringLiteral("/cur/") + moved.first();
        }
        QFile message(path);
        if (message.open(QIODevice::ReadOnly)) {
            envelope.content = message.readAll();
        }
        envelopes.append(envelope);
    }
    return envelopes;
}

} // namespace waybill::testing
