// SPDX-FileCopyrightText: 2026 The Waybill authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionTester.h"

#include "channels/email/EmailAccountServers.h"
#include "channels/email/ImapClient.h"
#include "channels/email/ImapConnectTask.h"
#include "channels/email/SmtpClient.h"
#include "channels/email/SmtpConnectTask.h"

#include <QTimer>

namespace waybill::ui {

using channels::Transport;
using channels::email::ImapError;
using channels::email::SmtpError;

namespace {

QString transportProblem(Transport::Failure failure, const QString &server, const QString &detail)
{
    switch (failure) {
    case Transport::Failure::HostNotFound:
        return ConnectionTester::tr("The server %1 could not be found. Check its name and this computer's internet "
                                    "connection.")
            .arg(server);
    case Transport::Failure::ConnectionRefused:
        return ConnectionTester::tr("%1 cannot be reached: it refused the connection. Check the port and the "
                                    "security setting (SSL/TLS or STARTTLS).")
            .arg(server);
    case Transport::Failure::Timeout:
        return ConnectionTester::tr("%1 did not answer in time. Check the server name and port, or try again later.")
            .arg(server);
    case Transport::Failure::TlsHandshake:
        return ConnectionTester::tr("The secure connection to %1 failed (TLS): %2").arg(server, detail);
    case Transport::Failure::RemoteClosed:
        return ConnectionTester::tr("%1 closed the connection: %2").arg(server, detail);
    case Transport::Failure::Other:
        break;
    }
    return ConnectionTester::tr("%1 cannot be reached: %2").arg(server, detail);
}

QString wrongPassword(const QString &server, const QString &serverText)
{
    QString text = ConnectionTester::tr("Wrong user name or password: %1 refused the sign-in. Check both; providers "
                                        "with two-step sign-in need an app password.")
                       .arg(server);
    if (!serverText.trimmed().isEmpty()) {
        text += u' ' + ConnectionTester::tr("The server said: “%1”").arg(serverText.trimmed());
    }
    return text;
}

} // namespace

ConnectionTester::ConnectionTester(channels::TransportFactory &transports, QObject *parent)
    : QObject(parent)
    , m_transports(transports)
{
}

ConnectionTester::~ConnectionTester()
{
    abort();
}

bool ConnectionTester::isRunning() const
{
    return m_imapRunning || m_smtpRunning;
}

void ConnectionTester::abort()
{
    m_imapRunning = false;
    m_smtpRunning = false;
    // Tasks first: they must not report into clients that are already gone.
    for (QObject *object : std::initializer_list<QObject *> { m_imapTask.get(), m_smtpTask.get() }) {
        if (object) {
            object->disconnect(this);
        }
    }
    m_imapTask.reset();
    m_smtpTask.reset();
    if (m_imap) {
        m_imap->disconnect(this);
    }
    m_imap.reset();
    m_smtp.reset();
}

void ConnectionTester::start(const domain::EmailAccount &account, const QString &secret)
{
    abort();
    m_imapRunning = true;
    m_smtpRunning = true;
    startImap(account, secret);
    startSmtp(account, secret);
}

void ConnectionTester::startImap(const domain::EmailAccount &account, const QString &secret)
{
    QString error;
    auto config = channels::email::EmailAccountServers::imap(account, secret, &error);
    if (!config) {
        QTimer::singleShot(0, this, [this, error] { imapDone(false, tr("Incoming (IMAP) server: %1").arg(error)); });
        return;
    }
    config->commandTimeoutMs = TimeoutMs;
    const QString name = QStringLiteral("%1:%2").arg(config->host).arg(config->port);
    m_imap = std::make_unique<channels::email::ImapClient>(m_transports, *config);
    m_imapTask = std::make_unique<channels::email::ImapConnectTask>(*m_imap);
    connect(m_imapTask.get(), &channels::email::ImapTask::finished, this, [this, name] {
        const bool encrypted = m_imap->isEncrypted();
        imapDone(true,
            encrypted ? tr("Signed in to %1 (encrypted).").arg(name)
                      : tr("Signed in to %1 (not encrypted).").arg(name));
    });
    connect(m_imapTask.get(), &channels::email::ImapTask::failed, this,
        [this, name](const ImapError &failure) { imapDone(false, describe(failure, name)); });
    m_imapTask->start();
}

void ConnectionTester::startSmtp(const domain::EmailAccount &account, const QString &secret)
{
    QString error;
    auto config = channels::email::EmailAccountServers::smtp(account, secret, &error);
    if (!config) {
        QTimer::singleShot(0, this, [this, error] { smtpDone(false, tr("Outgoing (SMTP) server: %1").arg(error)); });
        return;
    }
    config->commandTimeoutMs = TimeoutMs;
    const QString name = QStringLiteral("%1:%2").arg(config->host).arg(config->port);
    m_smtp = std::make_unique<channels::email::SmtpClient>(m_transports, *config);
    m_smtpTask = std::make_unique<channels::email::SmtpConnectTask>(*m_smtp);
    connect(m_smtpTask.get(), &channels::email::SmtpConnectTask::finished, this, [this, name] {
        const bool encrypted = m_smtp->isEncrypted();
        smtpDone(true,
            encrypted ? tr("Signed in to %1 (encrypted).").arg(name)
                      : tr("Signed in to %1 (not encrypted).").arg(name));
    });
    connect(m_smtpTask.get(), &channels::email::SmtpTask::failed, this,
        [this, name](const SmtpError &failure) { smtpDone(false, describe(failure, name)); });
    m_smtpTask->start();
}

void ConnectionTester::imapDone(bool ok, const QString &message)
{
    if (!m_imapRunning) {
        return;
    }
    m_imapRunning = false;
    // The task and its client may be inside their own signal: close and delete them on the next turn.
    if (m_imapTask) {
        m_imapTask->disconnect(this);
        m_imapTask.release()->deleteLater();
    }
    if (m_imap) {
        channels::email::ImapClient *client = m_imap.release();
        QTimer::singleShot(0, client, [client] {
            client->disconnectFromServer();
            client->deleteLater();
        });
    }
    Q_EMIT imapChecked(ok, message);
    if (!isRunning()) {
        Q_EMIT finished();
    }
}

void ConnectionTester::smtpDone(bool ok, const QString &message)
{
    if (!m_smtpRunning) {
        return;
    }
    m_smtpRunning = false;
    if (m_smtpTask) {
        m_smtpTask->disconnect(this);
        m_smtpTask.release()->deleteLater();
    }
    if (m_smtp) {
        channels::email::SmtpClient *client = m_smtp.release();
        QTimer::singleShot(0, client, [client] {
            client->disconnectFromServer();
            client->deleteLater();
        });
    }
    Q_EMIT smtpChecked(ok, message);
    if (!isRunning()) {
        Q_EMIT finished();
    }
}

QString ConnectionTester::describe(const ImapError &error, const QString &server)
{
    switch (error.kind) {
    case ImapError::Kind::Authentication:
        return wrongPassword(server, error.message);
    case ImapError::Kind::Tls:
        return transportProblem(Transport::Failure::TlsHandshake, server, error.message);
    case ImapError::Kind::Timeout:
        return transportProblem(Transport::Failure::Timeout, server, error.message);
    case ImapError::Kind::Transport:
        return transportProblem(error.transportFailure, server, error.message);
    case ImapError::Kind::Unsupported:
        return tr("%1 does not offer what this account needs: %2").arg(server, error.message);
    default:
        break;
    }
    return tr("%1: %2").arg(server, error.message);
}

QString ConnectionTester::describe(const SmtpError &error, const QString &server)
{
    switch (error.kind) {
    case SmtpError::Kind::Authentication:
        return wrongPassword(server, error.serverText.isEmpty() ? error.message : error.serverText);
    case SmtpError::Kind::Tls:
        return transportProblem(Transport::Failure::TlsHandshake, server, error.message);
    case SmtpError::Kind::Timeout:
        return transportProblem(Transport::Failure::Timeout, server, error.message);
    case SmtpError::Kind::Transport:
        return transportProblem(error.transportFailure, server, error.message);
    case SmtpError::Kind::Unsupported:
        return tr("%1 does not offer what this account needs: %2").arg(server, error.message);
    default:
        break;
    }
    return tr("%1: %2").arg(server, error.message);
}

} // namespace waybill::ui
